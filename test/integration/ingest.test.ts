import { afterAll, beforeAll, expect, test } from 'vitest';
import { toBeijingIso } from '../../shared/time';
import { startTestServer, type TestServer } from '../helpers/server';

/** Feeder ingest through the HTTP API (issue 6, "Ingest API"). */
const feederKey = 'ingest-test-feeder-key-0123456789';
const auth = { authorization: `Bearer ${feederKey}` };
const json = { ...auth, 'content-type': 'application/json' };
let server: TestServer;

function post(path: string, body: unknown, headers: Record<string, string> = json) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function stored(station: string) {
  const response = await fetch(`${server.url}/api/observations?station=${station}`);
  expect(response.status).toBe(200);
  return (await response.json()).observations as {
    time: string;
    values: Record<string, number | null>;
    flags: Record<string, string[]>;
  }[];
}

function hour(day: number, hourOfDay: number): string {
  return `2019-01-${String(day).padStart(2, '0')}T${String(hourOfDay).padStart(2, '0')}:00:00+08:00`;
}

const row = (station: string, time: string, pm25: number) => ({
  station,
  time,
  pm25,
  pm10: 310,
  so2: 21,
  no2: 64,
  co: 2.3,
  o3: 12,
});

beforeAll(async () => {
  server = await startTestServer({ FEEDER_KEY: feederKey });
  for (const [id, name, lon, lat] of [
    ['2703A', '市环保局', 81.2815, 43.9404],
    ['2704A', '新政府片区', 81.2996, 43.9174],
    ['2697A', '市人民政府', 76.1454, 39.7142],
    ['FLAGS', 'flag checks', 81.3364, 43.941],
  ] as const) {
    const response = await fetch(`${server.url}/api/stations/${id}`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ name, lon, lat }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }
});
afterAll(async () => {
  await server.stop();
});

test('a station placed in Yining and one in Artux get their units by point-in-polygon', async () => {
  const store = server.openStore();
  const units = Object.fromEntries(store.stations().map((station) => [station.id, station.unitId]));
  store.close();
  expect(units).toMatchObject({ '2703A': '654002', '2697A': '653001' });
});

test('JSON observations are stored as sent, hour-ending Beijing time', async () => {
  const response = await post('/api/observations', { observations: [row('2703A', hour(5, 13), 250)] });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 1, inserted: 1, replaced: 0, flagged: [] });
  const [observation] = await stored('2703A');
  expect(observation).toMatchObject({
    time: '2019-01-05T13:00:00+08:00',
    values: { pm25: 250, pm10: 310, so2: 21, no2: 64, co: 2.3, o3: 12 },
    flags: {},
    source: 'feeder:FEEDER_KEY',
  });
});

test('CSV observations with the same columns, an empty cell meaning not measured', async () => {
  const csv = `station,time,pm25,pm10,so2,no2,co,o3
2704A,${hour(5, 13)},180,,10,20,1.1,30
2704A,${hour(5, 14)},190,220,10,20,1.2,31
`;
  const response = await post('/api/observations', csv, { ...auth, 'content-type': 'text/csv' });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 2, inserted: 2 });
  const rows = await stored('2704A');
  expect(
    rows.map((observation) => [observation.time, observation.values.pm25, observation.values.pm10]),
  ).toEqual([
    ['2019-01-05T13:00:00+08:00', 180, null],
    ['2019-01-05T14:00:00+08:00', 190, 220],
  ]);
});

test('one bad request lists every bad row and field and writes nothing', async () => {
  const response = await post('/api/observations', {
    observations: [
      row('2703A', hour(6, 1), 100),
      { ...row('2703A', hour(6, 2), 100), pm10: 'high' },
      { ...row('2703A', '2019-01-06T02:30:00+08:00', 100) },
      { ...row('2703A', '2019-01-06T04:00:00', 100), so2: null },
    ],
  });
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.issues).toEqual([
    { row: 2, field: 'pm10', message: expect.any(String) },
    { row: 3, field: 'time', message: expect.stringMatching(/not the end of an hour/) },
    { row: 4, field: 'time', message: expect.stringMatching(/no UTC offset/) },
  ]);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  expect((await stored('2703A')).map((observation) => observation.time)).toEqual([
    '2019-01-05T13:00:00+08:00',
  ]);
});

test('a JSON observation with a key spelt otherwise is 400 naming row, key and spelling, and writes nothing', async () => {
  const { pm25: _, ...withoutPm25 } = row('2703A', hour(8, 2), 0);
  const response = await post('/api/observations', {
    observations: [row('2703A', hour(8, 1), 100), { ...withoutPm25, pm2_5: 250 }],
  });
  expect(response.status).toBe(400);
  expect((await response.json()).issues).toEqual([
    { row: 2, field: 'pm2_5', message: 'unknown key "pm2_5": name it "pm25"' },
  ]);
  expect((await stored('2703A')).map((observation) => observation.time)).not.toContain(hour(8, 1));
});

test('a CSV with a bad cell names its row and column', async () => {
  const csv = `station,time,pm25,pm10,so2,no2,co,o3
2704A,${hour(7, 1)},50,60,10,20,1,30
2704A,${hour(7, 2)},fifty,60,10,20,1,30
`;
  const response = await post('/api/observations', csv, { ...auth, 'content-type': 'text/csv' });
  expect(response.status).toBe(400);
  expect((await response.json()).issues).toEqual([{ row: 2, field: 'pm25', message: expect.any(String) }]);
  expect(await stored('2704A')).toHaveLength(2);
});

test('an unknown station is 422 naming it, and nothing of the request is written', async () => {
  const response = await post('/api/observations', {
    observations: [row('2703A', hour(8, 1), 90), row('9999X', hour(8, 1), 90)],
  });
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({ error: 'unknown station: 9999X', stations: ['9999X'] });
  expect(await stored('2703A')).toHaveLength(1);
});

test('re-sending a station-hour is idempotent; a corrected value replaces it and the change is logged', async () => {
  const again = await post('/api/observations', { observations: [row('2703A', hour(5, 13), 250)] });
  expect(await again.json()).toMatchObject({ accepted: 1, inserted: 0, replaced: 0, unchanged: 1 });
  const corrected = await post('/api/observations', { observations: [row('2703A', hour(5, 13), 260)] });
  expect(await corrected.json()).toMatchObject({ accepted: 1, inserted: 0, replaced: 1, unchanged: 0 });
  const rows = await stored('2703A');
  expect(rows).toHaveLength(1);
  expect(rows[0]!.values.pm25).toBe(260);
  const store = server.openStore();
  const changes = store.observationChanges('2703A');
  store.close();
  expect(changes.map((change) => [change.before.values.pm25, change.after.values.pm25])).toEqual([
    [250, 260],
  ]);
});

test('implausible values are stored but flagged: negative, beyond physical bounds, stuck 6 h, isolated spike', async () => {
  // so2 40 µg/m³ for 6 hours (above the quantisation floor of 15): stuck. no2 1 for 8 hours: a genuine flat run.
  // pm25 50, 50, 400, 50: 400 ≥ 4 × 50 and 350 above: a spike. pm10 12,000 > 10,000: beyond physical bounds,
  // and between 104 and 106 a spike as well. co −0.5: negative.
  const pm25 = [50, 50, 400, 50, 60, 70, 80, 90];
  const observations = pm25.map((value, index) => ({
    station: 'FLAGS',
    time: hour(10, index + 1),
    pm25: value,
    pm10: index === 5 ? 12_000 : 100 + index,
    so2: index < 6 ? 40 : 41,
    no2: 1,
    co: index === 7 ? -0.5 : 1 + index / 10,
    o3: 20 + index,
  }));
  const response = await post('/api/observations', { observations });
  expect(response.status).toBe(200);
  const rows = await stored('FLAGS');
  expect(rows.map((observation) => observation.flags)).toEqual([
    { so2: ['stuck'] },
    { so2: ['stuck'] },
    { pm25: ['spike'], so2: ['stuck'] },
    { so2: ['stuck'] },
    { so2: ['stuck'] },
    { pm10: ['beyond-physical-bounds', 'spike'], so2: ['stuck'] },
    {},
    { co: ['negative'] },
  ]);
  expect(rows[2]!.values.pm25).toBe(400);
});

test('a stuck run completed by a later request flags the earlier hours too', async () => {
  const first = Array.from({ length: 5 }, (_, index) => ({
    ...row('2704A', hour(12, index + 1), 75),
    pm25: 75 + index,
  }));
  const flat = first.map((observation) => ({ ...observation, pm10: 333 }));
  await post('/api/observations', { observations: flat });
  expect((await stored('2704A')).filter((observation) => observation.flags.pm10)).toHaveLength(0);
  await post('/api/observations', { observations: [{ ...row('2704A', hour(12, 6), 80), pm10: 333 }] });
  const flagged = (await stored('2704A')).filter((observation) => observation.flags.pm10?.includes('stuck'));
  expect(flagged.map((observation) => observation.time)).toEqual(
    [1, 2, 3, 4, 5, 6].map((hourOfDay) => hour(12, hourOfDay)),
  );
});

test('forecasts: the newest issue wins per unit and window, an older issue arriving late changes nothing', async () => {
  const issue = (issuedAt: string, aqi: number) => ({
    issuedAt,
    source: 'prefecture forecasting office',
    forecasts: [
      { unit: '654002', windowEnd: hour(15, 0), aqi, aqiLow: aqi - 30, aqiHigh: aqi + 30, primary: 'pm25' },
    ],
  });
  expect((await (await post('/api/forecasts', issue(hour(13, 20), 230))).json()).written).toBe(1);
  expect((await (await post('/api/forecasts', issue(hour(14, 20), 250))).json()).written).toBe(1);
  const late = await (await post('/api/forecasts', issue(hour(12, 20), 180))).json();
  expect(late).toMatchObject({ accepted: 1, written: 0, superseded: 1 });
  const store = server.openStore();
  const standing = store.forecastsFrom(0, ['654002']);
  store.close();
  expect(standing.map((forecast) => [forecast.aqi, forecast.issuedAt])).toEqual([
    [250, Date.parse(hour(14, 20))],
  ]);
});

test('a forecast for an unknown unit is 422, a bad field is 400 with its path', async () => {
  const unknown = await post('/api/forecasts', {
    issuedAt: hour(13, 20),
    source: 'x',
    forecasts: [{ unit: '999999', windowEnd: hour(15, 0), aqi: 100 }],
  });
  expect(unknown.status).toBe(422);
  // The office wrote the unit's name where its id goes: the answer gives the id to write.
  const named = await post('/api/forecasts', {
    issuedAt: hour(13, 20),
    source: 'x',
    forecasts: [{ unit: '伊宁市', windowEnd: hour(15, 0), aqi: 100 }],
  });
  expect(named.status).toBe(422);
  expect(await named.json()).toMatchObject({
    error: 'unknown unit: 伊宁市 (write its id, 654002)',
    units: ['伊宁市'],
  });
  const bad = await post('/api/forecasts', {
    issuedAt: hour(13, 20),
    source: 'x',
    forecasts: [{ unit: '654002', windowEnd: hour(15, 0), aqi: 100, aqiHigh: 90 }],
  });
  expect(bad.status).toBe(400);
  expect((await bad.json()).issues).toEqual([{ row: 1, field: 'aqiHigh', message: 'aqiHigh below aqi' }]);
});

test('a forecast issue giving one unit and window twice is 400 naming the row, and writes nothing', async () => {
  const twice = await post('/api/forecasts', {
    issuedAt: hour(13, 20),
    source: 'pasted twice',
    forecasts: [
      { unit: '654003', windowEnd: hour(15, 0), aqi: 230 },
      { unit: '654003', windowEnd: hour(15, 0), aqi: 120 },
    ],
  });
  expect(twice.status).toBe(400);
  expect((await twice.json()).issues).toEqual([
    { row: 2, field: 'windowEnd', message: 'same unit and window as row 1' },
  ]);
  const store = server.openStore();
  const stored = store.forecastsFrom(0, ['654003']);
  store.close();
  expect(stored).toEqual([]);
});

test('a forecast window that ends at or before its issue is 400 naming the row and field, and writes nothing', async () => {
  const response = await post('/api/forecasts', {
    issuedAt: hour(13, 20),
    source: 'wrong date',
    forecasts: [
      { unit: '654021', windowEnd: hour(14, 0), aqi: 230 },
      { unit: '654021', windowEnd: hour(13, 0), aqi: 120 },
      { unit: '654021', windowEnd: hour(13, 20), aqi: 120 },
    ],
  });
  expect(response.status).toBe(400);
  expect((await response.json()).issues).toEqual(
    [2, 3].map((row) => ({
      row,
      field: 'windowEnd',
      message: 'not after issuedAt: a forecast window ends after its issue',
    })),
  );
  const store = server.openStore();
  const stored = store.forecastsFrom(0, ['654021']);
  store.close();
  expect(stored).toEqual([]);
});

test('station list CSV import: unit by point-in-polygon unless given, all or nothing', async () => {
  const good = `id,name,lon,lat,unit,simulated
3665A,克州文化中心,76.1658,39.7157,,
SIM1,given unit,81.3,43.9,xpcc4-r66,yes
`;
  const response = await post('/api/stations/import', good, { ...auth, 'content-type': 'text/csv' });
  expect(response.status, await response.clone().text()).toBe(200);
  const body = await response.json();
  expect(
    body.stations.map((station: { id: string; unitId: string; simulated: boolean }) => [
      station.id,
      station.unitId,
      station.simulated,
    ]),
  ).toEqual([
    ['3665A', '653001', false],
    ['SIM1', 'xpcc4-r66', true],
  ]);
  const bad = `id,name,lon,lat,unit
NEW1,fine,81.3,43.9,
NEW2,bad unit,81.3,43.9,nowhere
NEW3,bad lat,81.3,,
`;
  const refused = await post('/api/stations/import', bad, { ...auth, 'content-type': 'text/csv' });
  expect(refused.status).toBe(400);
  expect(
    (await refused.json()).issues.map((issue: { row: number; field: string }) => [issue.row, issue.field]),
  ).toEqual([[3, 'lat']]);
});

test('a station given a unit it is not in or near is refused, naming the row, the unit and where it lies', async () => {
  // Row 2: an Artux station filed under 伊宁市 (another prefecture's AQI); row 3: Urumqi, in neither.
  const csv = `id,name,lon,lat,unit
NEAR1,伊宁县边界站,81.52,43.98,654021
WRONG1,阿图什站,76.15,39.71,654002
WRONG2,乌鲁木齐站,87.6,43.8,654003
`;
  const response = await post('/api/stations/import', csv, { ...auth, 'content-type': 'text/csv' });
  expect(response.status).toBe(400);
  const issues = (await response.json()).issues as { row: number; field: string; message: string }[];
  expect(issues.map((issue) => [issue.row, issue.field])).toEqual([
    [2, 'unit'],
    [3, 'unit'],
  ]);
  expect(issues[0]!.message).toMatch(/伊宁市 \(654002\).*阿图什市 \(653001\)/);
  // An office's list (Chinese header, the county by name) is judged the same way, its column named as written.
  const named = await post(
    '/api/stations/import',
    '站点编码,站点名称,经度,纬度,所属区县\nNAMED1,站,76.15,39.71,伊宁市\n',
    {
      ...auth,
      'content-type': 'text/csv',
    },
  );
  const namedIssues = (await named.json()).issues as { row: number; field: string; message: string }[];
  expect(namedIssues.map((issue) => [issue.row, issue.field])).toEqual([[1, '所属区县']]);
  expect(namedIssues[0]!.message).toMatch(/伊宁市 \(654002\).*阿图什市 \(653001\)/);
  const stations = await fetch(`${server.url}/api/state?jurisdiction=ili`).then((r) => r.json());
  expect(stations.stations.map((station: { id: string }) => station.id)).not.toContain('NEAR1');
  // A regiment with no boundary yet is judged by its host county (61团 in 霍尔果斯市).
  const regiment = await fetch(`${server.url}/api/stations/R61`, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ name: '61团站', lon: 80.42, lat: 44.2, unit: 'xpcc4-r61' }),
  });
  expect(regiment.status, await regiment.clone().text()).toBe(200);
});

test('a station with lon and lat swapped is refused with both fields named and the likely cause', async () => {
  const response = await post('/api/stations/import', 'id,name,lon,lat\nSWAP1,伊宁县站,43.98,81.52\n', {
    ...auth,
    'content-type': 'text/csv',
  });
  expect(response.status).toBe(400);
  const issues = (await response.json()).issues as { row: number; field: string; message: string }[];
  expect(issues.map((issue) => [issue.row, issue.field])).toEqual([
    [1, 'lon'],
    [1, 'lat'],
  ]);
  for (const issue of issues) expect(issue.message).toContain('are lon and lat swapped?');
});

test('a station list saved by Chinese Excel (GBK) keeps its Chinese names, like a UTF-8 one', async () => {
  // "伊宁县站" in GBK, the bytes Excel's "CSV (逗号分隔)" writes on a Chinese Windows.
  const gbkName = Buffer.from('d2c1c4fecfd8d5be', 'hex');
  const body = Buffer.concat([Buffer.from('id,name,lon,lat\nGBK1,'), gbkName, Buffer.from(',81.52,43.98\n')]);
  const response = await fetch(`${server.url}/api/stations/import`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  expect((await response.json()).stations[0]).toMatchObject({ id: 'GBK1', name: '伊宁县站' });
  // The same file as UTF-8 with the BOM Excel's "CSV UTF-8" adds reads the same.
  const utf8 = await post('/api/stations/import', '\uFEFFid,name,lon,lat\nGBK1,伊宁县站,81.52,43.98\n', {
    ...auth,
    'content-type': 'text/csv',
  });
  expect((await utf8.json()).stations[0]).toMatchObject({ id: 'GBK1', name: '伊宁县站' });
});

test('a body over 5 MB is refused with 413', async () => {
  const response = await post('/api/observations', `station,time\n${'x'.repeat(6 * 1024 * 1024)}`, {
    ...auth,
    'content-type': 'text/csv',
  });
  expect(response.status).toBe(413);
  expect(await response.json()).toMatchObject({ error: expect.stringMatching(/over the limit/) });
});

test("a station's rows read back are the stored rows as JSON, unmeasured values and flags included", async () => {
  const csv = ['station,time,pm25,pm10,so2,no2,co,o3'];
  // Seven equal PM2.5 hours are a stuck analyser (flagged); CO is not measured; decimals as sent.
  for (let hourOfDay = 1; hourOfDay <= 7; hourOfDay += 1)
    csv.push(`2704A,${hour(9, hourOfDay)},40,${100 + hourOfDay}.25,21,64,,0.1`);
  const response = await post('/api/observations', `${csv.join('\n')}\n`, {
    ...auth,
    'content-type': 'text/csv',
  });
  expect(response.status).toBe(200);
  const store = server.openStore();
  const rows = store.observationsBetween(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, ['2704A']);
  store.close();
  expect(rows.filter((row) => row.flags.pm25?.includes('stuck'))).toHaveLength(7);
  const read = await fetch(`${server.url}/api/observations?station=2704A`);
  expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await read.text()).toBe(
    JSON.stringify({ observations: rows.map((row) => ({ ...row, time: toBeijingIso(row.time) })) }),
  );
});

test('a station-hour sent twice and an hour in the future are refused naming their rows; nothing is written', async () => {
  const future = toBeijingIso(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3 * 3_600_000);
  const csv = [
    'station,time,pm25',
    `2697A,${hour(11, 1)},30`,
    `2697A,${hour(11, 2)},31`,
    `2697A,${hour(11, 1)},32`,
    `2697A,${future},33`,
  ].join('\n');
  const response = await post('/api/observations', csv, { ...auth, 'content-type': 'text/csv' });
  expect(response.status).toBe(400);
  expect((await response.json()).issues).toEqual([
    { row: 3, field: 'time', message: 'same station-hour as row 1' },
    { row: 4, field: 'time', message: 'more than an hour after the current time' },
  ]);
  expect((await stored('2697A')).filter((row) => row.time.startsWith('2019-01-11'))).toEqual([]);
});

test('a forecast table as CSV: unit names, calendar days and Chinese headers are read as the office writes them', async () => {
  const issuedAt = encodeURIComponent(hour(16, 20));
  const table = [
    '区县,日期,AQI,AQI下限,AQI上限,首要污染物',
    '伊宁市,2019-01-17,230,200,260,PM2.5',
    '奎屯市,2019/1/18,45,,,—',
    '654021,2019年1月18日,160,140,180,臭氧',
  ].join('\r\n');
  const response = await post(
    `/api/forecasts?issuedAt=${issuedAt}&source=伊犁州环境监测站`,
    `\ufeff${table}`,
    {
      ...auth,
      'content-type': 'text/csv',
    },
  );
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ accepted: 3, written: 3, superseded: 0 });
  const store = server.openStore();
  const standing = store
    .forecastsFrom(0, ['654002', '654003', '654021'])
    .filter((row) => row.source === '伊犁州环境监测站');
  store.close();
  // A calendar day's window ends at 24:00 Beijing time, the next day's 00:00.
  expect(
    standing.map((row) => [
      row.unit,
      toBeijingIso(row.windowEnd),
      row.aqi,
      row.aqiLow,
      row.aqiHigh,
      row.primary,
    ]),
  ).toEqual([
    ['654002', hour(18, 0), 230, 200, 260, 'pm25'],
    ['654003', hour(19, 0), 45, null, null, null],
    ['654021', hour(19, 0), 160, 140, 180, 'o3'],
  ]);
});

test('a bad forecast table is 400 naming each row and the column as the file heads it, and writes nothing', async () => {
  const send = (table: string, query = `issuedAt=${encodeURIComponent(hour(16, 20))}&source=office`) =>
    post(`/api/forecasts?${query}`, table, { ...auth, 'content-type': 'text/csv' });
  const bad = await send(
    [
      '区县,日期,AQI,AQI下限,首要污染物',
      '霍城县,2019-02-30,150,,PM2.5',
      '霍城县,2019-01-18,1e2,,PM2.5',
      '霍城县,2019-01-19,150,170,PM2.5',
      '霍城县,2019-01-20,150,,沙尘',
    ].join('\n'),
  );
  expect(bad.status).toBe(400);
  const refusal = await bad.json();
  expect(refusal.issues.map((issue: { row: number; field: string }) => [issue.row, issue.field])).toEqual([
    [1, '日期'],
    [2, 'AQI'],
    [3, 'AQI下限'],
    [4, '首要污染物'],
  ]);
  expect(refusal.issues.slice(0, 3).map((issue: { message: string }) => issue.message)).toEqual([
    '2019-02-30 is not a calendar day like 2019-01-17',
    '1e2 is not a decimal number',
    'aqiLow above aqi',
  ]);
  const store = server.openStore();
  expect(store.forecastsFrom(0, ['654023'])).toHaveLength(0);
  store.close();

  const noIssue = await send('unit,date,aqi\n654023,2019-01-18,150', 'source=office');
  expect(noIssue.status).toBe(400);
  expect((await noIssue.json()).issues).toEqual([expect.objectContaining({ field: 'issuedAt' })]);
  const twoWindows = await send('unit,date,windowEnd,aqi\n654023,2019-01-18,2019-01-19T00:00:00+08:00,150');
  expect(twoWindows.status).toBe(400);
  expect((await twoWindows.json()).issues).toEqual([
    { field: 'date', message: 'columns "windowEnd" and "date" both give the window: keep one' },
  ]);
  const noWindow = await send('unit,aqi\n654023,150');
  expect(noWindow.status).toBe(400);
  expect((await noWindow.json()).issues[0].message).toMatch(/no window column/);
  // A day that had ended when the forecast was issued names the file's date column.
  const past = await send('区县,日期,AQI\n霍城县,2019-01-15,150');
  expect(past.status).toBe(400);
  expect((await past.json()).issues).toEqual([
    { row: 1, field: '日期', message: 'not after issuedAt: a forecast window ends after its issue' },
  ]);
});
