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

  test('a recompute of many stations, units of any size and stations ending at different hours gives the plain windows', () => {
    // More stations than one rebuild batch (32): units of any size spread over batches, stations in no unit,
    // stations whose newest hours differ, stations listed but never heard from; more hours than the live
    // windows keep, so units take their stations' ticks (not the stored values: the hours before a ring's
    // first are not the windows' to say).
    const many = 45;
    const span = liveHours + 12;
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat(9), { nil: null }), { minLength: many, maxLength: many }),
        fc.array(fc.option(fc.integer({ min: span - 40, max: span - 1 }), { nil: null }), {
          minLength: many,
          maxLength: many,
        }),
        fc.array(hourValues, { minLength: span, maxLength: span }),
        fc.nat(),
        (drawnUnit, drawnLast, pattern, seed) => {
          // The first 13 stations make one unit (its means of 11 to 13 values are not whole ticks).
          const unitOf = drawnUnit.map((unit, index) => (index < 13 ? 0 : unit));
          const evenUnit = (station: number) => unitOf[station] !== null && unitOf[station]! % 2 === 0;
          // Unit u's stations end by hour span − 1 − 2u, so the units of a batch end at different hours too;
          // an even unit's all at that hour, with whole values (its means then come from the stations' ticks;
          // an odd unit's inexact values, or the hours before a station's first, take the stored values).
          const lastOf = drawnLast.map((last, index) => {
            const unit = unitOf[index];
            if (last === null || unit === null) return last;
            return unit! % 2 === 0 ? span - 1 - 2 * unit! : Math.min(last, span - 1 - 2 * unit!);
          });
          const rows: StationRow[] = unitOf.map((unit, index) => ({
            id: `M${index}`,
            name: `M${index}`,
            lon: 81,
            lat: 44,
            unitId: unit === null ? null : `V${unit}`,
            simulated: false,
          }));
          // Each station its own values: the drawn hours shifted and scaled by the station.
          const valuesOf = (station: number, hour: number): (number | null)[] =>
            lastOf[station] === null || hour > lastOf[station]!
              ? [null, null, null, null, null, null]
              : pattern[(hour + station * 7 + seed) % span]!.map((value) =>
                  value === null
                    ? null
                    : evenUnit(station)
                      ? Math.round(value) + ((station + hour) % 5 === 0 ? station : 0)
                      : value,
                );
          const data = new EngineData();
          data.setStations(rows);
          const stored: ObservationRow[] = [];
          for (let hour = 0; hour < span; hour += 1)
            rows.forEach((station, index) => {
              if (lastOf[index] !== null && hour <= lastOf[index]!)
                stored.push(row(station.id, hour, valuesOf(index, hour)));
            });
          data.storeHours(stored);
          data.recomputeAll();
          const now = start + (span - 1) * HOUR;
          const view = data.liveView(now);
          const plain = (members: number[]): StationWindows | null => {
            const heard = members.filter((index) => lastOf[index] !== null);
            if (heard.length === 0) return null;
            const last = Math.max(...heard.map((index) => lastOf[index]!));
            const windows = new StationWindows({ retainHours: liveHours });
            // The live windows keep the ten days before the newest hour.
            for (let hour = Math.max(0, last - liveHours + 1); hour <= last; hour += 1)
              windows.writeMean(
                start + hour * HOUR,
                members.flatMap((index) => valuesOf(index, hour).map((value) => value ?? Number.NaN)),
                members.length,
              );
            windows.extendTo(now);
            return windows;
          };
          const check = (label: string, engine: StationWindows | null, expected: StationWindows | null) => {
            for (let hour = 0; hour < span; hour += 1) {
              const at = start + hour * HOUR;
              expect(answers(engine, at), `${label} at hour ${hour}`).toEqual(answers(expected, at));
            }
          };
          rows.forEach((station, index) => {
            check(station.id, view.station(station.id), plain([index]));
          });
          for (let unit = 0; unit < 10; unit += 1) {
            const members = unitOf.flatMap((of, index) => (of === unit ? [index] : []));
            if (members.length === 0) continue;
            const expected = plain(members);
            check(`V${unit}`, expected ? view.unit(`V${unit}`) : null, expected);
          }
        },
      ),
      { numRuns: 5, endOnFailure: true },
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
