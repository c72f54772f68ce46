import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createStore } from '.';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

it('moves committed pages into the database file on its own thread, below the inline checkpoint mark', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'checkpointer-'));
  directories.push(directory);
  const store = createStore(directory);
  const file = join(directory, 'tianshan.db');
  const before = statSync(file).size;
  store.upsertStations([{ id: 'S1', name: 'S1', lon: 81, lat: 43, unitId: null, simulated: false }]);
  const hours = Array.from({ length: 12_000 }, (_, hour) => ({
    station: 'S1',
    time: hour * 3_600_000,
    values: { so2: 10, no2: 20, pm10: 30 + (hour % 50), pm25: 20, co: 1, o3: 40 },
    flags: {},
    receivedAt: 0,
    source: 'test',
  }));
  // A few hundred pages: far below the writer's own checkpoint (20,000), so only the thread moves them.
  store.transaction(() => store.writeObservations(hours));
  expect(await until(() => statSync(file).size > before + 100 * 4096)).toBe(true);
  store.close();
  const reopened = createStore(directory);
  expect(reopened.observationsBetween(0, Number.MAX_SAFE_INTEGER, ['S1'])).toHaveLength(12_000);
  reopened.close();
});
