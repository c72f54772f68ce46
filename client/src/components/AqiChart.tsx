import { categories } from '../../../shared/aqi/categories';
import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { beijingHour } from '../time/beijing';

export type SeriesPoint = { t: number; hourlyAqi: number | null; dailyAqi: number | null };
export type ForecastPoint = { t: number; aqi: number };

const width = 420;
const height = 180;
const margin = { left: 34, right: 8, top: 8, bottom: 22 };

function path(points: { x: number; y: number | null }[]): string {
  let d = '';
  let pen = false;
  for (const point of points) {
    if (point.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${point.x.toFixed(1)},${point.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Hourly and daily AQI over the past hours, the forecast continuing the daily curve (dashed), on HJ 633 bands. */
export function AqiChart({
  points,
  forecast,
  now,
}: {
  points: SeriesPoint[];
  forecast: ForecastPoint[];
  now: number;
}) {
  const { t } = useLanguage();
  const start = points[0]?.t ?? now - 72 * HOUR;
  const end = Math.max(now, forecast.at(-1)?.t ?? now);
  const values = [
    ...points.flatMap((p) => [p.hourlyAqi ?? 0, p.dailyAqi ?? 0]),
    ...forecast.map((p) => p.aqi),
  ];
  const top = Math.max(200, Math.ceil(Math.max(...values) / 50) * 50);
  const x = (time: number) =>
    margin.left + ((time - start) / Math.max(HOUR, end - start)) * (width - margin.left - margin.right);
  const y = (aqi: number | null) =>
    aqi === null ? null : margin.top + (1 - Math.min(aqi, top) / top) * (height - margin.top - margin.bottom);
  const bands = categories.map((category, index) => {
    const low = index === 0 ? 0 : categories[index - 1]!.upTo;
    return { hex: category.hex, from: y(Math.min(low, top))!, to: y(Math.min(category.upTo, top))! };
  });
  const lastDaily = [...points].reverse().find((point) => point.dailyAqi !== null);
  const forecastLine = [...(lastDaily ? [{ t: lastDaily.t, aqi: lastDaily.dailyAqi! }] : []), ...forecast];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('last72h')}>
        {bands.map((band) => (
          <rect
            key={band.hex}
            x={margin.left}
            width={width - margin.left - margin.right}
            y={band.to}
            height={Math.max(0, band.from - band.to)}
            fill={band.hex}
            opacity={0.18}
          />
        ))}
        {[0, top / 2, top].map((tick) => (
          <text key={tick} x={margin.left - 4} y={y(tick)! + 4} textAnchor="end" className="axis">
            {tick}
          </text>
        ))}
        {[start, now, end]
          .filter((tick, index, all) => all.indexOf(tick) === index)
          .map((tick) => (
            <text key={tick} x={x(tick)} y={height - 6} textAnchor="middle" className="axis">
              {beijingHour(tick)}
            </text>
          ))}
        <line x1={x(now)} x2={x(now)} y1={margin.top} y2={height - margin.bottom} className="now-line" />
        <path d={path(points.map((p) => ({ x: x(p.t), y: y(p.hourlyAqi) })))} className="series-hourly" />
        <path d={path(points.map((p) => ({ x: x(p.t), y: y(p.dailyAqi) })))} className="series-daily" />
        <path d={path(forecastLine.map((p) => ({ x: x(p.t), y: y(p.aqi) })))} className="series-forecast" />
      </svg>
      <figcaption>
        <span className="key key-hourly">{t('hourlyAqi')}</span>
        <span className="key key-daily">{t('dailyAqi')}</span>
        <span className="key key-forecast">{t('forecast')}</span>
      </figcaption>
    </figure>
  );
}
