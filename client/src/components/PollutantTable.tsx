import type { Indicator } from '../../../shared/aqi';
import type { PanelReport, SeriesState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';

const speciesOf: Record<Indicator, string> = {
  so2_24h: 'SO₂',
  so2_1h: 'SO₂',
  no2_24h: 'NO₂',
  no2_1h: 'NO₂',
  pm10_24h: 'PM₁₀',
  pm10_1h: 'PM₁₀',
  pm25_24h: 'PM₂.₅',
  pm25_1h: 'PM₂.₅',
  co_24h: 'CO',
  co_1h: 'CO',
  o3_1h: 'O₃',
  o3_8h: 'O₃',
};

/** How each report averages an indicator (HJ 633 tables 1 and 2): a daily report takes O3's daily maxima. */
function averaging(indicator: Indicator, kind: 'hourly' | 'daily', language: Language): string {
  const zh = language === 'zh';
  if (indicator === 'o3_8h')
    return kind === 'daily'
      ? zh
        ? '日最大8小时滑动平均'
        : 'daily max 8 h mean'
      : zh
        ? '8小时滑动平均'
        : '8 h moving mean';
  if (indicator === 'o3_1h' && kind === 'daily') return zh ? '日最大1小时' : 'daily max 1 h';
  if (indicator.endsWith('_24h'))
    return kind === 'daily' ? (zh ? '24小时平均' : '24 h mean') : zh ? '24小时滑动平均' : '24 h moving mean';
  return zh ? '1小时平均' : '1 h mean';
}

/** Published the way monitoring stations publish them: µg/m³ whole, CO (mg/m³) to one decimal. */
function shown(indicator: Indicator, concentration: number | null): string {
  if (concentration === null) return 'NA';
  return indicator.startsWith('co_') ? concentration.toFixed(1) : String(Math.round(concentration));
}

function Report({ report, kind, at }: { report: PanelReport; kind: 'hourly' | 'daily'; at: number }) {
  const { language } = useLanguage();
  const zh = language === 'zh';
  const title =
    kind === 'hourly'
      ? zh
        ? '实时报'
        : 'Hourly report'
      : zh
        ? '日报(24小时窗口)'
        : 'Daily report (24 h window)';
  return (
    <table className="pollutants" data-testid={`pollutants-${kind}`}>
      <caption>
        {title} {beijingMinute(at)} · HJ 633-{report.edition} · AQI {report.aqi ?? 'NA'}
      </caption>
      <thead>
        <tr>
          <th scope="col">{zh ? '指标' : 'Indicator'}</th>
          <th scope="col">{zh ? '浓度' : 'Concentration'}</th>
          <th scope="col">IAQI</th>
        </tr>
      </thead>
      <tbody>
        {report.readings.map((reading) => (
          <tr key={reading.indicator}>
            <th scope="row">
              {speciesOf[reading.indicator]} <small>{averaging(reading.indicator, kind, language)}</small>
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
