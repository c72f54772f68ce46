import type { Indicator, Species, StationWindows } from '../aqi';
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
  return valueAtIndex(series, indexOf(series, windowEnd));
}

/** The value of series index `index`, NaN (missing) outside the series. */
export function valueAtIndex(series: DailySeries, index: number): number {
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

/** DOMAIN.md, incomplete data: a partial daily AQI counts in grading only above this value. */
export const partialCountsAbove = 100;

/**
 * The value grading, regional averages and recommendations read for a published daily AQI (null = NA) whose
 * report lacked `missing` indicators: a partial value of 100 or less is missing (NaN), never clean air; a
 * partial value above 100 stands (the pollution it shows is there whatever is missing).
 */
export function gradedDailyAqi(aqi: number | null, missing: readonly Indicator[]): number {
  if (aqi === null) return Number.NaN;
  return missing.length > 0 && aqi <= partialCountsAbove ? Number.NaN : aqi;
}

/** An observed daily series with, per window, the published value, its primary pollutants and what it lacked. */
export type ObservedDailySeries = {
  /** The graded values (gradedDailyAqi): what every rule reads. */
  series: DailySeries;
  /** D(t) as published (null = NA), aligned with series.values. */
  published: (number | null)[];
  primaryPollutants: Species[][];
  missing: Indicator[][];
};

/**
 * D(t) of the 24-hour window ending at every hour from start to end (the plans' "按连续24小时（可以跨自然日）
 * 均值计算") from a station's or unit's windows, for the rule engine. Windows after `now` (default: the
 * newest hour held) are left NaN for the caller to join with forecasts.
 */
export function dailyAqiSeries(
  windows: StationWindows,
  start: number,
  end: number,
  now: number = windows.newestHour ?? start - HOUR,
): ObservedDailySeries {
  const length = Math.max(0, Math.floor((end - start) / HOUR) + 1);
  const values = new Float64Array(length).fill(Number.NaN);
  const published: (number | null)[] = [];
  const primaryPollutants: Species[][] = [];
  const missing: Indicator[][] = [];
  const lastObservedIndex = Math.max(-1, Math.min(length - 1, Math.floor((now - start) / HOUR)));
  windows.rate(start, start + lastObservedIndex * HOUR, 'daily');
  for (let index = 0; index < length; index += 1) {
    const windowEnd = start + index * HOUR;
    const observed = index <= lastObservedIndex;
    const aqi = observed ? windows.dailyAqi(windowEnd) : null;
    const lacking = observed ? windows.dailyMissingIndicators(windowEnd) : [];
    values[index] = gradedDailyAqi(aqi, lacking);
    published.push(aqi);
    primaryPollutants.push(observed ? windows.dailyPrimaryPollutants(windowEnd) : []);
    missing.push(lacking);
  }
  return { series: { start, values, lastObservedIndex }, published, primaryPollutants, missing };
}
