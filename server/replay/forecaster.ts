import { HOUR } from '../../shared/time';
import { HourColumns, speciesOrder } from '../engine/hour-columns';
import { WindowCache } from '../engine/unit-series';
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
  const truth = new Map<string, WindowCache>();
  const sums = new Map<string, { columns: HourColumns; perHour: Map<number, number[][]> }>();
  for (const [time, rows] of hours) {
    for (const row of rows) {
      const unit = unitOf.get(row.station);
      if (!unit) continue;
      let entry = sums.get(unit);
      if (!entry) {
        entry = { columns: new HourColumns(), perHour: new Map() };
        sums.set(unit, entry);
      }
      const list = entry.perHour.get(time) ?? [];
      list.push(speciesOrder.map((name) => row.values[name] ?? Number.NaN));
      entry.perHour.set(time, list);
    }
  }
  for (const [unit, { columns, perHour }] of sums) {
    for (const [time, list] of perHour) {
      const means = speciesOrder.map((_, column) => {
        const present = list.map((values) => values[column]!).filter((value) => !Number.isNaN(value));
        return present.length > 0
          ? present.reduce((sum, value) => sum + value, 0) / present.length
          : Number.NaN;
      });
      columns.set(time, means);
    }
    truth.set(unit, new WindowCache(columns));
  }

  return function issue(issuedAt: number, toIso: (ms: number) => string): ForecastPayload {
    const forecasts: ForecastPayload['forecasts'] = [];
    for (const [unit, windows] of truth) {
      for (let lead = 1; lead <= forecastHorizonHours; lead += 1) {
        const windowEnd = issuedAt + lead * HOUR;
        if (!hours.has(windowEnd)) break;
        const actual = windows.at(windowEnd);
        if (Number.isNaN(actual.aqi)) continue;
        const sigma = errorSigma(lead);
        const error = sigma * gaussian(`forecast:${unit}:${issuedAt}:${windowEnd}`);
        const aqi = Math.min(500, Math.max(0, Math.round(actual.aqi * (1 + error))));
        forecasts.push({
          unit,
          windowEnd: toIso(windowEnd),
          aqi,
          aqiLow: Math.max(0, Math.round(aqi * (1 - 1.28 * sigma))),
          aqiHigh: Math.min(500, Math.round(aqi * (1 + 1.28 * sigma))),
          // The office forecasts a dust window as what it is, a PM10 episode, even when PM10 was off scale.
          primary: actual.dust ? 'pm10' : (actual.primary[0] ?? null),
        });
      }
    }
    return { issuedAt: toIso(issuedAt), source: replayForecastSource, forecasts };
  };
}
