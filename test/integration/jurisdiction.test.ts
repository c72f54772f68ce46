import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

/** Issue 14, item 5: every write checks the caller's prefecture against every unit it touches; one read rule. */
const feederKey = 'jurisdiction-feeder-key-0123456789';
let server: TestServer;
let ili: Session;
let both: Session;

beforeAll(async () => {
  server = await startTestServer(
    { FEEDER_KEY: feederKey },
    {
      accounts: [
        ...accountsFor(['office-director']),
        {
          username: 'ili-office',
          role: 'office-director',
          jurisdiction: 'ili',
          password: 'ili-office-password',
        },
      ],
    },
  );
  ili = await login(server, 'ili-office', 'ili-office-password');
  both = await login(server, 'office-director', 'office-director-password');
  const register = await fetch(`${server.url}/api/stations/KIZ-1`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Artux', lon: 76.17, lat: 39.71 }),
  });
  expect(register.status).toBe(200);
});
afterAll(async () => {
  await server.stop();
});

async function forbidden(response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(403);
  return ((await response.json()) as { error: string }).error;
}

test('a Kizilsu station takes no data, and no Kizilsu station is registered, from an Ili account', async () => {
  const observations = await ili.request('/api/observations', {
    method: 'POST',
    body: JSON.stringify({
      observations: [{ station: 'KIZ-1', time: '2019-01-05T13:00:00+08:00', pm25: 80 }],
    }),
  });
  expect(await forbidden(observations)).toBe('account ili-office acts for ili only');
  const forecasts = await ili.request('/api/forecasts', {
    method: 'POST',
    body: JSON.stringify({
      issuedAt: '2019-01-04T20:00:00+08:00',
      source: 'office',
      forecasts: [{ unit: '653001', windowEnd: '2019-01-06T00:00:00+08:00', aqi: 230 }],
    }),
  });
  await forbidden(forecasts);
  const station = await ili.request('/api/stations/KIZ-2', {
    method: 'PUT',
    body: JSON.stringify({ name: 'Wuqia', lon: 75.25, lat: 39.72 }),
  });
  await forbidden(station);
  // Moving a Kizilsu station into Ili touches Kizilsu too.
  const moved = await ili.request('/api/stations/KIZ-1', {
    method: 'PUT',
    body: JSON.stringify({ name: 'Artux', lon: 81.2815, lat: 43.9404 }),
  });
  await forbidden(moved);
  const imported = await ili.request('/api/stations/import', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: 'id,name,lon,lat\nILI-9,Yining,81.2815,43.9404\nKIZ-9,Artux,76.17,39.71',
  });
  await forbidden(imported);
  const stations = await (await fetch(`${server.url}/api/observations?station=KIZ-1`)).json();
  expect(stations.observations).toEqual([]);
});

test('an Ili account imports neither a Kizilsu layer nor Kizilsu boundaries', async () => {
  const layer = await ili.request('/api/layers/enterprise/import?jurisdiction=kizilsu', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': 'list.csv' },
    body: 'anything',
  });
  await forbidden(layer);
  const square = [
    [76.1, 39.7],
    [76.14, 39.7],
    [76.14, 39.74],
    [76.1, 39.74],
    [76.1, 39.7],
  ];
  const boundaries = await ili.request('/api/boundaries/import?name=artux.geojson', {
    method: 'POST',
    body: JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { unitId: '653001' },
          geometry: { type: 'Polygon', coordinates: [square] },
        },
      ],
    }),
  });
  await forbidden(boundaries);
  const units = (await (await fetch(`${server.url}/api/units?jurisdiction=kizilsu`)).json()).units;
  expect(units.find((unit: { id: string }) => unit.id === '653001').boundary.status).toBe('approximate');
});

test('an Ili enterprise is not imported into the Kizilsu layer, whoever imports it', async () => {
  const enterprises = readFileSync(new URL('../fixtures/layers/enterprises-good.csv', import.meta.url));
  const response = await both.request('/api/layers/enterprise/import?jurisdiction=kizilsu', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': 'enterprises-good.csv' },
    body: enterprises,
  });
  expect(response.status).toBe(400);
  const { report } = (await response.json()) as { report: { row: number; message: string }[] };
  expect(report[0]).toMatchObject({
    row: 3,
    column: '所属县市',
    value: '伊宁市',
    message: 'unitId 654002 is a unit of ili; this is the kizilsu layer',
  });
  const layer = await (await fetch(`${server.url}/api/layers/enterprise?jurisdiction=kizilsu`)).json();
  expect(layer.source).toBe('sample');
});

test('the warning book is read by the prefecture’s accounts only; the state stays public', async () => {
  const book = (session: Session | null, jurisdiction: string) =>
    session
      ? session.request(`/api/warnings?jurisdiction=${jurisdiction}`)
      : fetch(`${server.url}/api/warnings?jurisdiction=${jurisdiction}`);
  expect((await book(null, 'kizilsu')).status).toBe(401);
  expect(await forbidden(await book(ili, 'kizilsu'))).toBe('account ili-office acts for ili only');
  expect((await book(ili, 'ili')).status).toBe(200);
  expect((await book(both, 'kizilsu')).status).toBe(200);
  const feederRead = await fetch(`${server.url}/api/warnings?jurisdiction=ili`, {
    headers: { authorization: `Bearer ${feederKey}` },
  });
  expect(feederRead.status).toBe(403);
  expect((await ili.request('/api/reports?jurisdiction=kizilsu&date=2019-01-05')).status).toBe(403);
  expect((await ili.request('/api/enterprise-checks?jurisdiction=kizilsu')).status).toBe(403);
  expect((await fetch(`${server.url}/api/state?jurisdiction=kizilsu`)).status).toBe(200);
});
