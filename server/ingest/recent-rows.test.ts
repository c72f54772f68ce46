import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import { createStore } from '../store/sqlite';
import type { ObservationRow } from '../store/types';
import { RecentRows } from './recent-rows';

/**
 * RecentRows answers from memory what the store holds: after any sequence of committed writes (new hours in
 * order, gaps, late and corrected hours, hours older than the kept two days, several hours at once, outages
 * of a day that make it drop older rows) a read of any stations and span gives exactly the stored rows, each
 * station's in time order.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'recent-rows-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const stations = ['s1', 's2', 's3'];
const start = Date.parse('2026-03-01T01:00:00+08:00');

const write = fc.record({
  station: fc.constantFrom(...stations),
  /** Hours after (or, negative, before) the newest hour written so far; now and then a day's outage. */
  offset: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: -70, max: 3 }) },
    fc.integer({ min: 20, max: 30 }),
  ),
  pm25: fc.integer({ min: 0, max: 400 }),
});
const read = fc.record({
  stations: fc.subarray(stations, { minLength: 1 }),
  /** Hours before the newest; 47–49 read at the edge of the two days kept. */
  back: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constantFrom(47, 48, 49)),
  length: fc.integer({ min: 0, max: 30 }),
});
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      rows: fc.array(write, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('read' as const), read }) },
  // A feed: every station's next hours, one request an hour.
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('feed' as const), hours: fc.integer({ min: 1, max: 30 }) }),
  },
);

let run = 0;
test('reads from memory exactly what the store holds, after any writes', () => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
      run += 1;
      const store = createStore(join(dataDir, String(run)));
      store.upsertStations(
        stations.map((id) => ({ id, name: id, lon: 81.3, lat: 43.9, unitId: null, simulated: false })),
      );
      const recent = new RecentRows(store);
      let newest = start;
      try {
        for (const step of steps) {
          const writes =
            step.kind === 'feed'
              ? Array.from({ length: step.hours }, (_, hour) =>
                  stations.map((station) => ({ station, offset: hour + 1, pm25: 10 + hour })),
                )
              : step.kind === 'write'
                ? [step.rows]
                : [];
          for (const written of writes) {
            const byKey = new Map<string, ObservationRow>();
            for (const { station, offset, pm25 } of written) {
              const time = newest + offset * HOUR;
              const values = { so2: 5, no2: 20, pm10: pm25 * 2, pm25, co: 0.8, o3: 40 };
              byKey.set(`${station}@${time}`, {
                station,
                time,
                values,
                flags: {},
                receivedAt: time,
                source: 't',
              });
            }
            const rows = [...byKey.values()];
            const { changed } = store.writeObservations(rows);
            recent.written(changed);
            newest = Math.max(newest, ...rows.map((row) => row.time));
          }
          if (step.kind !== 'read') continue;
          const from = newest - step.read.back * HOUR;
          const to = from + step.read.length * HOUR;
          const got = recent.read(step.read.stations, from, to);
          const stored = store.observationsBetween(from, to, step.read.stations);
          for (const station of step.read.stations) {
            const expected = stored.filter((row) => row.station === station).sort((a, b) => a.time - b.time);
            const rows = [...(got.get(station) ?? [])].sort((a, b) => a.time - b.time);
            expect(rows.map((row) => [row.time, row.values.pm25])).toEqual(
              expected.map((row) => [row.time, row.values.pm25]),
            );
          }
        }
      } finally {
        store.close();
      }
    }),
    { numRuns: 60 },
  );
});
