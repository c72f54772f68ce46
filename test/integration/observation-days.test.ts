import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { observationsJson } from '../../server/http/observations-json';
import { createPostgresStore } from '../../server/store/postgres';
import { createStore } from '../../server/store/sqlite';
import type { ObservationRow, Store } from '../../server/store/types';
import { speciesOrder } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import { testDatabaseUrl } from '../helpers/test-store';

/**
 * Issue 17.3: the station-major copy of complete days (server/store/sqlite/observation-days.ts) is derived.
 * Writes, corrections, re-imports, flags and compaction steps in any interleaving: one station's read from a
 * store that copies days is the read of a store fed the same writes that never copies (the table's own read),
 * record for record and byte for byte as the API sends it. Runs on both stores (vitest.config.ts).
 */
const auditKey = 'observation-days-test-audit-key-0123456789';
const directories: string[] = [];
const day = 24 * HOUR;
const origin = Date.parse('2019-03-01T00:00:00Z');
const span = 12 * day;
let copied: Store;
let tableOnly: Store;

/** `copyStationsPerStep`: one station, so that a day is copied in several steps with writes between. */
async function openStore(copyStationsPerStep?: number): Promise<Store> {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-days-'));
  directories.push(directory);
  const url = await testDatabaseUrl();
  return url
    ? createPostgresStore(url, { dataDir: directory, auditKey, copyStationsPerStep })
    : createStore(directory, { auditKey, copyStationsPerStep });
}

beforeAll(async () => {
  copied = await openStore(1);
  tableOnly = await openStore();
});

afterAll(() => {
  copied?.close();
  tableOnly?.close();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

const value = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 500 }),
  fc.double({ min: 0, max: 1000, noNaN: true }),
  fc.constantFrom(36.5000001, 2.0500001, -0, Number.POSITIVE_INFINITY, 1e-300),
);
const rowArbitrary = fc.record({
  station: fc.constantFrom('A', 'B', 'C'),
  hour: fc.integer({ min: 0, max: span / HOUR - 1 }),
  values: fc.tuple(value, value, value, value, value, value),
  flagged: fc.boolean(),
  source: fc.constantFrom('feeder:x', 'account:"ö"'),
});
type WrittenRow = {
  station: string;
  hour: number;
  values: (number | null)[];
  flagged: boolean;
  source: string;
};
type Operation =
  | { kind: 'write'; rows: WrittenRow[] }
  | { kind: 'compact'; steps: number }
  | { kind: 'read'; station: string; from: number; to: number };
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    rows: fc.array(rowArbitrary, { minLength: 1, maxLength: 40 }),
  }),
  // A bulk load of old or new days: every station's hours of a run of days.
  fc
    .record({ first: fc.integer({ min: 0, max: span / HOUR - 1 }), hours: fc.integer({ min: 1, max: 96 }) })
    .map(({ first, hours }) => ({
      kind: 'write' as const,
      rows: ['A', 'B', 'C'].flatMap((station) =>
        Array.from({ length: Math.min(hours, span / HOUR - first) }, (_, offset) => ({
          station,
          hour: first + offset,
          values: [first % 7, offset, null, 40 + offset / 4, 1.5, 30] as (number | null)[],
          flagged: false,
          source: 'feeder:bulk',
        })),
      ),
    })),
  fc.record({ kind: fc.constant('compact' as const), steps: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('read' as const),
    station: fc.constantFrom('A', 'B', 'C', 'D'),
    from: fc.integer({ min: -day, max: span + day }),
    to: fc.integer({ min: -day, max: span + day }),
  }),
);

function rows(run: number, written: WrittenRow[], at: number): ObservationRow[] {
  const byKey = new Map<string, ObservationRow>();
  for (const row of written) {
    const values = Object.fromEntries(speciesOrder.map((name, index) => [name, row.values[index]!]));
    byKey.set(`${row.station}@${row.hour}`, {
      station: `${run}${row.station}`,
      time: origin + run * 2 * span + row.hour * HOUR,
      values: values as ObservationRow['values'],
      flags: row.flagged ? { pm25: ['spike'] } : {},
      receivedAt: at,
      source: row.source,
    });
  }
  return [...byKey.values()];
}

function expectSameRead(run: number, station: string, from: number, to: number): void {
  const name = `${run}${station}`;
  const base = origin + run * 2 * span;
  const expected = tableOnly.stationRecords(name, base + from, base + to);
  const actual = copied.stationRecords(name, base + from, base + to);
  expect(actual).toEqual(expected);
  expect(observationsJson(name, actual).equals(observationsJson(name, expected))).toBe(true);
}

test('one station read from the copy and the table equals the table alone, whatever was written when', () => {
  let run = 0;
  let clock = 1;
  fc.assert(
    fc.property(fc.array(operation, { minLength: 1, maxLength: 30 }), (operations) => {
      run += 1;
      for (const step of operations) {
        if (step.kind === 'write') {
          clock += 1;
          const batch = rows(run, step.rows, clock);
          copied.writeObservations(batch);
          tableOnly.writeObservations(batch);
        } else if (step.kind === 'compact') {
          for (let count = 0; count < step.steps; count += 1) copied.compactObservations();
        } else expectSameRead(run, step.station, step.from, step.to);
      }
      // Whatever is left to copy, copied, then every station's whole range again.
      while (copied.compactObservations());
      for (const station of ['A', 'B', 'C']) expectSameRead(run, station, -day, span + day);
    }),
    { numRuns: 150 },
  );
});
