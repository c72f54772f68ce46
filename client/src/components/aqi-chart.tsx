import { categories } from '../../../shared/aqi/categories';
import type { SeriesState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { beijingHour } from '../time/beijing';

const width = 420;
const height = 180;
const margin = { left: 34, right: 8, top: 8, bottom: 22 };

type Point = { x: number; y: number | null };

function path(points: Point[]): string {
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

/**
 * Hourly and daily AQI over the last 72 h, the forecast continuing the daily curve (dashed, with its range
 * shaded), on the HJ 633 category bands. Plain SVG.
 */
export function AqiChart({ series }: { series: SeriesState }) {
  const { t } = useLanguage();
  const { now, hourly, daily, forecast } = series;
  const start = hourly[0]?.time ?? now - 71 * HOUR;
  const end = Math.max(now, forecast.at(-1)?.time ?? now);
  const values = [
    ...hourly.map((point) => point.aqi ?? 0),
    ...daily.map((point) => point.aqi ?? 0),
    ...forecast.map((point) => point.aqiHigh ?? point.aqi),
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
  const lastDaily = daily.findLast((point) => point.aqi !== null);
  const forecastLine = [
    ...(lastDaily && forecast.length > 0 ? [{ x: x(lastDaily.time), y: y(lastDaily.aqi) }] : []),
    ...forecast.map((point) => ({ x: x(point.time), y: y(point.aqi) })),
  ];
  const ranged = forecast.filter((point) => point.aqiLow !== null && point.aqiHigh !== null);
  const range = [
    ...ranged.map((point) => `${x(point.time).toFixed(1)},${y(point.aqiHigh)!.toFixed(1)}`),
    ...ranged.toReversed().map((point) => `${x(point.time).toFixed(1)},${y(point.aqiLow)!.toFixed(1)}`),
  ].join(' ');
  const ticks = [...new Set([start, now, end])];
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
        {ticks.map((tick) => (
          <text key={tick} x={x(tick)} y={height - 6} textAnchor="middle" className="axis">
            {beijingHour(tick)}
          </text>
        ))}
        <line x1={x(now)} x2={x(now)} y1={margin.top} y2={height - margin.bottom} className="now-line" />
        {range && <polygon points={range} className="series-range" />}
        <path
          d={path(hourly.map((point) => ({ x: x(point.time), y: y(point.aqi) })))}
          className="series-hourly"
        />
        <path
          d={path(daily.map((point) => ({ x: x(point.time), y: y(point.aqi) })))}
          className="series-daily"
        />
        <path d={path(forecastLine)} className="series-forecast" />
      </svg>
      <figcaption>
        <span className="key key-hourly">{t('hourlyAqi')}</span>
        <span className="key key-daily">{t('dailyAqi')}</span>
        <span className="key key-forecast">{t('forecast')}</span>
      </figcaption>
    </figure>
  );
}
