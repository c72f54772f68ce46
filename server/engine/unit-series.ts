import type { Species } from '../../shared/aqi';
import { dustLikely } from '../../shared/rules';
import type { DailySeries } from '../../shared/rules/daily-series';
import { HOUR } from '../../shared/time';
import { dustHour, mostlyDustHours } from './dust-hours';
import type { ForecastBook } from './forecasts';
import type { HourColumns } from './hour-columns';
import { dailyReport } from './reports';

/** Observed windows kept before now: the 72 h the side panel shows plus the plans' longest look-back. */
export const historyHours = 167;
/** Forecast windows after now (Kizilsu asks 48 h of lead, forecasts cover the next 3 days). */
export const forecastHours = 72;

/** D(t) with its primary pollutants and PM means, and whether the window looks like sand and dust. */
export type WindowReport = { aqi: number; primary: Species[]; pm25: number; pm10: number; dust: boolean };

/** D(t) per window end for one unit; a late hour at h invalidates the windows h … h + 23 h. */
export class WindowCache {
  private readonly reports = new Map<number, WindowReport>();
  /** Whether each hour looks like dust (null: PM not measured), computed once per hour. */
  private readonly dustHours = new Map<number, boolean | null>();
  private readonly verdictAt = (hour: number): boolean | null => {
    let verdict = this.dustHours.get(hour);
    if (verdict === undefined) {
      verdict = dustHour(this.columns, hour);
      this.dustHours.set(hour, verdict);
    }
    return verdict;
  };

  constructor(private readonly columns: HourColumns) {}

  invalidate(hour: number): void {
    this.dustHours.delete(hour);
    for (let offset = 0; offset < 24; offset += 1) this.reports.delete(hour + offset * HOUR);
  }

  at(windowEnd: number): WindowReport {
    let report = this.reports.get(windowEnd);
    if (!report) {
      const daily = dailyReport(this.columns, windowEnd);
      report = {
        aqi: daily.aqi ?? Number.NaN,
        primary: daily.primaryPollutants,
        pm25: daily.pm25,
        pm10: daily.pm10,
        dust:
          dustLikely({ pm25: daily.pm25, pm10: daily.pm10, primaryPollutants: daily.primaryPollutants }) ||
          mostlyDustHours(this.verdictAt, windowEnd),
      };
      this.reports.set(windowEnd, report);
    }
    return report;
  }

  /** Drops windows far behind now so a long replay does not grow the cache without bound. */
  prune(now: number): void {
    if (this.reports.size < 4 * (historyHours + 1)) return;
    const oldest = now - (historyHours + 24) * HOUR;
    for (const end of this.reports.keys()) if (end < oldest) this.reports.delete(end);
    for (const hour of this.dustHours.keys()) if (hour < oldest) this.dustHours.delete(hour);
  }
}

export type UnitSeries = {
  series: DailySeries;
  /** PM2.5 24 h means aligned with the series (forecast windows NaN), for Ili's heavy-day flag. */
  pm25Daily: Float64Array;
  /** Per observed window: whether it looks like sand and dust. */
  dustWindows: boolean[];
  /** Primary pollutants of each observed window, then the forecast's. */
  primary: Species[][];
};

/** Observed windows up to now joined with the newest forecast of each later window (DOMAIN.md "predicted"). */
export function unitSeries(
  unit: string,
  windows: WindowCache,
  forecasts: ForecastBook,
  now: number,
): UnitSeries {
  const start = now - historyHours * HOUR;
  const length = historyHours + 1 + forecastHours;
  const values = new Float64Array(length).fill(Number.NaN);
  const pm25Daily = new Float64Array(length).fill(Number.NaN);
  const dustWindows: boolean[] = [];
  const primary: Species[][] = [];
  for (let index = 0; index <= historyHours; index += 1) {
    const report = windows.at(start + index * HOUR);
    values[index] = report.aqi;
    pm25Daily[index] = report.pm25;
    dustWindows.push(report.dust);
    primary.push(report.primary);
  }
  for (let index = historyHours + 1; index < length; index += 1) {
    const forecast = forecasts.at(unit, start + index * HOUR, now);
    values[index] = forecast?.aqi ?? Number.NaN;
    primary.push(forecast?.primary ? [forecast.primary] : []);
  }
  return { series: { start, values, lastObservedIndex: historyHours }, pm25Daily, dustWindows, primary };
}
