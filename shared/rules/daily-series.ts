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
