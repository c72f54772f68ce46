import { afterAll, beforeAll, expect, test } from 'vitest';
import { startReplay } from '../../server/replay';
import type { JurisdictionState, UnitState } from '../../shared/state/schema';
import { startTestServer } from '../helpers/server';

/**
 * The replay of the real 2019 episodes through the HTTP ingest endpoints (the path feeders use): Yining's
 * E3 (rolling AQI > 200 for 55 h, PROVENANCE.md §4) and the A3 Artux dust storm (PM10 up to 4,975 µg/m³).
 */
const feederKey = 'replay-test-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
let server: Awaited<ReturnType<typeof startTestServer>>;

async function send(path: string, method: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, { method, headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

async function stateAt(jurisdiction: 'ili' | 'kizilsu', iso: string) {
  const response = await fetch(
    `${server.url}/api/state?jurisdiction=${jurisdiction}&at=${encodeURIComponent(iso)}`,
    { headers },
  );
  expect(response.status).toBe(200);
  return response.json() as Promise<{
    now: number;
    units: UnitState[];
    regions: { members: string[]; level: string }[];
  }>;
}

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  const replay = startReplay(
    {
      stations: async (rows) => {
        for (const row of rows) {
          await send(`/api/stations/${row.id}`, 'PUT', {
            name: row.name,
            lon: row.lon,
            lat: row.lat,
            unit: row.unitId,
            simulated: row.simulated,
          });
        }
      },
      observations: (body) => send('/api/observations', 'POST', body),
      forecasts: (body) => send('/api/forecasts', 'POST', body),
      // One episode per jurisdiction, no loop: the data clock never has to go back.
      restart: () => undefined,
    },
    { speed: 400, warmupHours: 60, episodes: { ili: ['E3'], kizilsu: ['A3'] }, loop: false },
  );
  await replay.running;
}, 120_000);
afterAll(async () => {
  await server.stop();
});

test('replayed stations are registered like any station, simulated ones labelled', async () => {
  const state = await stateAt('ili', '2019-12-12T12:00:00+08:00');
  const yining = state.units.find((unit) => unit.id === '654002')!;
  expect(yining.simulated).toBe(false);
  expect(yining.stationCount).toBe(3);
  expect(state.units.find((unit) => unit.id === 'xpcc4-kokdala')!.simulated).toBe(true);
});

test('A3: the Artux dust storm is flagged as dust and graded as no heavy-pollution warning', async () => {
  // Core of the storm (episodes_index.csv): 2019-03-20 … 03-25; Artux's daily AQI was 500.
  for (const iso of ['2019-03-21T12:00:00+08:00', '2019-03-23T00:00:00+08:00', '2019-03-25T12:00:00+08:00']) {
    const state = await stateAt('kizilsu', iso);
    const artux = state.units.find((unit) => unit.id === '653001')!;
    expect(artux.dailyAqi, iso).toBeGreaterThan(300);
    expect(artux.dust, iso).not.toBe('none');
    expect(artux.explanation.zh, iso).toContain('沙尘');
    for (const unit of state.units) {
      expect(unit.recommendedLevel, `${unit.id} at ${iso}`).toBe('none');
      expect(unit.issuedLevel, `${unit.id} at ${iso}`).toBe('none');
    }
  }
});

test('A3: through the storm the office is asked to confirm the dust, not told a warning is overdue', async () => {
  for (const iso of ['2019-03-21T12:00:00+08:00', '2019-03-23T00:00:00+08:00', '2019-03-25T12:00:00+08:00']) {
    const state = (await stateAt('kizilsu', iso)) as unknown as JurisdictionState;
    const artux = state.compliance.find((flag) => flag.targetKey === 'unit:653001');
    expect(artux?.kind, iso).toBe('dust-unconfirmed');
    expect(artux!.dustPeriod!.from, iso).toBeLessThanOrEqual(state.now);
    expect(
      state.compliance.filter((flag) => flag.kind === 'start-due'),
      iso,
    ).toEqual([]);
  }
});

test('E3: Yining is graded on its real data and an orange regional warning of ≥ 3 contiguous units arises', async () => {
  // 2019-12-12: Yining city-mean daily AQI 217 (PROVENANCE.md §4), PM2.5 primary, not dust.
  const state = await stateAt('ili', '2019-12-12T23:00:00+08:00');
  const yining = state.units.find((unit) => unit.id === '654002')!;
  expect(yining.dailyAqi).toBeGreaterThan(200);
  expect(yining.primaryPollutants).toEqual(['pm25']);
  expect(yining.dust).toBe('none');
  expect(yining.recommendedLevel).not.toBe('none');
  const orange = state.regions.filter((region) => region.level === 'orange' || region.level === 'red');
  expect(orange.length).toBeGreaterThan(0);
  expect(orange[0]!.members.length).toBeGreaterThanOrEqual(3);
  expect(orange[0]!.members).toContain('654002');
});
