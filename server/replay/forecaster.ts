import { StationWindows, speciesOrder } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import { dustWindows } from '../engine/dust-hours';
import type { StationRow } from '../store/types';
import type { StationHour } from './episodes';
import { gaussian } from './random';

/** Source label of every replay forecast, so the screen can say where a forecast came from. */
export const replayForecastSource = 'replay-forecast';
/** Forecast horizon: the next 3 days (HJ 633 §5.2 asks for forecasts of the coming days). */
export const forecastHorizonHours = 72;
/** Hour end (Beijing) at which the replay office issues: 20:00 every day. */
export const issueHourBeijing = 20;

/** Relative error (σ of a normal) at a lead time: 6 % at issue, growing 4 % per day of lead. */
export function errorSigma(leadHours: number): number {
  return 0.06 + (0.04 * leadHours) / 24;
}

export type ForecastPayload = {
  issuedAt: string;
  source: string;
  forecasts: {
    unit: string;
    windowEnd: string;
    aqi: number;
    aqiLow: number;
    aqiHigh: number;
    primary: string | null;
  }[];
};

/**
 * A forecasting office for the replay: knows each unit's true daily AQI from the episode's later hours
 * (real and simulated stations) and reports it with a seeded error that grows with lead time.
 */
export function createForecaster(hours: Map<number, StationHour[]>, stations: readonly StationRow[]) {
  const unitOf = new Map(stations.map((station) => [station.id, station.unitId] as const));
  // Each unit's hours as the engine averages them (shared/aqi windows, the exact mean of its stations).
  const truth = new Map<string, StationWindows>();
  const retainHours = hours.size + 48;
  const perUnit = new Map<string, Map<number, number[]>>();
  for (const [time, rows] of hours) {
    for (const row of rows) {
      const unit = unitOf.get(row.station);
      if (!unit) continue;
      let unitHours = perUnit.get(unit);
      if (!unitHours) {
        unitHours = new Map();
        perUnit.set(unit, unitHours);
      }
      const values = unitHours.get(time) ?? [];
      values.push(...speciesOrder.map((name) => row.values[name] ?? Number.NaN));
      unitHours.set(time, values);
    }
  }
  for (const [unit, unitHours] of perUnit) {
    const windows = new StationWindows({ retainHours });
    for (const [time, values] of [...unitHours].sort(([a], [b]) => a - b))
      windows.writeMean(time, values, values.length / speciesOrder.length);
    windows.flush();
    truth.set(unit, windows);
  }

  return function issue(issuedAt: number, toIso: (ms: number) => string): ForecastPayload {
    const forecasts: ForecastPayload['forecasts'] = [];
    for (const [unit, windows] of truth) {
      for (let lead = 1; lead <= forecastHorizonHours; lead += 1) {
        const windowEnd = issuedAt + lead * HOUR;
        if (!hours.has(windowEnd)) break;
        const actual = windows.dailyAqi(windowEnd);
        if (actual === null) continue;
        const sigma = errorSigma(lead);
        const error = sigma * gaussian(`forecast:${unit}:${issuedAt}:${windowEnd}`);
        const aqi = Math.min(500, Math.max(0, Math.round(actual * (1 + error))));
        forecasts.push({
          unit,
          windowEnd: toIso(windowEnd),
          aqi,
          aqiLow: Math.max(0, Math.round(aqi * (1 - 1.28 * sigma))),
          aqiHigh: Math.min(500, Math.round(aqi * (1 + 1.28 * sigma))),
          // The office forecasts a dust window as what it is, a PM10 episode, even when PM10 was off scale.
          primary: dustWindows(windows, windowEnd, windowEnd)[0]
            ? 'pm10'
            : (windows.dailyPrimaryPollutants(windowEnd)[0] ?? null),
        });
      }
    }
    return { issuedAt: toIso(issuedAt), source: replayForecastSource, forecasts };
  };
}
