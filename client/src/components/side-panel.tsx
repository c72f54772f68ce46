import { unitById } from '../../../geo/units';
import { regionFoundAhead, unitInForce } from '../../../shared/state/in-force';
import type { JurisdictionState } from '../../../shared/state/schema';
import { useLanguage } from '../i18n/language';
import { speciesName, unitName } from '../i18n/names';
import { useSeries } from '../live/series';
import { type Metric, missingIndicators, missingSpecies, shownAqi } from '../map/labels';
import type { Selection } from '../map/situation-map';
import { beijingDayHour, beijingMinute } from '../time/beijing';
import { AqiChart } from './aqi-chart';
import { LevelBadge } from './level-badge';
import { PollutantTables } from './pollutant-table';

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
  const regionAhead = unit ? regionFoundAhead(state).get(unit.id) : undefined;
  const catalogue = unitById.get(selection.id);
  const title = station ? `${station.name} (${station.id})` : unitName(language, catalogue, selection.id);
  /** A partial value is shown as such: a lower bound above 100, nothing at or below (DOMAIN.md). */
  const aqiText = (metric: Metric) => {
    const { value, partial } = shownAqi(unit, metric);
    if (value === null) return '—';
    return `${partial ? '≥' : ''}${value}`;
  };
  const partialNote = (metric: Metric) =>
    unit && missingIndicators(unit, metric).length > 0 ? (
      <small className="partial" data-testid={`panel-${metric}-missing`}>
        {' '}
        {t('partialValue', missingSpecies(missingIndicators(unit, metric), language))}
      </small>
    ) : null;
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
              value={
                <>
                  <span data-testid="panel-hourly">{aqiText('hourly')}</span>
                  {partialNote('hourly')}
                </>
              }
            />
            <Value
              label={t('dailyAqi')}
              value={
                <span data-testid="panel-daily">
                  {aqiText('daily')}
                  {partialNote('daily')}
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
              value={unit.primaryPollutants.map(speciesName).join(t('listSeparator')) || '—'}
            />
            <Value label={t('issuedLevel')} value={<LevelBadge level={unit.issuedLevel} />} />
            <Value label={t('recommendedLevel')} value={<LevelBadge level={unit.recommendedLevel} />} />
            {unit.regionFloor !== 'none' && (
              <Value
                label={
                  unitInForce(state.jurisdiction, unit).external === 'none'
                    ? t('regionFound')
                    : t('regionFloor')
                }
                value={
                  <>
                    <LevelBadge level={unit.regionFloor} />
                    {regionAhead !== undefined && (
                      <small data-testid="panel-region-ahead">
                        {t('regionFoundAhead', beijingDayHour(language, regionAhead))}
                      </small>
                    )}
                  </>
                }
              />
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
          <p>{unit.explanation[language]}</p>
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
