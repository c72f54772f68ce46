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
 * order, gaps, late and corrected hours, hours older than the kept two days, several hours at once) a read
 * of any stations and span gives exactly the stored rows, each station's in time order.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'recent-rows-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const stations = ['s1', 's2', 's3'];
const start = Date.parse('2026-03-01T01:00:00+08:00');

const write = fc.record({
  station: fc.constantFrom(...stations),
  /** Hours after (or, negative, before) the newest hour written so far. */
  offset: fc.integer({ min: -70, max: 3 }),
  pm25: fc.integer({ min: 0, max: 400 }),
});
const read = fc.record({
  stations: fc.subarray(stations, { minLength: 1 }),
  back: fc.integer({ min: 0, max: 80 }),
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
        for (const entry of steps) {
          if (entry.kind === 'write') {
            const byKey = new Map<string, ObservationRow>();
            for (const { station, offset, pm25 } of entry.rows) {
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
            continue;
          }
          const from = newest - entry.read.back * HOUR;
          const to = from + entry.read.length * HOUR;
          const got = recent.read(entry.read.stations, from, to);
          const stored = store.observationsBetween(from, to, entry.read.stations);
          for (const station of entry.read.stations) {
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
