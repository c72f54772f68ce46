import { type AqiReport, indicatorOrder } from '../../shared/aqi';
import type { PanelReport, SeriesState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { EngineData } from './data';
import { HourColumns } from './hour-columns';
import { dailyReport, hourlyReport } from './reports';
import { forecastHours, type WindowReport } from './unit-series';

/** The side panel's curve: 72 h of hourly and daily AQI, then the forecast continuing it (issue 7). */
const panelHours = 72;

function panelReport(report: AqiReport): PanelReport {
  return {
    edition: report.edition,
    aqi: report.aqi,
    readings: indicatorOrder
      .filter((indicator) => indicator in report.iaqi)
      .map((indicator) => ({
        indicator,
        concentration: report.concentrations[indicator] ?? null,
        iaqi: report.iaqi[indicator] ?? null,
      })),
  };
}

/** What the panel lists under "pollutants": both reports at now, from the unit's or station's hours. */
function reportsAt(columns: HourColumns | undefined, now: number): SeriesState['reports'] {
  const empty = new HourColumns();
  return {
    hourly: panelReport(hourlyReport(columns ?? empty, now)),
    daily: panelReport(dailyReport(columns ?? empty, now)),
  };
}

function pastCurves(
  columns: HourColumns | undefined,
  windowAt: (time: number) => WindowReport | null,
  now: number,
) {
  const hourly: SeriesState['hourly'] = [];
  const daily: SeriesState['daily'] = [];
  for (let offset = panelHours - 1; offset >= 0; offset -= 1) {
    const time = now - offset * HOUR;
    hourly.push({ time, aqi: columns ? hourlyReport(columns, time).aqi : null });
    const window = windowAt(time);
    daily.push({
      time,
      aqi: window && !Number.isNaN(window.aqi) ? window.aqi : null,
      primaryPollutants: window?.primary ?? [],
    });
  }
  return { hourly, daily };
}

export function unitSeriesState(data: EngineData, unitId: string, now: number): SeriesState {
  const windows = data.windowsOf(unitId);
  const curves = pastCurves(data.unitColumns.get(unitId), (time) => windows.at(time), now);
  const forecast: SeriesState['forecast'] = [];
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
  const reports = reportsAt(data.unitColumns.get(unitId), now);
  return { kind: 'unit', id: unitId, now, ...curves, reports, forecast };
}

export function stationSeriesState(data: EngineData, stationId: string, now: number): SeriesState {
  const columns = data.stationColumns.get(stationId);
  const windowAt = (time: number): WindowReport | null => {
    if (!columns) return null;
    const report = dailyReport(columns, time);
    return {
      aqi: report.aqi ?? Number.NaN,
      primary: report.primaryPollutants,
      pm25: report.pm25,
      pm10: report.pm10,
      dust: false,
    };
  };
  return {
    kind: 'station',
    id: stationId,
    now,
    ...pastCurves(columns, windowAt, now),
    reports: reportsAt(columns, now),
    forecast: [],
  };
}
