import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Species, StationWindows, speciesOrder } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import type { ObservationRow, StationRow } from '../store/types';
import { EngineData, liveHours } from './data';

/**
 * EngineData's bookkeeping (one entry per station and unit, hourly batches taken in order, windows reused by
 * recomputeAll, units' hours gathered a run at a time) must give what plain StationWindows give for the
 * same values written in time order: every station's and unit's real-time and daily reports at every hour.
 */
const start = Date.parse('2026-02-27T01:00:00+08:00');
const hours = 60;
const stations: StationRow[] = ['A', 'B', 'C', 'D', 'E', 'F'].map((id, index) => ({
  id,
  name: id,
  lon: 81,
  lat: 44,
  unitId: index < 5 ? 'U1' : 'U2',
  simulated: false,
}));

/** Values with ties and values just off them (inexact, carried as rationals), and missing ones. */
const concentration = fc.oneof(
  fc.integer({ min: 0, max: 400 }),
  fc.constantFrom(36.5, 36.5000001, 2.05, 2.0500001, 75.25),
  fc.constant(null),
);
const hourValues = fc.array(concentration, { minLength: 6, maxLength: 6 });

function row(station: string, hour: number, values: (number | null)[]): ObservationRow {
  const named = {} as Record<Species, number | null>;
  speciesOrder.forEach((name, index) => {
    named[name] = values[index] ?? null;
  });
  return { station, time: start + hour * HOUR, values: named, flags: {}, receivedAt: 0, source: 'test' };
}

function reference(values: Map<string, (number | null)[][]>, ids: readonly string[]): StationWindows {
  const windows = new StationWindows({ retainHours: liveHours });
  for (let hour = 0; hour < hours; hour += 1) {
    const gathered = ids.flatMap((id) => values.get(id)![hour]!.map((value) => value ?? Number.NaN));
    windows.writeMean(start + hour * HOUR, gathered, ids.length);
  }
  windows.rate(start, start + (hours - 1) * HOUR);
  return windows;
}

/** The plain windows every unit and station of the six-station network should have. */
function expectedWindows(values: Map<string, (number | null)[][]>): Map<string, StationWindows> {
  return new Map<string, StationWindows>([
    ['U1', reference(values, ['A', 'B', 'C', 'D', 'E'])],
    ['U2', reference(values, ['F'])],
    ...stations.map((station) => [station.id, reference(values, [station.id])] as const),
  ]);
}

/** Every hour of every unit and station of the engine's view answers as the plain windows do. */
function expectPlain(view: ReturnType<EngineData['liveView']>, expected: Map<string, StationWindows>): void {
  for (let hour = 0; hour < hours; hour += 1) {
    const at = start + hour * HOUR;
    for (const unit of ['U1', 'U2'])
      expect(answers(view.unit(unit), at), `${unit} at hour ${hour}`).toEqual(
        answers(expected.get(unit)!, at),
      );
    for (const station of stations)
      expect(answers(view.station(station.id), at), `${station.id} at hour ${hour}`).toEqual(
        answers(expected.get(station.id)!, at),
      );
  }
}

function answers(windows: StationWindows | null, at: number) {
  return windows
    ? [
        windows.hourlyAqi(at),
        windows.dailyAqi(at),
        windows.hourlyPrimaryPollutants(at),
        windows.dailyMissingIndicators(at),
      ]
    : null;
}

describe('EngineData', () => {
  test('hourly batches, bulk batches, late corrections and a recompute all give the plain windows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(hourValues, { minLength: hours, maxLength: hours }), {
          minLength: stations.length,
          maxLength: stations.length,
        }),
        // Corrections, most keeping the hour's O3 (those move the windows in place, not by a new slide).
        fc.array(fc.tuple(fc.nat(stations.length - 1), fc.nat(hours - 1), hourValues, fc.nat(3)), {
          maxLength: 12,
        }),
        // Corrections after a recompute, before anything is read (its early windows are not computed yet).
        fc.array(fc.tuple(fc.nat(stations.length - 1), fc.nat(hours - 1), hourValues, fc.nat(3)), {
          maxLength: 6,
        }),
        (series, corrections, afterRecompute) => {
          const values = new Map(stations.map((station, index) => [station.id, series[index]!]));
          const data = new EngineData();
          data.setStations(stations);
          // The first day in one bulk batch (hour-major, stations repeated), then an hour per batch.
          const bulk: ObservationRow[] = [];
          for (let hour = 0; hour < 24; hour += 1)
            for (const station of stations) bulk.push(row(station.id, hour, values.get(station.id)![hour]!));
          data.addObservations(bulk);
          for (let hour = 24; hour < hours; hour += 1) {
            data.addObservations(
              stations.map((station) => row(station.id, hour, values.get(station.id)![hour]!)),
            );
            if (hour % 7 === 0)
              data
                .liveView(start + hour * HOUR)
                .unit('U1')
                .hourlyAqi(start + hour * HOUR);
          }
          // Everything rated before the corrections, so a correction must unrate what it moves.
          const now = start + (hours - 1) * HOUR;
          const before = data.liveView(now);
          for (const id of ['U1', 'U2']) before.unit(id).rate(start, now);
          for (const station of stations) before.station(station.id)!.rate(start, now);
          const correct = (list: typeof corrections) => {
            for (const [station, hour, drawn, variant] of list) {
              const id = stations[station]!.id;
              const before = values.get(id)![hour]!;
              const corrected =
                variant === 0 ? drawn : variant === 1 ? [...before] : [...drawn.slice(0, 5), before[5]!];
              values.get(id)![hour] = corrected;
              data.addObservations([row(id, hour, corrected)]);
            }
          };
          correct(corrections);
          let expected = expectedWindows(values);
          const check = () => expectPlain(data.liveView(now), expected);
          check();
          data.recomputeAll();
          check();
          data.recomputeAll();
          // Newest hours first: a recompute computes those windows alone, the earlier ones when read.
          const newest = data.liveView(now);
          for (const station of stations)
            expect(answers(newest.station(station.id), now), `${station.id} at now`).toEqual(
              answers(expected.get(station.id)!, now),
            );
          correct(afterRecompute);
          expected = expectedWindows(values);
          check();
        },
      ),
      // No shrinking: a counterexample of 60 hours × 6 stations takes minutes to shrink.
      { numRuns: 25, endOnFailure: true },
    );
  });

  test('start-up: hours stored, then one recompute, give the plain windows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(hourValues, { minLength: hours, maxLength: hours }), {
          minLength: stations.length,
          maxLength: stations.length,
        }),
        (series) => {
          const values = new Map(stations.map((station, index) => [station.id, series[index]!]));
          const data = new EngineData();
          data.setStations(stations);
          const rows: ObservationRow[] = [];
          for (let hour = 0; hour < hours; hour += 1)
            for (const station of stations) rows.push(row(station.id, hour, values.get(station.id)![hour]!));
          data.storeHours(rows);
          data.recomputeAll();
          const now = start + (hours - 1) * HOUR;
          expectPlain(data.liveView(now), expectedWindows(values));
        },
      ),
      { numRuns: 10, endOnFailure: true },
    );
  });

  test('a unit of twelve stations (means that are not whole ticks) gives the plain windows', () => {
    const twelve: StationRow[] = Array.from({ length: 12 }, (_, index) => ({
      id: `T${index}`,
      name: `T${index}`,
      lon: 81,
      lat: 44,
      unitId: 'U1',
      simulated: false,
    }));
    fc.assert(
      fc.property(
        fc.array(fc.array(hourValues, { minLength: hours, maxLength: hours }), {
          minLength: twelve.length,
          maxLength: twelve.length,
        }),
        fc.array(fc.tuple(fc.nat(twelve.length - 1), fc.nat(hours - 1), hourValues), { maxLength: 6 }),
        (series, corrections) => {
          const values = new Map(twelve.map((station, index) => [station.id, series[index]!]));
          const data = new EngineData();
          data.setStations(twelve);
          for (let hour = 0; hour < hours; hour += 1)
            data.addObservations(
              twelve.map((station) => row(station.id, hour, values.get(station.id)![hour]!)),
            );
          for (const [station, hour, corrected] of corrections) {
            values.get(twelve[station]!.id)![hour] = corrected;
            data.addObservations([row(twelve[station]!.id, hour, corrected)]);
          }
          const expected = reference(
            values,
            twelve.map((station) => station.id),
          );
          const now = start + (hours - 1) * HOUR;
          const view = data.liveView(now);
          for (let hour = 0; hour < hours; hour += 1) {
            const at = start + hour * HOUR;
            expect(answers(view.unit('U1'), at), `hour ${hour}`).toEqual(answers(expected, at));
            expect(view.unit('U1').mean24h('pm25', at), `PM2.5 24 h at hour ${hour}`).toEqual(
              expected.mean24h('pm25', at),
            );
          }
        },
      ),
      { numRuns: 10, endOnFailure: true },
    );
  });

  test('a station moving to another unit changes both units’ means', () => {
    const data = new EngineData();
    data.setStations(stations);
    for (let hour = 0; hour < 24; hour += 1)
      data.addObservations(
        stations.map((station, index) => row(station.id, hour, [5, 20, 30, index === 5 ? 200 : 20, 0.5, 20])),
      );
    const now = start + 23 * HOUR;
    expect(data.liveView(now).unit('U1').mean24h('pm25', now)).toBe(20);
    data.setStations(
      stations.map((station) => (station.id === 'F' ? { ...station, unitId: 'U1' } : station)),
    );
    expect(data.liveView(now).unit('U1').mean24h('pm25', now)).toBe(50);
    expect(data.liveView(now).unit('U2').mean24h('pm25', now)).toBeNull();
  });
});
