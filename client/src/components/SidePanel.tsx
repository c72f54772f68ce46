import { unitById } from '../../../geo/units';
import type { JurisdictionState } from '../../../shared/state/schema';
import { useLanguage } from '../i18n/language';
import { useSeries } from '../live/series';
import type { Selection } from '../map/SituationMap';
import { beijingMinute } from '../time/beijing';
import { AqiChart } from './AqiChart';
import { LevelBadge } from './LevelBadge';
import { PollutantTables } from './PollutantTable';

const pollutantNames: Record<string, string> = {
  so2: 'SO₂',
  no2: 'NO₂',
  pm10: 'PM₁₀',
  pm25: 'PM₂.₅',
  co: 'CO',
  o3: 'O₃',
};

function Value({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="value">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Details of the clicked unit or station at the displayed time, with its last 72 hours. */
export function SidePanel({
  selection,
  state,
  onClose,
}: {
  selection: Selection;
  state: JurisdictionState;
  onClose: () => void;
}) {
  const { t, language } = useLanguage();
  const { series, failed } = useSeries(state.jurisdiction, selection, state.now);
  const pending = <p>{failed ? t('seriesUnavailable') : t('loading')}</p>;
  const forecast = state.basis === 'forecast';
  const unit =
    selection.kind === 'unit' ? state.units.find((candidate) => candidate.id === selection.id) : undefined;
  const station =
    selection.kind === 'station'
      ? state.stations.find((candidate) => candidate.id === selection.id)
      : undefined;
  const catalogue = unitById.get(selection.id);
  const title = station
    ? `${station.name} (${station.id})`
    : catalogue
      ? language === 'zh'
        ? catalogue.nameZh
        : catalogue.nameEn
      : selection.id;
  return (
    <aside className="side-panel" data-testid="side-panel" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <p className="as-of">
        {forecast && state.forecastFrom !== undefined
          ? `${t('forecastFor')} ${beijingMinute(state.now)} · ${t('forecastIssued')} ${beijingMinute(state.forecastFrom)}`
          : beijingMinute(state.now)}
      </p>
      <dl>
        {unit && (
          <>
            <Value
              label={t('hourlyAqi')}
              value={<span data-testid="panel-hourly">{unit.hourlyAqi ?? '—'}</span>}
            />
            <Value
              label={t('dailyAqi')}
              value={
                <span data-testid="panel-daily">
                  {unit.dailyAqi ?? '—'}
                  {forecast && unit.aqiLow != null && unit.aqiHigh != null && (
                    <small>
                      {' '}
                      ({unit.aqiLow}–{unit.aqiHigh})
                    </small>
                  )}
                </span>
              }
            />
            <Value
              label={t('primaryPollutant')}
              value={unit.primaryPollutants.map((species) => pollutantNames[species]).join('、') || '—'}
            />
            <Value label={t('issuedLevel')} value={<LevelBadge level={unit.issuedLevel} />} />
            <Value label={t('recommendedLevel')} value={<LevelBadge level={unit.recommendedLevel} />} />
            {unit.regionFloor !== 'none' && (
              <Value label={t('regionFloor')} value={<LevelBadge level={unit.regionFloor} />} />
            )}
          </>
        )}
        {station && (
          <Value
            label={t('hourlyAqi')}
            value={<span data-testid="panel-hourly">{station.hourlyAqi ?? '—'}</span>}
          />
        )}
      </dl>
      {unit?.simulated && <p className="mark">{t('simulatedUnit')}</p>}
      {station?.simulated && <p className="mark">{t('simulated')}</p>}
      {(unit?.stale || station?.stale) && <p className="mark stale">{t('stale')}</p>}
      {unit && unit.dust !== 'none' && <p className="mark">{t('dust')}</p>}
      {unit && (
        <section className="explanation">
          <h3>{t('explanation')}</h3>
          <p>{language === 'zh' ? unit.explanation.zh : unit.explanation.en}</p>
          {unit.explanation.citations.length > 0 && (
            <p className="citations">{unit.explanation.citations.join(' · ')}</p>
          )}
        </section>
      )}
      <h3>{t('pollutants')}</h3>
      {forecast ? (
        <p>{t('noPollutantForecast')}</p>
      ) : series ? (
        <PollutantTables reports={series.reports} at={series.now} />
      ) : (
        pending
      )}
      <h3>{t('last72h')}</h3>
      {series ? <AqiChart series={series} /> : pending}
    </aside>
  );
}
