import { HOUR } from '../time';

/**
 * A unit's (or region's) daily-AQI series: values[i] is D at window end start + i hours; NaN where the
 * window is missing or invalid. Observed windows run up to `now`, forecast windows after it.
 */
export type DailySeries = {
  start: number;
  values: Float64Array;
  /** Index of the last observed window; later indices are forecast. */
  lastObservedIndex: number;
};

export function indexOf(series: DailySeries, windowEnd: number): number {
  return Math.round((windowEnd - series.start) / HOUR);
}

export function valueAt(series: DailySeries, windowEnd: number): number {
  const index = indexOf(series, windowEnd);
  return index >= 0 && index < series.values.length ? series.values[index]! : Number.NaN;
}

export function windowEndAt(series: DailySeries, index: number): number {
  return series.start + index * HOUR;
}

/**
 * A region's series from its members' (Ili 3.3.3, the arithmetic mean per window), over the windows all
 * of them cover; a window missing for any member is missing (NaN) for the region. Null without members.
 */
export function averageDailySeries(members: readonly DailySeries[]): DailySeries | null {
  if (members.length === 0) return null;
  const start = Math.max(...members.map((series) => series.start));
  const end = Math.min(...members.map((series) => series.start + (series.values.length - 1) * HOUR));
  if (end < start) return null;
  const length = Math.round((end - start) / HOUR) + 1;
  const values = new Float64Array(length);
  for (let index = 0; index < length; index += 1) {
    const time = start + index * HOUR;
    let sum = 0;
    for (const series of members) sum += series.values[Math.round((time - series.start) / HOUR)]!;
    values[index] = sum / members.length;
  }
  const lastObserved = members[0]!.start + members[0]!.lastObservedIndex * HOUR;
  return { start, values, lastObservedIndex: Math.round((lastObserved - start) / HOUR) };
}
