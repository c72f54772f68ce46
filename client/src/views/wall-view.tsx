import { useEffect, useMemo, useRef, useState } from 'react';
import { ChangeStrip } from '../components/change-strip';
import { DecisionsDue } from '../components/decisions-due';
import { Legend } from '../components/legend';
import { StaleStations } from '../components/stale-stations';
import { StatusHeader } from '../components/status-header';
import { WallLists } from '../components/wall-lists';
import { WarningList } from '../components/warning-list';
import { useLanguage } from '../i18n/language';
import { unitNameById } from '../i18n/names';
import { type DataArrivals, lastArrival, noteArrivals } from '../live/data-arrival';
import { summarise } from '../live/summary';
import type { Bounds } from '../map/situation-map';
import { useSituationMap } from '../map/use-situation-map';
import { beijingMinute } from '../time/beijing';
import { useChanges } from './use-changes';
import { useDisplayedStates } from './use-displayed-states';
import {
  unitsOf,
  type WallViewName,
  type WorstArea,
  wallSettings,
  wallViewNames,
  worstArea,
} from './wall-views';

const wallLayers = { stations: true, enterprises: false, dieselZones: false, dustSources: false };
/** The worst-area view never zooms closer than this (degrees): an area, not one farm. */
const minimumSpan = { lon: 1.6, lat: 1.0 };

function atLeast(bounds: Bounds): Bounds {
  const [west, south, east, north] = bounds;
  const widen = (low: number, high: number, span: number): [number, number] => {
    const middle = (low + high) / 2;
    const half = Math.max(high - low, span) / 2;
    return [middle - half, middle + half];
  };
  const [newWest, newEast] = widen(west, east, minimumSpan.lon);
  const [newSouth, newNorth] = widen(south, north, minimumSpan.lat);
  return [newWest, newSouth, newEast, newNorth];
}

/**
 * The command-room wall: dark, readable across the room at any size, live only; the views cycle (a jump,
 * then rest); every warning in force, what changed and the silent stations beside the map.
 */
export function WallView() {
  const container = useRef<HTMLDivElement>(null);
  const { t, language } = useLanguage();
  const settings = useMemo(() => wallSettings(window.location.search), []);
  const { map } = useSituationMap(container, { wall: true, keepViews: settings.cycleMs > 0, language });
  const { shown, status } = useDisplayedStates(map);
  const [view, setView] = useState<WallViewName>(settings.start);
  const [arrivals, setArrivals] = useState<DataArrivals>(new Map());
  const changes = useChanges(shown);
  useEffect(() => map?.setLanguage(language), [map, language]);
  useEffect(() => setArrivals((previous) => noteArrivals(previous, shown, Date.now())), [shown]);

  useEffect(() => {
    if (settings.cycleMs === 0) return;
    const timer = setInterval(() => {
      setView((current) => wallViewNames[(wallViewNames.indexOf(current) + 1) % wallViewNames.length]!);
    }, settings.cycleMs);
    return () => clearInterval(timer);
  }, [settings.cycleMs]);

  const worst = useMemo(() => worstArea(shown), [shown]);
  // The worst area is refitted only when its members change, not on every state.
  const worstIds = worst?.ids.join(',') ?? '';
  useEffect(() => {
    if (!map) return;
    const ids = view === 'worst' ? (worstIds ? worstIds.split(',') : unitsOf('ili')) : unitsOf(view);
    const bounds = map.boundsOf(ids);
    if (bounds) map.fit(view === 'worst' ? atLeast(bounds) : bounds);
  }, [map, view, worstIds]);

  const jurisdiction = view === 'worst' ? (worst?.jurisdiction ?? 'ili') : view;
  const inView = shown.filter((state) => state.jurisdiction === jurisdiction);
  const title = view === 'worst' ? worstTitle(worst, t, language) : t(view);
  const lost = status.state === 'disconnected';
  return (
    <div
      className="view wall-view"
      data-testid="wall"
      data-view={view}
      data-worst={worst?.ids.join(',') ?? ''}
    >
      <StatusHeader
        place={title}
        summary={summarise(inView)}
        status={status}
        dataArrivedAt={lastArrival(arrivals, [jurisdiction])}
      />
      <div ref={container} className="map" data-testid="map" />
      {lost && (
        <p className="wall-banner" role="alert" data-testid="wall-banner">
          {t('feedLost', status.lostAt === null ? '—' : beijingMinute(status.lostAt))}
        </p>
      )}
      <div className="wall-side" data-testid="wall-side">
        <WallLists>
          <WarningList states={inView} />
          <DecisionsDue states={inView} />
          <StaleStations states={inView} />
        </WallLists>
        <Legend metric="hourly" visible={wallLayers} sampleLabel={null} />
      </div>
      <ChangeStrip changes={changes} jurisdiction={jurisdiction} />
    </div>
  );
}

function worstTitle(
  worst: WorstArea | null,
  t: ReturnType<typeof useLanguage>['t'],
  language: ReturnType<typeof useLanguage>['language'],
): string {
  if (!worst) return `${t('worstRegion')} · ${t('noData')}`;
  const place = t(worst.jurisdiction);
  if (worst.kind === 'warning') return t('worstArea', place, worst.level, worst.ids.length);
  if (worst.kind === 'due') return t('worstDue', place, worst.level, worst.ids.length);
  return t('worstAqi', place, unitNameById(language, worst.unitId), Math.round(worst.aqi));
}
