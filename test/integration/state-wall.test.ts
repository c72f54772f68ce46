import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer } from '../helpers/server';

/** CLOCK=wall: now is the current hour; a station silent for 2 hours or more is stale (issue 6, issue 7). */
const feederKey = 'wall-test-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
const hour = 3_600_000;
let server: Awaited<ReturnType<typeof startTestServer>>;

async function register(id: string, lon: number, lat: number) {
  const response = await fetch(`${server.url}/api/stations/${id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name: id, lon, lat }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

async function observe(station: string, time: number) {
  const body = { observations: [{ station, time: new Date(time).toISOString(), pm25: 40, pm10: 70 }] };
  const response = await fetch(`${server.url}/api/observations`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'wall', FEEDER_KEY: feederKey });
  await register('2703A', 81.2815, 43.9404);
  await register('2697A', 76.1454, 39.7142);
});
afterAll(async () => {
  await server.stop();
});

test('now is the current hour, and freshness is judged against it', async () => {
  const currentHour = Math.floor(Date.now() / hour) * hour;
  await observe('2703A', currentHour - hour);
  await observe('2697A', currentHour - 2 * hour);
  const ili = await (await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers })).json();
  const kizilsu = await (await fetch(`${server.url}/api/state?jurisdiction=kizilsu`, { headers })).json();
  // Wall time may cross an hour during the test; both readings must agree with one of the two hours.
  expect([currentHour, currentHour + hour]).toContain(ili.now);
  if (ili.now !== currentHour) return;
  expect(ili.stations.find((station: { id: string }) => station.id === '2703A')).toMatchObject({
    stale: false,
  });
  // Its newest hour ended 2 hours before now: stale.
  expect(kizilsu.stations.find((station: { id: string }) => station.id === '2697A')).toMatchObject({
    stale: true,
  });
  expect(kizilsu.units.find((unit: { id: string }) => unit.id === '653001')).toMatchObject({ stale: true });
  // A unit with no station at all is stale too, never shown as current.
  expect(ili.units.find((unit: { id: string }) => unit.id === '654026')).toMatchObject({
    stale: true,
    stationCount: 0,
  });
});
