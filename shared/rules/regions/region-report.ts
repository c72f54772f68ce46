import type { WarningLevel } from '../../levels';
import type { GradingRule } from '../../plans/grading-schema';
import type { Explanation } from '../../state/schema';
import { HOUR, toBeijingIso } from '../../time';
import type { DailySeries } from '../daily-series';
import { clauseHolds } from '../grading';
import type { Grid } from './grid';

/** A window that decided the region's level: its end, the members' average and the threshold it beat. */
export type DecidingWindow = { windowEnd: number; average: number; threshold: number };

export type UnitNames = ReadonlyMap<string, { zh: string; en: string }>;

/** Ili plan 3.3.3 预警启动 (numbering reconstructed): ≥ 3 contiguous units, average daily AQI graded. */
export const regionalWarningSection = '3.3.3 预警启动';

const levelZh: Record<WarningLevel, string> = { none: '无', yellow: '黄色', orange: '橙色', red: '红色' };

/**
 * The region's series: per window the arithmetic mean of the members' D(t). A window is missing when any
 * member's is missing: a mean over part of the members would grade a smaller region than the one named.
 */
export function averageSeries(
  members: readonly number[],
  grid: Grid,
  lastObservedIndex: number,
): DailySeries {
  const values = new Float64Array(grid.hours);
  for (let hour = 0; hour < grid.hours; hour += 1) {
    let sum = 0;
    for (const node of members) sum += grid.values[node * grid.hours + hour]!;
    values[hour] = sum / members.length;
  }
  return { start: grid.start, values, lastObservedIndex };
}

/** The windows of the first alternative that holds at t: every sustained window, the latest someWithin hit. */
export function decidingWindows(
  rule: GradingRule,
  series: DailySeries,
  t: number,
): { text: string; windows: DecidingWindow[] } {
  const alternative = rule.anyOf.find((candidate) =>
    candidate.allOf.every((clause) => clauseHolds(clause, series, t)),
  );
  if (!alternative) return { text: '', windows: [] };
  const windows: DecidingWindow[] = [];
  const valueAt = (windowEnd: number) => series.values[Math.round((windowEnd - series.start) / HOUR)]!;
  for (const clause of alternative.allOf) {
    if (clause.kind === 'sustained') {
      for (let offset = 0; offset < clause.hours; offset += 24)
        windows.push({
          windowEnd: t - offset * HOUR,
          average: valueAt(t - offset * HOUR),
          threshold: clause.threshold,
        });
    } else {
      for (let offset = 0; offset <= clause.hours; offset += 1) {
        const average = valueAt(t - offset * HOUR);
        if (average > clause.threshold) {
          windows.push({ windowEnd: t - offset * HOUR, average, threshold: clause.threshold });
          break;
        }
      }
    }
  }
  return { text: alternative.text, windows };
}

const clock = (ms: number) => toBeijingIso(ms).slice(0, 16).replace('T', ' ');

export function explainRegion(input: {
  members: readonly string[];
  names: UnitNames | undefined;
  rule: GradingRule;
  alternativeText: string;
  windows: readonly DecidingWindow[];
  firstWindowEnd: number;
  lastWindowEnd: number;
  section: string;
}): Explanation {
  const { members, names, rule, windows } = input;
  const level = rule.level;
  const zhNames = members.map((id) => names?.get(id)?.zh ?? id).join('、');
  const enNames = members.map((id) => names?.get(id)?.en ?? id).join(', ');
  const zhWindows = windows
    .map((w) => `${clock(w.windowEnd)} ${w.average.toFixed(1)}（＞${w.threshold}）`)
    .join('，');
  const enWindows = windows
    .map((w) => `${w.average.toFixed(1)} > ${w.threshold} at ${clock(w.windowEnd)}`)
    .join(', ');
  const span = `${clock(input.firstWindowEnd)} – ${clock(input.lastWindowEnd)}`;
  return {
    zh:
      `${zhNames}等${members.length}个连片县市、团场平均日AQI：${zhWindows}，达到${levelZh[level]}预警分级标准（${input.alternativeText}），` +
      `窗口结束时刻 ${span} 成立；相关县市、团场启动不低于${levelZh[level]}预警级别的应急响应。`,
    en:
      `${members.length} contiguous units (${enNames}) average daily AQI ${enWindows}: meets the ${level} grading ` +
      `standard (${input.alternativeText}) for window ends ${span}; every member responds at no lower than ${level}.`,
    citations: [input.section, rule.section],
  };
}
