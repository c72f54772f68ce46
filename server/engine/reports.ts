import { type AqiReport, aqiReport, editionAt } from '../../shared/aqi';
import type { HourColumns } from './hour-columns';
import { dailyIndicators, hourlyIndicators } from './windows';

export { editionAt };

/** The real-time hourly report at hour end t, by the edition in force at t (HJ 633-2012 before 2026-03-01). */
export function hourlyReport(columns: HourColumns, t: number): AqiReport {
  return aqiReport(hourlyIndicators(columns, t), 'hourly', editionAt(t));
}

/** The daily report of the 24-hour window ending at t: D(t) of the plans. */
export function dailyReport(columns: HourColumns, t: number): AqiReport & { pm25: number; pm10: number } {
  const indicators = dailyIndicators(columns, t);
  return {
    ...aqiReport(indicators, 'daily', editionAt(t)),
    pm25: indicators.pm25_24h ?? Number.NaN,
    pm10: indicators.pm10_24h ?? Number.NaN,
  };
}
