import { afterAll, beforeAll, expect, test } from 'vitest';
import { login, type Session, startTestServer } from '../helpers/server';

/**
 * CLOCK=data state after ingesting a known series through the HTTP API. Expected values are worked out by
 * hand from HJ 633-2012 (the data is from 2019): PM2.5 alternating 170/190 µg/m³ has a 24-hour mean of 180;
 * breakpoints 150 → 200 and 250 → 300 give IAQI 200 + (180 − 150) × 100 / 100 = 230. PM10 alternating
 * 190/210 (mean 200) gives 100 + (200 − 150) × 50 / 100 = 125; SO2 10, NO2 and O3 18/22, CO 1.0 stay far
 * below. D = 230, PM2.5 primary. (Values alternate: six identical hours would be flagged as stuck.)
 */
const feederKey = 'state-test-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
let server: Awaited<ReturnType<typeof startTestServer>>;
let duty: Session;

function hourIso(day: number, hour: number): string {
  return `2019-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

/** Hour ends 2019-12-10 01:00 … 2019-12-11 06:00 (30 hours). */
const hours = Array.from({ length: 30 }, (_, index) =>
  hourIso(10 + Math.floor((index + 1) / 24), (index + 1) % 24),
);

async function post(path: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response;
}

async function yining() {
  const response = await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers });
  expect(response.status).toBe(200);
  const state = await response.json();
  return { state, unit: state.units.find((unit: { id: string }) => unit.id === '654002') };
}

beforeAll(async () => {
  server = await startTestServer(
    { CLOCK: 'data', FEEDER_KEY: feederKey },
    {
      accounts: [
        { username: 'ili-duty', role: 'duty-officer', jurisdiction: 'ili', password: 'ili-duty-password' },
      ],
    },
  );
  duty = await login(server, 'ili-duty', 'ili-duty-password');
  const station = await fetch(`${server.url}/api/stations/2703A`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name: '市环保局', lon: 81.2815, lat: 43.9404 }),
  });
  expect(station.status, await station.clone().text()).toBeLessThan(300);
  await post('/api/observations', {
    observations: hours.map((time, index) => ({
      station: '2703A',
      time,
      pm25: index % 2 === 0 ? 170 : 190,
      pm10: index % 2 === 0 ? 190 : 210,
      so2: 10,
      no2: index % 2 === 0 ? 18 : 22,
      co: 1.0,
      o3: index % 2 === 0 ? 22 : 18,
    })),
  });
});
afterAll(async () => {
  await server.stop();
});

test('the engine now is the end of the newest hour received, and Yining is graded on its 24-hour window', async () => {
  const { state, unit } = await yining();
  expect(state.now).toBe(Date.parse('2019-12-11T06:00:00+08:00'));
  expect(state.edition).toBe('2012');
  expect(unit).toMatchObject({ dailyAqi: 230, hourlyAqi: 230, primaryPollutants: ['pm25'], stationCount: 1 });
  // D > 200 at now: yellow (3.3.2); the window 24 h earlier holds only 6 hours, so not orange.
  expect(unit.recommendedLevel).toBe('yellow');
  expect(unit.issuedLevel).toBe('none');
  expect(unit.stale).toBe(false);
  expect(unit.explanation.citations.length).toBeGreaterThan(0);
});

test('a late, corrected hour recomputes the windows it falls in', async () => {
  // 10 December 12:00 (row 11) read 190; 420 instead: (4320 − 190 + 420) / 24 = 189.58 µg/m³ → IAQI 239.58 → 240.
  await post('/api/observations', {
    observations: [
      { station: '2703A', time: hourIso(10, 12), pm25: 420, pm10: 210, so2: 10, no2: 22, co: 1.0, o3: 18 },
    ],
  });
  const { state, unit } = await yining();
  expect(state.now).toBe(Date.parse('2019-12-11T06:00:00+08:00'));
  expect(unit.dailyAqi).toBe(240);
});

test('forecasts after now join the series: D > 200 forecast for the next day makes it orange (48 h)', async () => {
  const now = Date.parse('2019-12-11T06:00:00+08:00');
  const forecasts = Array.from({ length: 30 }, (_, index) => ({
    unit: '654002',
    windowEnd: new Date(now + (index + 1) * 3_600_000).toISOString(),
    aqi: 260,
    aqiLow: 230,
    aqiHigh: 290,
    primary: 'pm25',
  }));
  await post('/api/forecasts', { issuedAt: '2019-12-11T05:30:00+08:00', source: 'test-office', forecasts });
  const { unit } = await yining();
  // Windows ending now (240) and now + 24 h (260) are both above 200: orange (D > 200 for 48 h).
  expect(unit.recommendedLevel).toBe('orange');
  // Orange first holds at now + 14 h, whose window 24 h earlier (ending 10 December 20:00) is the first
  // with the 20 valid hours a 24-hour mean needs, and lasts to the forecast's end: when the console
  // proposes it to start, not now.
  expect(unit.firstWindowEnd).toBe(now + 14 * 3_600_000);
  expect(unit.lastWindowEnd).toBe(now + 30 * 3_600_000);
});

test('an orange proposal from when the state says it holds passes the level guard; from now it does not', async () => {
  const { unit } = await yining();
  const propose = (effectiveAt: number) =>
    duty.request('/api/warnings/propose', {
      method: 'POST',
      body: JSON.stringify({
        jurisdiction: 'ili',
        target: { kind: 'unit', unitId: '654002' },
        level: 'orange',
        effectiveAt: new Date(effectiveAt).toISOString(),
        reason: 'forecast daily AQI above 200 for 48 h',
      }),
    });
  const early = await propose(Date.parse('2019-12-11T06:00:00+08:00'));
  expect(early.status).toBe(409);
  expect((await early.json()).guards.map((guard: { id: string }) => guard.id)).toEqual(['level-unsupported']);
  const held = await propose(unit.firstWindowEnd);
  expect(held.status, await held.clone().text()).toBe(201);
});

test('the side panel series: 72 h of hourly and daily AQI, then the forecast continuing the curve', async () => {
  const response = await fetch(`${server.url}/api/state/series?jurisdiction=ili&unit=654002`, { headers });
  expect(response.status).toBe(200);
  const series = await response.json();
  expect(series.hourly).toHaveLength(72);
  expect(series.daily.at(-1)).toMatchObject({ time: Date.parse('2019-12-11T06:00:00+08:00'), aqi: 240 });
  expect(series.forecast).toHaveLength(30);
  expect(series.forecast[0]).toMatchObject({ aqi: 260, aqiLow: 230, aqiHigh: 290, source: 'test-office' });
  // The pollutants at now under HJ 633-2012 (IAQI rounded up): the hourly report takes SO2, NO2, CO and O3
  // at 1 h (10 → 3.3 → 4; 22 → 11; 1.0 → 10; 18 → 5.6 → 6), O3 8 h (mean 20 → 10) and PM's 24 h moving
  // means; the daily report takes 24 h means (SO2 10 → 10; NO2 20 → 25; CO 1.0 → 25) and O3's daily
  // maxima (1 h 22 → 6.9 → 7; 8 h: the highest of the 17 8-hour means lying wholly in the window, 20 → 10,
  // HJ 663; the server's own copy of the windows used to count 8-hour means reaching back before it).
  const reading = (indicator: string, concentration: number, iaqi: number) => ({
    indicator,
    concentration,
    iaqi,
  });
  expect(series.reports.hourly).toEqual({
    edition: '2012',
    aqi: 240,
    readings: [
      reading('so2_1h', 10, 4),
      reading('no2_1h', 22, 11),
      reading('pm10_24h', 200, 125),
      reading('co_1h', 1, 10),
      reading('o3_1h', 18, 6),
      reading('o3_8h', 20, 10),
      reading('pm25_24h', 189.583333, 240),
    ],
  });
  expect(series.reports.daily.readings).toEqual([
    reading('so2_24h', 10, 10),
    reading('no2_24h', 20, 25),
    reading('pm10_24h', 200, 125),
    reading('co_24h', 1, 25),
    reading('o3_1h', 22, 7),
    reading('o3_8h', 20, 10),
    reading('pm25_24h', 189.583333, 240),
  ]);
  // Yining's only station has the same daily AQI; a station has no forecast of its own.
  const station = await (
    await fetch(`${server.url}/api/state/series?jurisdiction=ili&station=2703A`, { headers })
  ).json();
  expect(station).toMatchObject({ kind: 'station', id: '2703A', forecast: [] });
  expect(station.daily.at(-1).aqi).toBe(240);
  const wrong = await fetch(`${server.url}/api/state/series?jurisdiction=ili&unit=653001`, { headers });
  expect(wrong.status).toBe(400);
  expect((await wrong.json()).issues[0].field).toBe('unit');
});

test('a past hour is served for the time slider, and a future one is refused', async () => {
  const past = await fetch(`${server.url}/api/state?jurisdiction=ili&at=2019-12-10T12:00:00%2B08:00`, {
    headers,
  });
  expect(past.status).toBe(200);
  const state = await past.json();
  expect(state.now).toBe(Date.parse('2019-12-10T12:00:00+08:00'));
  // Only 12 hours before that hour: no valid 24-hour window yet.
  expect(state.units.find((unit: { id: string }) => unit.id === '654002').dailyAqi).toBeNull();
  const future = await fetch(`${server.url}/api/state?jurisdiction=ili&at=2020-01-01T00:00:00%2B08:00`, {
    headers,
  });
  expect(future.status).toBe(400);
  const bad = await fetch(`${server.url}/api/state?jurisdiction=xinjiang`, { headers });
  expect(bad.status).toBe(400);
  expect((await bad.json()).issues[0].field).toBe('jurisdiction');
});
