import type { Phrase } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';
import type { Metric } from '../map/labels';
import type { LayerVisibility } from '../map/layers';

const toggles: { key: keyof LayerVisibility; phrase: Phrase }[] = [
  { key: 'stations', phrase: 'stations' },
  { key: 'enterprises', phrase: 'enterprises' },
  { key: 'dieselZones', phrase: 'dieselZones' },
  { key: 'dustSources', phrase: 'dustSources' },
];

/** Metric switch (hourly/daily AQI) and layer checkboxes, all keyboard reachable. */
export function LayerToggles({
  metric,
  onMetric,
  visible,
  onVisible,
}: {
  metric: Metric;
  onMetric: (metric: Metric) => void;
  visible: LayerVisibility;
  onVisible: (visible: LayerVisibility) => void;
}) {
  const { t } = useLanguage();
  return (
    <fieldset className="layer-toggles">
      <div role="radiogroup" aria-label="AQI">
        {(['hourly', 'daily'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="metric" checked={metric === option} onChange={() => onMetric(option)} />
            {t(option === 'hourly' ? 'hourlyAqi' : 'dailyAqi')}
          </label>
        ))}
      </div>
      {toggles.map(({ key, phrase }) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={visible[key]}
            onChange={(event) => onVisible({ ...visible, [key]: event.target.checked })}
          />
          {t(phrase)}
        </label>
      ))}
    </fieldset>
  );
}
