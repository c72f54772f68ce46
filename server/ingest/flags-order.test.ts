import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { HOUR, toBeijingIso } from '../../shared/time';
import { createStore } from '../store/sqlite';
import { ingestObservations } from './observations';

const start = Date.parse('2019-01-05T00:00:00+08:00');

function flagsAfter(batches: { time: number; pm25: number }[][]): string {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-flags-'));
  const store = createStore(directory);
  store.upsertStations([{ id: 'S', name: 'S', lon: 81.3, lat: 43.9, unitId: '654002', simulated: false }]);
  for (const batch of batches) {
    const rows = batch.map((row) => ({ station: 'S', time: toBeijingIso(row.time), pm25: row.pm25 }));
    ingestObservations(store, rows, 'test', Date.now());
  }
  const flags = store.observationsBetween(0, Number.MAX_SAFE_INTEGER).map((row) => [row.time, row.flags]);
  store.close();
  rmSync(directory, { recursive: true, force: true });
  return JSON.stringify(flags);
}

test('the flags of a series do not depend on how it was split into requests', () => {
  // Values from a small set make flat runs (stuck) and isolated highs (spikes) common.
  const series = fc.array(fc.constantFrom(40, 40, 40, 60, 300), { minLength: 8, maxLength: 30 });
  fc.assert(
    fc.property(series, fc.nat(), (values, cut) => {
      const rows = values.map((pm25, index) => ({ time: start + (index + 1) * HOUR, pm25 }));
      const split = cut % rows.length;
      const whole = flagsAfter([rows]);
      expect(flagsAfter([rows.slice(split), rows.slice(0, split)])).toBe(whole);
      expect(flagsAfter([rows.slice(0, split), rows.slice(split)])).toBe(whole);
    }),
    { numRuns: 25 },
  );
});
