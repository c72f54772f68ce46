import { afterAll, beforeAll, expect, test } from 'vitest';
import { feedCleanYining } from '../helpers/clean-yining';
import { startTestServer } from '../helpers/server';

/**
 * The time slider past now (issue 7): GET /api/state?at=<later hour end> is the state as forecast at the
 * engine's now. One station in 伊宁市 (654002) sends 30 hours, 2019-12-10 01:00 … 12-11 06:00 (CLOCK=data:
 * now = 12-11 06:00). A forecast issued at now gives three daily windows ending at midnight:
 *   12-12 00:00 → 160 (130–190) · 12-13 00:00 → 240 (210–270) · 12-14 00:00 → 120
 * The hour 12-12 12:00 lies in the window ending 12-13 00:00, so it reads 240, not a blend of 160 and 240.
 * Grading (Ili 3.3.2, shared standard): yellow when D > 200, or D > 150 at t and t − 24 h; orange needs
 * D > 200 at t and t − 24 h, or D > 150 at t, t − 24 h and t − 48 h. Observed windows read 75 (below).
 *   window 12-12 00:00: 160, and D(12-11 00:00) = 75 → no level
 *   window 12-13 00:00: 240 > 200 → yellow; D(12-12 00:00) = 160 is not > 200 → not orange
 * Observed: PM2.5 alternating 50/60 µg/m³ (mean 55) → IAQI 50 + (55 − 35) × 50 / 40 = 75 (HJ 633-2012).
 */
const feederKey = 'state-forecast-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
const now = Date.parse('2019-12-11T06:00:00+08:00');
let server: Awaited<ReturnType<typeof startTestServer>>;

async function send(method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}${path}`, { method, headers, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

async function stateAt(jurisdiction: string, at: string) {
  const query = new URLSearchParams({ jurisdiction, at });
  return fetch(`${server.url}/api/state?${query}`, { headers });
}

async function yiningAt(at: string) {
  const response = await stateAt('ili', at);
  expect(response.status, await response.clone().text()).toBe(200);
  const state = await response.json();
  return { state, unit: state.units.find((unit: { id: string }) => unit.id === '654002') };
}

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  await feedCleanYining(send);
  const window = (windowEnd: string, aqi: number, range: [number, number] | null, unit = '654002') => ({
    unit,
    windowEnd,
    aqi,
    aqiLow: range?.[0] ?? null,
    aqiHigh: range?.[1] ?? null,
    primary: 'pm25',
  });
  await send('POST', '/api/forecasts', {
    issuedAt: '2019-12-11T06:00:00+08:00',
    source: '伊犁州气象台',
    forecasts: [
      window('2019-12-12T00:00:00+08:00', 160, [130, 190]),
      window('2019-12-13T00:00:00+08:00', 240, [210, 270]),
      window('2019-12-14T00:00:00+08:00', 120, null),
      // 伊宁县 and 察布查尔县 border 伊宁市 and each other: the same days for Ili's regional rule (3.3.3).
      ...['654021', '654022'].flatMap((unit) => [
        window('2019-12-12T00:00:00+08:00', 160, null, unit),
        window('2019-12-13T00:00:00+08:00', 240, null, unit),
      ]),
    ],
  });
});
afterAll(async () => {
  await server.stop();
});

test('the live state stays observed: no basis field, the observed daily AQI', async () => {
  const response = await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers });
  const state = await response.json();
  expect(state.now).toBe(now);
  expect(state.basis).toBeUndefined();
  expect(state.units.find((unit: { id: string }) => unit.id === '654002')).toMatchObject({
    dailyAqi: 75,
    hourlyAqi: 75,
  });
});

test('a later hour reads the forecast window covering it, marked as a forecast seen from now', async () => {
  const { state, unit } = await yiningAt('2019-12-12T12:00:00+08:00');
  expect(state.basis).toBe('forecast');
  expect(state.now).toBe(Date.parse('2019-12-12T12:00:00+08:00'));
  expect(state.forecastFrom).toBe(now);
  expect(unit).toMatchObject({
    dailyAqi: 240,
    aqiLow: 210,
    aqiHigh: 270,
    hourlyAqi: null,
    primaryPollutants: ['pm25'],
    recommendedLevel: 'yellow',
    issuedLevel: 'none',
    stationCount: 0,
  });
  expect(unit.explanation.zh).toContain('预报');
  expect(state.stations.find((station: { id: string }) => station.id === '2703A').hourlyAqi).toBeNull();
});

test('each hour takes its own window: the evening before reads 160 and no level holds', async () => {
  const { unit } = await yiningAt('2019-12-11T20:00:00+08:00');
  expect(unit).toMatchObject({ dailyAqi: 160, aqiLow: 130, aqiHigh: 190, recommendedLevel: 'none' });
  // A window end is covered by its own window.
  expect((await yiningAt('2019-12-13T00:00:00+08:00')).unit.dailyAqi).toBe(240);
});

test('regions follow the hour: three bordering units averaging 240 form a yellow region, at 160 none', async () => {
  // Ili 3.3.3: 3+ contiguous units whose averaged daily AQI meets a level; 240 > 200 → yellow.
  const members = ['654002', '654021', '654022'];
  const { state } = await yiningAt('2019-12-12T12:00:00+08:00');
  expect(state.regions).toHaveLength(1);
  expect(state.regions[0]).toMatchObject({ members, level: 'yellow', averageDailyAqi: 240 });
  for (const id of members)
    expect(state.units.find((unit: { id: string }) => unit.id === id).regionFloor).toBe('yellow');
  // The window ending 12-12 00:00 averages 160, and the day before has only 伊宁市's observed 75.
  const evening = (await yiningAt('2019-12-11T20:00:00+08:00')).state;
  expect(evening.regions).toEqual([]);
  expect(evening.units.find((unit: { id: string }) => unit.id === '654021').regionFloor).toBe('none');
});

test('the horizon ends at the last forecast window: up to it answers, an hour later is refused naming at', async () => {
  expect((await yiningAt('2019-12-14T00:00:00+08:00')).unit).toMatchObject({ dailyAqi: 120, aqiLow: null });
  const response = await stateAt('ili', '2019-12-14T01:00:00+08:00');
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.issues[0].field).toBe('at');
  expect(body.issues[0].message).toContain('2019-12-14T00:00:00+08:00');
});

test('the timeline runs from the oldest stored hour through now to the horizon end', async () => {
  const response = await fetch(`${server.url}/api/state/timeline?jurisdiction=ili`, { headers });
  expect(await response.json()).toEqual({
    jurisdiction: 'ili',
    oldest: Date.parse('2019-12-10T01:00:00+08:00'),
    now,
    forecastEnd: Date.parse('2019-12-14T00:00:00+08:00'),
  });
});

test('a prefecture without a forecast refuses any later hour, and the side panel series shows the curve seen now', async () => {
  const timeline = await (await fetch(`${server.url}/api/state/timeline?jurisdiction=kizilsu`)).json();
  expect(timeline.forecastEnd).toBeNull();
  const later = new Date(timeline.now + 3_600_000).toISOString();
  const refused = await stateAt('kizilsu', later);
  expect(refused.status).toBe(400);
  expect((await refused.json()).issues[0].field).toBe('at');
  const query = new URLSearchParams({ jurisdiction: 'ili', unit: '654002', at: '2019-12-12T12:00:00+08:00' });
  const series = await (await fetch(`${server.url}/api/state/series?${query}`, { headers })).json();
  expect(series.now).toBe(now);
  expect(series.forecast.map((row: { aqi: number }) => row.aqi)).toEqual([160, 240, 120]);
});
