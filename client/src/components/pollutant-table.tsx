import type { Indicator } from '../../../shared/aqi';
import type { PanelReport, SeriesState } from '../../../shared/state/schema';
import type { Phrase } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';
import { speciesName } from '../i18n/names';
import { beijingMinute } from '../time/beijing';

/** How each report averages an indicator (HJ 633 tables 1 and 2): a daily report takes O3's daily maxima. */
function averaging(indicator: Indicator, kind: 'hourly' | 'daily'): Phrase {
  if (indicator === 'o3_8h') return kind === 'daily' ? 'avgO3Daily8h' : 'avgO3Moving8h';
  if (indicator === 'o3_1h' && kind === 'daily') return 'avgO3Daily1h';
  if (indicator.endsWith('_24h')) return kind === 'daily' ? 'avg24h' : 'avgMoving24h';
  return 'avg1h';
}

/** Published the way monitoring stations publish them: µg/m³ whole, CO (mg/m³) to one decimal. */
function shown(indicator: Indicator, concentration: number | null): string {
  if (concentration === null) return 'NA';
  return indicator.startsWith('co_') ? concentration.toFixed(1) : String(Math.round(concentration));
}

function Report({ report, kind, at }: { report: PanelReport; kind: 'hourly' | 'daily'; at: number }) {
  const { t } = useLanguage();
  const title = t(kind === 'hourly' ? 'hourlyReport' : 'dailyReportWindow');
  return (
    <table className="pollutants" data-testid={`pollutants-${kind}`}>
      <caption>
        {title} {beijingMinute(at)} · HJ 633-{report.edition} · AQI {report.aqi ?? 'NA'}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('indicator')}</th>
          <th scope="col">{t('concentration')}</th>
          <th scope="col">IAQI</th>
        </tr>
      </thead>
      <tbody>
        {report.readings.map((reading) => (
          <tr key={reading.indicator}>
            <th scope="row">
              {speciesName(reading.indicator.split('_')[0]!)}{' '}
              <small>{t(averaging(reading.indicator, kind))}</small>
            </th>
            <td>
              {shown(reading.indicator, reading.concentration)}{' '}
              <small>{reading.indicator.startsWith('co_') ? 'mg/m³' : 'µg/m³'}</small>
            </td>
            <td>{reading.iaqi ?? 'NA'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The pollutants behind the AQI at the displayed hour: both reports, each indicator with its sub-index. */
export function PollutantTables({ reports, at }: { reports: SeriesState['reports']; at: number }) {
  return (
    <>
      <Report report={reports.hourly} kind="hourly" at={at} />
      <Report report={reports.daily} kind="daily" at={at} />
    </>
  );
}
