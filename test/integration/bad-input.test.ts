import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createStore } from '../../server/store/sqlite';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

/** Issue 14, items 1, 6 and 8: requests that stopped the server or answered 500 are refused, naming why. */
const feederKey = 'bad-input-feeder-key-0123456789';
const feeder = { authorization: `Bearer ${feederKey}` };
let server: TestServer;
let office: Session;

beforeAll(async () => {
  server = await startTestServer({ FEEDER_KEY: feederKey }, { accounts: accountsFor(['office-director']) });
  office = await login(server, 'office-director', 'office-director-password');
  await fetch(`${server.url}/api/stations/S1`, {
    method: 'PUT',
    headers: { ...feeder, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Yining', lon: 81.2815, lat: 43.9404 }),
  });
});
afterAll(async () => {
  await server.stop();
});

type Refusal = { error: string; issues?: { row?: number; field: string; message: string }[] };

async function refused(response: Response, status: number): Promise<Refusal> {
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json();
}

const observe = (body: string, type = 'text/csv') =>
  fetch(`${server.url}/api/observations`, {
    method: 'POST',
    headers: { ...feeder, 'content-type': type },
    body,
  });

test('item 1: a dust confirmation ending in the year 275760 is refused, and the engine keeps ticking', async () => {
  const response = await office.request('/api/warnings/confirm-dust', {
    method: 'POST',
    body: JSON.stringify({
      jurisdiction: 'ili',
      unitId: '654002',
      from: '2019-01-01T00:00:00Z',
      to: '+275760-09-13T00:00:00Z',
      reason: 'dust storm',
    }),
  });
  expect((await refused(response, 400)).issues).toEqual([
    { field: 'to', message: expect.stringMatching(/not an ISO 8601 instant/) },
  ]);
  const ingest = await observe('station,time,pm25\nS1,2019-01-05T13:00:00+08:00,80');
  expect(ingest.status).toBe(200);
  const health = await (await fetch(`${server.url}/api/health`)).json();
  expect(health).toMatchObject({ status: 'ok', engine: { degraded: [] } });
});

test('item 1: a stored event that cannot be applied does not stop start-up; health names it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tianshan-poison-'));
  const store = createStore(dataDir);
  // The event the issue's request stored before instants were checked (the event log forbids DELETE).
  store.appendEvent(
    'ili',
    {
      type: 'confirm-dust',
      unitId: '654002',
      from: Date.parse('2019-01-01T00:00:00Z'),
      to: 8_640_000_000_000_000,
      actor: { userId: 'office-director', role: 'office-director' },
      at: Date.parse('2019-01-05T13:00:00+08:00'),
      reason: 'dust storm',
      citation: '1.4 适用范围',
    },
    Date.parse('2019-01-05T13:00:00+08:00'),
  );
  store.close();
  const poisoned = await startTestServer({}, { dataDir });
  try {
    const health = await fetch(`${poisoned.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'degraded',
      engine: {
        degraded: [
          { jurisdiction: 'ili', error: null, skippedEvents: [{ seq: 1, problem: expect.any(String) }] },
        ],
      },
    });
    expect((await fetch(`${poisoned.url}/api/state?jurisdiction=ili`)).status).toBe(200);
  } finally {
    await poisoned.stop();
  }
});

test('item 6: a forecast issued in the year 275760 is 400 naming issuedAt', async () => {
  const response = await fetch(`${server.url}/api/forecasts`, {
    method: 'POST',
    headers: { ...feeder, 'content-type': 'application/json' },
    body: JSON.stringify({
      issuedAt: '+275760-01-01T00:00:00Z',
      source: 'office',
      forecasts: [{ unit: '654002', windowEnd: '2019-01-06T00:00:00+08:00', aqi: 230 }],
    }),
  });
  expect((await refused(response, 400)).issues?.map((issue) => issue.field)).toEqual(['issuedAt']);
});

test('item 6: a broken XLSX, a CSV with an unclosed quote and a diesel zone with an empty ring are 400 naming the problem', async () => {
  const upload = (kind: string, name: string, body: BodyInit) =>
    office.request(`/api/layers/${kind}/import?jurisdiction=ili`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': name },
      body,
    });
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('list').addRow(['编号']);
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  const broken = await refused(await upload('enterprise', 'list.xlsx', xlsx.slice(0, xlsx.length - 40)), 400);
  expect(broken).toMatchObject({
    report: [{ row: 0, message: expect.stringMatching(/not a readable XLSX/) }],
  });

  const unclosed = await refused(await upload('enterprise', 'list.csv', '编号,名称\n"YN-1,伊宁\n'), 400);
  expect(unclosed).toMatchObject({
    report: [{ row: 0, message: expect.stringMatching(/Quote Not Closed/i) }],
  });

  const zone = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'Z1',
          name: '城区',
          unitId: '654002',
          fromLevel: 'red',
          timeWindows: '07:00-22:00',
        },
        geometry: { type: 'Polygon', coordinates: [[]] },
      },
    ],
  };
  const empty = await refused(await upload('diesel-zone', 'zones.geojson', JSON.stringify(zone)), 400);
  expect(empty).toMatchObject({
    report: [{ row: 1, message: expect.stringMatching(/at least 4 positions/) }],
  });
});

test('item 6: malformed TopoJSON, features: null and a JSON null are refused, not 500', async () => {
  const upload = (name: string, body: string, type = 'application/octet-stream') =>
    office.request(`/api/boundaries/import?name=${name}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
  const problem = async (response: Response) => {
    const body = await refused(response, 422);
    return (body as unknown as { report: { problems: { problem: string }[] } }).report.problems[0]!.problem;
  };
  const topology = { type: 'Topology', arcs: [], objects: { a: { type: 'Polygon', arcs: [[7]] } } };
  expect(await problem(await upload('a.topojson', JSON.stringify(topology)))).toMatch(/TopoJSON|coordinates/);
  expect(
    await problem(await upload('a.geojson', JSON.stringify({ type: 'FeatureCollection', features: null }))),
  ).toMatch(/features/);
  expect(await problem(await upload('a.json', 'null'))).toMatch(/expected a GeoJSON/);
  const parsedNull = await upload('a.json', 'null', 'application/json');
  expect(parsedNull.status).toBe(400);
});

test('item 8: instants are ISO 8601 with an offset, calendar-valid and plausible', async () => {
  const field = async (time: string) => {
    const body = await refused(await observe(`station,time,pm25\nS1,${time},80`), 400);
    return body.issues?.[0];
  };
  expect(await field('2019-02-29T13:00:00+08:00')).toMatchObject({
    row: 1,
    field: 'time',
    message: expect.stringMatching(/not a calendar date/),
  });
  expect((await field('2019-01-05T13:00:00'))?.message).toMatch(/no UTC offset/);
  expect((await field('2012-12-31T13:00:00+08:00'))?.message).toMatch(/before 2013/);
  expect((await field('2090-01-05T13:00:00+08:00'))?.message).toMatch(/more than an hour after/);
});

test('item 8: CSV numbers are decimal only; an empty or garbage CSV is 400, not 200 with 0 rows', async () => {
  const hex = await refused(await observe('station,time,pm25\nS1,2019-01-05T14:00:00+08:00,0x10'), 400);
  expect(hex.issues).toEqual([{ row: 1, field: 'pm25', message: expect.stringMatching(/decimal number/) }]);
  for (const body of ['', 'station,time,pm25\n', 'garbage without rows'])
    expect((await refused(await observe(body), 400)).error).toBe('unreadable CSV');
  const stations = await fetch(`${server.url}/api/stations/import`, {
    method: 'POST',
    headers: { ...feeder, 'content-type': 'text/csv' },
    body: 'id,name,lon,lat\nS2,Huocheng,0x51,43.9',
  });
  expect((await refused(stations, 400)).issues).toEqual([
    { row: 1, field: 'lon', message: expect.stringMatching(/0x51 is not a decimal number/) },
  ]);
});

test('item 8: a diesel zone whose boundary crosses itself is refused with the place of the crossing', async () => {
  const bowTie = [
    [81.0, 43.74],
    [81.04, 43.78],
    [81.04, 43.74],
    [81.0, 43.78],
    [81.0, 43.74],
  ];
  const zone = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'Z1',
          name: '城区',
          unitId: '654002',
          fromLevel: 'red',
          timeWindows: '07:00-22:00',
        },
        geometry: { type: 'Polygon', coordinates: [bowTie] },
      },
    ],
  };
  const response = await office.request('/api/layers/diesel-zone/import?jurisdiction=ili', {
    method: 'POST',
    headers: { 'content-type': 'application/geo+json', 'x-file-name': 'zones.geojson' },
    body: JSON.stringify(zone),
  });
  expect(await refused(response, 400)).toMatchObject({
    report: [
      {
        row: 1,
        message: expect.stringMatching(/crosses itself at 1 point\(s\), first at \(81\.02, 43\.76\)/),
      },
    ],
  });
});
