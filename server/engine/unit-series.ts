import type { Indicator, Species, StationWindows } from '../../shared/aqi';
import { type DailySeries, dailyAqiSeries } from '../../shared/rules';
import { HOUR } from '../../shared/time';
import { dustWindows } from './dust-hours';
import type { ForecastBook } from './forecasts';

/** Observed windows kept before now: the 72 h the side panel shows plus the plans' longest look-back. */
export const historyHours = 167;
/** Forecast windows after now (Kizilsu asks 48 h of lead, forecasts cover the next 3 days). */
export const forecastHours = 72;

export type UnitSeries = {
  /** Graded values (shared/rules gradedDailyAqi: a partial value of 100 or less is missing). */
  series: DailySeries;
  /** Per observed window: D(t) as published (null = NA) and the indicators its report lacked. */
  published: (number | null)[];
  missing: Indicator[][];
  /** PM2.5 24 h means aligned with the series (forecast windows NaN), for Ili's heavy-day flag. */
  pm25Daily: Float64Array;
  /** Per observed window: whether it looks like sand and dust. */
  dustWindows: boolean[];
  /** Primary pollutants of each observed window, then the forecast's. */
  primary: Species[][];
};

/**
 * Observed windows up to now (the unit's windows, shared/aqi) joined with the newest forecast of each
 * later window (DOMAIN.md "predicted").
 */
export function unitSeries(
  unit: string,
  windows: StationWindows,
  forecasts: ForecastBook,
  now: number,
): UnitSeries {
  const start = now - historyHours * HOUR;
  const observed = dailyAqiSeries(windows, start, now + forecastHours * HOUR, now);
  const { values } = observed.series;
  const pm25Daily = new Float64Array(values.length).fill(Number.NaN);
  for (let index = 0; index <= historyHours; index += 1)
    pm25Daily[index] = windows.mean24h('pm25', start + index * HOUR) ?? Number.NaN;
  const primary = observed.primaryPollutants.slice(0, historyHours + 1);
  for (let index = historyHours + 1; index < values.length; index += 1) {
    const forecast = forecasts.at(unit, start + index * HOUR, now);
    values[index] = forecast?.aqi ?? Number.NaN;
    primary.push(forecast?.primary ? [forecast.primary] : []);
  }
  return {
    series: observed.series,
    published: observed.published.slice(0, historyHours + 1),
    missing: observed.missing.slice(0, historyHours + 1),
    pm25Daily,
    dustWindows: dustWindows(windows, start, now, { pm25Daily, primary }),
    primary,
  };
}
