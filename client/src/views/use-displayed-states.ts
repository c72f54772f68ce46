import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { Explanation, JurisdictionState, TimelineState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { queries } from '../api/queries';
import { dataNow, type SliderTimeline, useSliderTimeline } from '../components/time-slider';
import { usePastStates } from '../live/past-state';
import { type LiveStates, useLive } from '../live/use-live';
import type { SituationMap } from '../map/situation-map';

const both: readonly Jurisdiction[] = ['ili', 'kizilsu'];

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

/**
 * Each prefecture's reach (GET /api/state/timeline), or null until known or when there is no slider. Asked
 * again when a prefecture's live now moves (a new forecast issue moves the horizon with it), not on a timer.
 */
function useTimelines(enabled: boolean, live: LiveStates): TimelineState[] | null {
  return useQueries({
    queries: both.map((jurisdiction) => ({
      ...queries.timeline(jurisdiction, live[jurisdiction]?.now ?? 0),
      enabled: enabled && live[jurisdiction] !== undefined,
      placeholderData: keepPreviousData,
    })),
    combine: combineTimelines,
  });
}

function combineTimelines(results: readonly { data?: TimelineState }[]): TimelineState[] | null {
  const timelines = results.map((result) => result.data);
  return timelines.every((timeline) => timeline !== undefined) ? timelines : null;
}

/**
 * The states as forecast now for a later hour (GET /api/state?at=…, basis 'forecast'), asked again when now
 * moves (a newer forecast may apply), or null while loading / when not in the forecast. A prefecture whose
 * forecast ends before the hour is shown without values (withoutForecast), not asked.
 */
function useForecastStates(
  jurisdictions: readonly Jurisdiction[],
  live: LiveStates,
  timelines: readonly TimelineState[] | null,
  at: number | null,
): JurisdictionState[] | null {
  const asked = jurisdictions.map((jurisdiction) => {
    const state = live[jurisdiction];
    const end = timelines?.find((timeline) => timeline.jurisdiction === jurisdiction)?.forecastEnd ?? null;
    const beyond = state !== undefined && at !== null && at > state.now && (end === null || at > end);
    return { jurisdiction, state, beyond };
  });
  const answers = useQueries({
    queries: asked.map(({ jurisdiction, state, beyond }) => ({
      ...queries.state(jurisdiction, at ?? 0, state?.now ?? 0),
      enabled: at !== null && timelines !== null && state !== undefined && !beyond,
      placeholderData: keepPreviousData,
    })),
  });
  const ready = answers.every((answer, index) => !asked[index]!.state || asked[index]!.beyond || answer.data);
  const key = answers.map((answer) => answer.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answers change only when their update times do.
  return useMemo(() => {
    if (at === null || timelines === null || !ready) return null;
    return asked.flatMap(({ state, beyond }, index) => {
      if (!state) return [];
      return [beyond ? withoutForecast(state, at) : answers[index]!.data!];
    });
  }, [at, timelines, ready, key]);
}

/**
 * Which prefectures a chosen hour is past for and which it is ahead of, each by its own now: their clocks
 * differ (a replay plays each on its own episode, a feed can stop), and a past hour of one asked of the
 * other as a past state is refused beyond its forecast (it is shown without values instead).
 */
export function splitByNow(
  at: number | null,
  live: LiveStates,
): { past: readonly Jurisdiction[]; ahead: readonly Jurisdiction[] } {
  if (at === null) return { past: [], ahead: [] };
  const ahead = both.filter((jurisdiction) => at > (live[jurisdiction]?.now ?? Number.POSITIVE_INFINITY));
  return { past: both.filter((jurisdiction) => !ahead.includes(jurisdiction)), ahead };
}

/**
 * Live states, the time slider over stored hours and the forecast, and what is on screen (a past hour,
 * now or a forecast hour), fed to the map. Views without a slider (the wall) always show now.
 */
export function useDisplayedStates(map: SituationMap | null, options: { slider?: boolean } = {}) {
  const { states: live, status, office } = useLive(both);
  const liveList = useMemo(() => Object.values(live), [live]);
  const timelines = useTimelines(options.slider ?? false, live);
  const liveNow = dataNow(liveList, timelines);
  const timeline: SliderTimeline = useSliderTimeline(liveNow, timelines);
  const { selected } = timeline;
  const inForecast = selected !== null && liveNow !== null && selected > liveNow;
  const { past: pastOnes, ahead } = splitByNow(selected, live);
  const past = usePastStates(pastOnes, pastOnes.length > 0 ? selected : null);
  const forecast = useForecastStates(ahead, live, timelines, ahead.length > 0 ? selected : null);
  const shown: JurisdictionState[] = useMemo(() => {
    if (selected === null) return liveList;
    const pastShown = pastOnes.length === 0 ? [] : past ? Object.values(past) : null;
    const aheadShown = ahead.length === 0 ? [] : forecast;
    // Until both halves are in, the live states stay (as before a past or forecast hour answers).
    return pastShown && aheadShown ? [...pastShown, ...aheadShown] : liveList;
  }, [selected, pastOnes.length, ahead.length, past, forecast, liveList]);
  useEffect(() => {
    if (map && shown.length > 0) map.setStates(shown);
  }, [map, shown]);
  return { shown, status, timeline, liveNow, inForecast, office };
}
