import { type AqiReport, indicatorOrder, StationWindows } from '../../shared/aqi';
import type { PanelReport, SeriesState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { EngineData, WindowsView } from './data';
import { forecastHours } from './unit-series';

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

/** The hourly and daily curves and the panel's pollutants at now, from a unit's or station's windows. */
function curves(windows: StationWindows, now: number) {
  windows.rate(now - (panelHours - 1) * HOUR, now);
  const hourly: SeriesState['hourly'] = [];
  const daily: SeriesState['daily'] = [];
  for (let offset = panelHours - 1; offset >= 0; offset -= 1) {
    const time = now - offset * HOUR;
    hourly.push({ time, aqi: windows.hourlyAqi(time), missing: windows.hourlyMissingIndicators(time) });
    daily.push({
      time,
      aqi: windows.dailyAqi(time),
      primaryPollutants: windows.dailyPrimaryPollutants(time),
      missing: windows.dailyMissingIndicators(time),
    });
  }
  const reports = {
    hourly: panelReport(windows.report(now, 'hourly')),
    daily: panelReport(windows.report(now, 'daily')),
  };
  return { hourly, daily, reports };
}

export function unitSeriesState(data: EngineData, view: WindowsView, unitId: string): SeriesState {
  const { now } = view;
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
  return { kind: 'unit', id: unitId, now, ...curves(view.unit(unitId), now), forecast };
}

export function stationSeriesState(view: WindowsView, stationId: string): SeriesState {
  const windows = view.station(stationId) ?? new StationWindows();
  return { kind: 'station', id: stationId, now: view.now, ...curves(windows, view.now), forecast: [] };
}
