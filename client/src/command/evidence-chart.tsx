import { HOUR } from '../../../shared/time';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';

export type ChartLine = {
  id: string;
  label: string;
  points: { time: number; value: number | null }[];
  main: boolean;
};
export type ChartBand = { time: number; low: number; high: number }[];

const width = 640;
const height = 220;
const pad = { left: 36, right: 8, top: 8, bottom: 22 };
/** The plans' daily-AQI thresholds (预警分级标准: 150, 200, 300). */
const thresholds = [150, 200, 300];

/**
 * Daily AQI against the level thresholds: the subject's line (a region's mean) thick, the members thin,
 * the forecast's likely range as a band where the forecast gives one, and the data time as a rule.
 */
export function EvidenceChart({ lines, band, now }: { lines: ChartLine[]; band: ChartBand; now: number }) {
  const { t } = useLanguage();
  const times = lines.flatMap((line) => line.points.map((point) => point.time));
  if (times.length === 0) return null;
  const from = Math.min(...times);
  const to = Math.max(...times, now + HOUR);
  const values = lines.flatMap((line) =>
    line.points.flatMap((point) => (point.value === null ? [] : [point.value])),
  );
  const top = Math.max(320, ...values, ...band.map((entry) => entry.high)) * 1.05;
  const x = (time: number) => pad.left + ((time - from) / (to - from)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - value / top) * (height - pad.top - pad.bottom);
  const path = (points: ChartLine['points']) => {
    let text = '';
    let pen = false;
    for (const point of points) {
      if (point.value === null) {
        pen = false;
        continue;
      }
      text += `${pen ? 'L' : 'M'}${x(point.time).toFixed(1)},${y(point.value).toFixed(1)} `;
      pen = true;
    }
    return text;
  };
  const bandPath =
    band.length > 1
      ? `M${band.map((entry) => `${x(entry.time).toFixed(1)},${y(entry.high).toFixed(1)}`).join(' L')} L${[
          ...band,
        ]
          .reverse()
          .map((entry) => `${x(entry.time).toFixed(1)},${y(entry.low).toFixed(1)}`)
          .join(' L')} Z`
      : '';
  return (
    <svg
      className="evidence-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('evidenceChart')}
      data-testid="evidence-chart"
    >
      {bandPath && <path d={bandPath} className="band" />}
      {thresholds.map((value) => (
        <g key={value}>
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(value)}
            y2={y(value)}
            className={`threshold t${value}`}
          />
          <text x={2} y={y(value) + 4} className="axis">
            {value}
          </text>
        </g>
      ))}
      <line x1={x(now)} x2={x(now)} y1={pad.top} y2={height - pad.bottom} className="now-rule" />
      <text x={x(now) + 3} y={height - 6} className="axis">
        {t('nowLine')} {beijingMinute(now)}
      </text>
      <text x={pad.left} y={height - 6} className="axis">
        {beijingMinute(from)}
      </text>
      {lines
        .filter((line) => !line.main)
        .map((line) => (
          <path key={line.id} d={path(line.points)} className="member-line">
            <title>{line.label}</title>
          </path>
        ))}
      {lines
        .filter((line) => line.main)
        .map((line) => (
          <path key={line.id} d={path(line.points)} className="main-line">
            <title>{line.label}</title>
          </path>
        ))}
    </svg>
  );
}
