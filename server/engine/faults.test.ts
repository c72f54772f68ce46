import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { defaultAdjacency } from '../../geo/adjacency';
import type { Jurisdiction } from '../../shared/units/schema';
import { createStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { createEngine } from './engine';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function store(): Store {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-faults-'));
  directories.push(directory);
  return createStore(directory);
}

const hour = Date.parse('2019-01-05T13:00:00+08:00');
const observation = (station: string) => ({
  station,
  time: hour,
  values: { so2: 10, no2: 40, pm10: 150, pm25: 120, co: 1.2, o3: 20 },
  flags: {},
  receivedAt: hour,
  source: 'test',
});

test('a tick that throws for one prefecture is logged and reported; the other is computed and nothing escapes', async () => {
  const records = store();
  records.upsertStations([
    { id: 'ILI', name: 'Yining', lon: 81.28, lat: 43.94, unitId: '654002', simulated: false },
    { id: 'KIZ', name: 'Artux', lon: 76.17, lat: 39.71, unitId: '653001', simulated: false },
  ]);
  const logged: Jurisdiction[] = [];
  const engine = createEngine({
    store: records,
    clock: 'data',
    adjacency: (jurisdiction) => {
      if (jurisdiction === 'ili') throw new RangeError('Invalid time value');
      return defaultAdjacency(jurisdiction);
    },
    logError: (_error, jurisdiction) => logged.push(jurisdiction),
  });
  engine.ingested({ observations: [observation('ILI'), observation('KIZ')] });
  // The tick runs in setImmediate: before the fix its throw ended the process.
  await engine.settled();
  expect(logged).toContain('ili');
  expect(engine.faults()).toEqual([
    { jurisdiction: 'ili', error: 'Invalid time value', since: expect.any(Number), skippedEvents: [] },
  ]);
  const kizilsu = engine.state('kizilsu');
  expect(kizilsu.now).toBe(hour);
  expect(kizilsu.units.find((unit) => unit.id === '653001')?.hourlyAqi).not.toBeNull();
  engine.close();
  records.close();
});

test('a stored event that cannot be applied is left out of the book and reported, and start-up goes on', async () => {
  const records = store();
  // What POST /api/warnings/confirm-dust stored before instants were checked: a year-275760 period.
  records.appendEvent(
    'ili',
    {
      type: 'confirm-dust',
      unitId: '654002',
      from: Date.parse('2019-01-01T00:00:00Z'),
      to: 8_640_000_000_000_000,
      actor: { userId: 'office-director', role: 'office-director' },
      at: hour,
      reason: 'dust',
      citation: '1.4',
    },
    hour,
  );
  const engine = createEngine({ store: records, clock: 'data' });
  await engine.settled();
  expect(engine.faults()).toEqual([
    {
      jurisdiction: 'ili',
      error: null,
      since: null,
      skippedEvents: [{ seq: 1, problem: expect.stringMatching(/^to\b.*(2099|2100)/) }],
    },
  ]);
  expect(engine.state('ili').units.every((unit) => unit.dust === 'none')).toBe(true);
  engine.close();
  records.close();
});
