import { useEffect, useMemo, useRef, useState } from 'react';
import { Legend } from '../components/Legend';
import { StatusHeader } from '../components/StatusHeader';
import { WarningList } from '../components/WarningList';
import { useLanguage } from '../i18n/language';
import { summarise } from '../live/summary';
import { useSituationMap } from '../map/useSituationMap';
import { useDisplayedStates } from './useDisplayedStates';
import { unitsOf, type WallViewName, wallSettings, wallViewNames, worstUnits } from './wallViews';

const wallLayers = { stations: true, enterprises: false, dieselZones: false, dustSources: false };

/** The command-room wall: dark, large, live only, every value written on the map, views cycling on a timer. */
export function WallView() {
  const container = useRef<HTMLDivElement>(null);
  const { t, language } = useLanguage();
  const settings = useMemo(() => wallSettings(window.location.search), []);
  const { map } = useSituationMap(container, { wall: true, language });
  const { shown, status } = useDisplayedStates(map);
  const [view, setView] = useState<WallViewName>(settings.start);
  useEffect(() => map?.setLanguage(language), [map, language]);

  useEffect(() => {
    if (settings.cycleMs === 0) return;
    const timer = setInterval(() => {
      setView((current) => wallViewNames[(wallViewNames.indexOf(current) + 1) % wallViewNames.length]!);
    }, settings.cycleMs);
    return () => clearInterval(timer);
  }, [settings.cycleMs]);

  const worst = useMemo(() => worstUnits(shown), [shown]);
  const worstKey = worst?.ids.join(',') ?? '';
  useEffect(() => {
    if (!map) return;
    const ids = view === 'worst' ? (worstKey ? worstKey.split(',') : unitsOf('ili')) : unitsOf(view);
    const bounds = map.boundsOf(ids);
    if (bounds) map.fit(bounds, settings.cycleMs > 0);
  }, [map, view, worstKey, settings.cycleMs]);

  const inView = shown.filter((state) =>
    view === 'worst' ? state.jurisdiction === (worst?.jurisdiction ?? 'ili') : state.jurisdiction === view,
  );
  const place = view === 'worst' ? `${t('worstRegion')} · ${t(worst?.jurisdiction ?? 'ili')}` : t(view);
  return (
    <div className="view wall-view" data-testid="wall" data-view={view}>
      <StatusHeader place={place} summary={summarise(inView)} status={status} />
      <div ref={container} className="map" data-testid="map" />
      <div className="wall-side">
        <WarningList warnings={inView.flatMap((state) => state.warnings)} />
        <Legend metric="hourly" visible={wallLayers} sampleLabel={null} />
      </div>
    </div>
  );
}
