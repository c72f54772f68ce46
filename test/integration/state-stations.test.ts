import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer } from '../helpers/server';

/**
 * A station re-registered in another unit moves its hours with it: the unit means are recomputed from the
 * stations each unit has now (DOMAIN.md: a unit's concentration is the mean of its valid stations).
 */
const feederKey = 'stations-test-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
let server: Awaited<ReturnType<typeof startTestServer>>;

async function put(lon: number, lat: number) {
  const response = await fetch(`${server.url}/api/stations/S1`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name: 'S1', lon, lat }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()).station.unitId;
}

async function daily(unitId: string) {
  const state = await (await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers })).json();
  return state.units.find((unit: { id: string }) => unit.id === unitId).dailyAqi;
}

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  expect(await put(81.2815, 43.9404)).toBe('654002');
  // 24 hours alternating 30/50 µg/m³ PM2.5 (mean 40): IAQI 50 + (40 − 35) × 50 / 40 = 56.25 → 57.
  const observations = Array.from({ length: 24 }, (_, index) => ({
    station: 'S1',
    time: new Date(Date.parse('2019-12-10T01:00:00+08:00') + index * 3_600_000).toISOString(),
    pm25: index % 2 === 0 ? 30 : 50,
  }));
  const response = await fetch(`${server.url}/api/observations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ observations }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
});
afterAll(async () => {
  await server.stop();
});

test('moving a station to another unit moves its daily AQI with it', async () => {
  expect(await daily('654002')).toBe(57);
  expect(await put(81.736, 44.021)).toBe('654021');
  expect(await daily('654021')).toBe(57);
  expect(await daily('654002')).toBeNull();
});
