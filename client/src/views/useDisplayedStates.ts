import { useEffect, useMemo, useRef, useState } from 'react';
import {
  type Explanation,
  type JurisdictionState,
  jurisdictionStateSchema,
  type TimelineState,
  timelineStateSchema,
} from '../../../shared/state/schema';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { type SliderTimeline, useSliderTimeline } from '../components/TimeSlider';
import { usePastStates } from '../live/pastState';
import { type LiveStates, useLive } from '../live/useLive';
import type { SituationMap } from '../map/SituationMap';

const both: readonly Jurisdiction[] = ['ili', 'kizilsu'];
/** New forecast issues move the horizon without moving now: the timeline is asked again this often. */
const timelineRefreshMs = 30_000;

const noForecast: Explanation = {
  zh: '该时刻没有预报。',
  en: 'No forecast for this hour.',
  citations: [],
};

/**
 * A prefecture whose forecast ends before the chosen hour (the server refuses it): its units without
 * values, so the map does not keep showing another hour's colours; warnings as they stand now.
 */
export function withoutForecast(live: JurisdictionState, at: number): JurisdictionState {
  return {
    ...live,
    now: at,
    basis: 'forecast',
    forecastFrom: live.now,
    regions: [],
    units: live.units.map((unit) => ({
      ...unit,
      hourlyAqi: null,
      dailyAqi: null,
      aqiLow: null,
      aqiHigh: null,
      primaryPollutants: [],
      recommendedLevel: 'none',
      explanation: noForecast,
      stationCount: 0,
      stale: false,
    })),
    stations: live.stations.map((station) => ({ ...station, hourlyAqi: null })),
  };
}

async function getJson(path: string, query: Record<string, string>, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(`${path}?${new URLSearchParams(query)}`, { signal });
  if (!response.ok) throw new Error(`GET ${path} ${response.status}`);
  return response.json();
}

/** Each prefecture's reach (GET /api/state/timeline), or null until known or when there is no slider. */
function useTimelines(enabled: boolean): TimelineState[] | null {
  const [timelines, setTimelines] = useState<TimelineState[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const load = () =>
      Promise.all(
        both.map(async (jurisdiction) =>
          timelineStateSchema.parse(
            await getJson('/api/state/timeline', { jurisdiction }, controller.signal),
          ),
        ),
      )
        .then(setTimelines)
        .catch(() => {});
    void load();
    const timer = setInterval(load, timelineRefreshMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [enabled]);
  return timelines;
}

/**
 * The states as forecast now for a later hour (GET /api/state?at=…, basis 'forecast'), fetched again when
 * now moves (a newer forecast may apply), or null while loading / when not in the forecast.
 */
function useForecastStates(
  live: LiveStates,
  timelines: readonly TimelineState[] | null,
  at: number | null,
): JurisdictionState[] | null {
  const [states, setStates] = useState<JurisdictionState[] | null>(null);
  const latest = useRef(live);
  latest.current = live;
  const nows = both.map((jurisdiction) => live[jurisdiction]?.now ?? '').join(',');
  const ends =
    timelines === null
      ? null
      : both
          .map((jurisdiction) => timelines.find((timeline) => timeline.jurisdiction === jurisdiction))
          .map((timeline) => timeline?.forecastEnd ?? '')
          .join(',');
  useEffect(() => {
    if (at === null || ends === null) {
      setStates(null);
      return;
    }
    const controller = new AbortController();
    const loading = both.flatMap((jurisdiction, index): Promise<JurisdictionState>[] => {
      const state = latest.current[jurisdiction];
      if (!state) return [];
      const now = Number(nows.split(',')[index]);
      const end = ends.split(',')[index];
      if (at > now && (end === '' || at > Number(end))) return [Promise.resolve(withoutForecast(state, at))];
      const query = { jurisdiction, at: toBeijingIso(at) };
      return [
        getJson('/api/state', query, controller.signal).then((json) => jurisdictionStateSchema.parse(json)),
      ];
    });
    Promise.all(loading)
      .then(setStates)
      .catch(() => {});
    return () => controller.abort();
  }, [at, nows, ends]);
  return at === null ? null : states;
}

/**
 * Live states, the time slider over stored hours and the forecast, and what is on screen (a past hour,
 * now or a forecast hour), fed to the map. Views without a slider (the wall) always show now.
 */
export function useDisplayedStates(map: SituationMap | null, options: { slider?: boolean } = {}) {
  const { states: live, status, office } = useLive(both);
  const liveList = useMemo(() => Object.values(live), [live]);
  const liveNow = liveList.length > 0 ? Math.max(...liveList.map((state) => state.now)) : null;
  const timelines = useTimelines(options.slider ?? false);
  const timeline: SliderTimeline = useSliderTimeline(liveNow, timelines);
  const { selected } = timeline;
  const inForecast = selected !== null && liveNow !== null && selected > liveNow;
  const past = usePastStates(both, inForecast ? null : selected);
  const forecast = useForecastStates(live, timelines, inForecast ? selected : null);
  const shown: JurisdictionState[] = useMemo(() => {
    if (inForecast) return forecast ?? liveList;
    return selected !== null && past ? Object.values(past) : liveList;
  }, [inForecast, forecast, selected, past, liveList]);
  useEffect(() => {
    if (map && shown.length > 0) map.setStates(shown);
  }, [map, shown]);
  return { shown, status, timeline, liveNow, inForecast, office };
}
