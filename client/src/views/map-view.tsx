import { useEffect, useMemo, useRef, useState } from 'react';
import { LayerToggles } from '../components/layer-toggles';
import { Legend } from '../components/legend';
import { SidePanel } from '../components/side-panel';
import { StatusHeader } from '../components/status-header';
import { TimeSlider } from '../components/time-slider';
import { UnitPicker } from '../components/unit-picker';
import { useLanguage } from '../i18n/language';
import { useOverlayLayers } from '../live/layers';
import { summarise } from '../live/summary';
import type { Metric } from '../map/labels';
import type { LayerVisibility } from '../map/layers';
import type { Selection } from '../map/situation-map';
import { useSituationMap } from '../map/use-situation-map';
import { useDisplayedStates } from './use-displayed-states';

/** The situational map: both prefectures, layers, legend, time slider and the click panel. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const { t, language } = useLanguage();
  const [selection, setSelection] = useState<Selection | null>(null);
  const { map, attribution } = useSituationMap(container, { onSelect: setSelection, language });
  const { shown, status, timeline, inForecast, office } = useDisplayedStates(map, { slider: true });
  const [metric, setMetric] = useState<Metric>('hourly');
  // Forecasts are daily windows only (issue 7): the chosen metric comes back with now.
  const drawn: Metric = inForecast ? 'daily' : metric;
  const [visible, setVisible] = useState<LayerVisibility>({
    stations: true,
    enterprises: false,
    dieselZones: false,
    dustSources: false,
  });
  useEffect(() => map?.setMetric(drawn), [map, drawn]);
  useEffect(() => map?.setVisibility(visible), [map, visible]);
  const overlays = useOverlayLayers(visible.enterprises || visible.dieselZones || visible.dustSources);
  useEffect(() => {
    if (map && overlays) map.setOverlayLayers(overlays);
  }, [map, overlays]);
  useEffect(() => map?.setLanguage(language), [map, language]);
  const checksChanged = office['enterprise-checks'];
  useEffect(() => {
    void checksChanged;
    map?.enterpriseChecksChanged();
  }, [map, checksChanged]);
  useEffect(() => map?.select(selection?.kind === 'unit' ? selection.id : null), [map, selection]);
  const summary = useMemo(() => summarise(shown), [shown]);
  const selectedState = selection
    ? shown.find((state) =>
        selection.kind === 'unit'
          ? state.units.some((unit) => unit.id === selection.id)
          : state.stations.some((station) => station.id === selection.id),
      )
    : undefined;
  return (
    <div className="view map-view">
      <StatusHeader place={`${t('ili')} · ${t('kizilsu')}`} summary={summary} status={status} />
      <div ref={container} className="map" data-testid="map" />
      <div className="controls">
        <UnitPicker selection={selection} onSelect={setSelection} />
        <LayerToggles metric={drawn} onMetric={setMetric} visible={visible} onVisible={setVisible} />
        {drawn !== metric && (
          <p className="metric-note" data-testid="metric-note">
            {t('dailyInForecast')}
          </p>
        )}
        <Legend metric={drawn} visible={visible} sampleLabel={overlays?.label ?? null} />
      </div>
      {selection && selectedState && (
        <SidePanel selection={selection} state={selectedState} onClose={() => setSelection(null)} />
      )}
      <footer className="footer">
        <TimeSlider timeline={timeline} />
        <span className="attribution">{attribution}</span>
      </footer>
    </div>
  );
}
