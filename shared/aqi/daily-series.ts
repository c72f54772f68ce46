import type { DailySeries } from '../rules/daily-series';
import { HOUR } from '../time';
import type { Species } from './species';
import type { StationWindows } from './station-windows';

export type DailyAqiSeries = {
  /** D(t) at every hour from `start` (NaN where the window is invalid or not held). */
  series: DailySeries;
  /** The primary pollutants of each window, aligned with series.values. */
  primaryPollutants: Species[][];
};

/**
 * The daily AQI of the 24-hour window ending at every hour from start to end (the plans' "按连续24小时
 * （可以跨自然日）均值计算"), for the rule engine. Windows after `now` (default: the newest hour held) are
 * left NaN for the caller to join with forecasts.
 */
export function dailyAqiSeries(
  windows: StationWindows,
  start: number,
  end: number,
  now: number = windows.newestHour ?? start - HOUR,
): DailyAqiSeries {
  const length = Math.max(0, Math.floor((end - start) / HOUR) + 1);
  const values = new Float64Array(length).fill(Number.NaN);
  const primaryPollutants: Species[][] = [];
  const lastObservedIndex = Math.max(-1, Math.min(length - 1, Math.floor((now - start) / HOUR)));
  for (let index = 0; index < length; index += 1) {
    const windowEnd = start + index * HOUR;
    const observed = index <= lastObservedIndex;
    values[index] = observed ? (windows.dailyAqi(windowEnd) ?? Number.NaN) : Number.NaN;
    primaryPollutants.push(observed ? windows.dailyPrimaryPollutants(windowEnd) : []);
  }
  return { series: { start, values, lastObservedIndex }, primaryPollutants };
}
