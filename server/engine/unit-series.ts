import type { Indicator, Species, StationWindows } from '../../shared/aqi';
import type { DailySeries } from '../../shared/rules';
import { HOUR } from '../../shared/time';
import type { ForecastBook } from './forecasts';
import { observedWindows } from './observed-windows';

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
 * Observed windows up to now (the unit's windows, shared/aqi, read as shared/rules dailyAqiSeries reads them;
 * observed-windows.ts) joined with the newest forecast of each later window (DOMAIN.md "predicted").
 */
export function unitSeries(
  unit: string,
  windows: StationWindows,
  forecasts: ForecastBook,
  now: number,
): UnitSeries {
  const start = now - historyHours * HOUR;
  const observed = observedWindows(windows, start, now);
  const length = historyHours + 1 + forecastHours;
  const values = new Float64Array(length);
  values.set(observed.graded);
  const pm25Daily = new Float64Array(length).fill(Number.NaN);
  pm25Daily.set(observed.pm25Daily);
  const primary = observed.primary;
  for (let index = historyHours + 1; index < length; index += 1) {
    const forecast = forecasts.at(unit, start + index * HOUR, now);
    values[index] = forecast?.aqi ?? Number.NaN;
    primary.push(forecast?.primary ? [forecast.primary] : []);
  }
  return {
    series: { start, values, lastObservedIndex: historyHours },
    published: observed.published,
    missing: observed.missing,
    pm25Daily,
    dustWindows: observed.dust,
    primary,
  };
}
