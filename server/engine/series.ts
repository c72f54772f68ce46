import type { UnitSeriesState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { EngineData } from './data';
import { hourlyReport } from './reports';
import { forecastHours } from './unit-series';

/** The side panel's curve: 72 h of hourly and daily AQI, then the forecast continuing it (issue 7). */
const panelHours = 72;

export function unitSeriesState(data: EngineData, unitId: string, now: number): UnitSeriesState {
  const columns = data.unitColumns.get(unitId);
  const windows = data.windowsOf(unitId);
  const hourly: UnitSeriesState['hourly'] = [];
  const daily: UnitSeriesState['daily'] = [];
  for (let offset = panelHours - 1; offset >= 0; offset -= 1) {
    const time = now - offset * HOUR;
    hourly.push({ time, aqi: columns ? hourlyReport(columns, time).aqi : null });
    const window = windows.at(time);
    daily.push({
      time,
      aqi: Number.isNaN(window.aqi) ? null : window.aqi,
      primaryPollutants: window.primary,
    });
  }
  const forecast: UnitSeriesState['forecast'] = [];
  for (let lead = 1; lead <= forecastHours; lead += 1) {
    const row = data.forecasts.at(unitId, now + lead * HOUR, now);
    if (!row) continue;
    forecast.push({
      time: row.windowEnd,
      aqi: row.aqi,
      aqiLow: row.aqiLow,
      aqiHigh: row.aqiHigh,
      primary: row.primary,
      source: row.source,
      issuedAt: row.issuedAt,
    });
  }
  return { unitId, now, hourly, daily, forecast };
}
