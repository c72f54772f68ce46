import type { GradingRule } from '../../plans/grading-schema';
import { HOUR } from '../../time';
import { type DailySeries, indexOf } from '../daily-series';

/**
 * Every node's daily AQI on one hourly grid: value(node, hour) = values[node * hours + hour], NaN when
 * missing. Hour 0 is the earliest window any rule looks back to from `from`; the last hour is `to`.
 */
export type Grid = {
  start: number;
  hours: number;
  values: Float64Array;
  /** The highest value of any node per hour, to skip conditions no unit comes near. */
  maxByHour: Float64Array;
};

/** How far back a rule looks from its window end (grading-schema: sustained spans hours−24, someWithin hours). */
export function lookbackHours(rules: readonly GradingRule[]): number {
  let hours = 0;
  for (const rule of rules)
    for (const alternative of rule.anyOf)
      for (const clause of alternative.allOf)
        hours = Math.max(hours, clause.kind === 'sustained' ? clause.hours - 24 : clause.hours);
  return hours;
}

export function buildGrid(
  ids: readonly string[],
  seriesByUnit: ReadonlyMap<string, DailySeries>,
  start: number,
  end: number,
): Grid {
  const hours = Math.round((end - start) / HOUR) + 1;
  const values = new Float64Array(ids.length * hours).fill(Number.NaN);
  const maxByHour = new Float64Array(hours).fill(Number.NEGATIVE_INFINITY);
  ids.forEach((id, node) => {
    const series = seriesByUnit.get(id);
    if (!series) return;
    // valueAt(series, start + hour * HOUR) for hour-aligned series (all are), its index of hour 0 found once.
    const first = indexOf(series, start);
    const length = series.values.length;
    for (let hour = 0; hour < hours; hour += 1) {
      const index = first + hour;
      const value = index >= 0 && index < length ? series.values[index]! : Number.NaN;
      values[node * hours + hour] = value;
      if (value > maxByHour[hour]!) maxByHour[hour] = value;
    }
  });
  return { start, hours, values, maxByHour };
}
