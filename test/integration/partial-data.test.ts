import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadEpisodes, realStations } from '../../server/replay/episodes';
import { episodeHours } from '../../server/replay/simulate-hours';
import { simulatedStations } from '../../server/replay/simulated';
import { HOUR, toBeijingIso } from '../../shared/time';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * DOMAIN.md, incomplete data (issue 15.6, 16): the real December 2019 hours of the replay (E3: Yining's
 * national stations and the simulated stations around them) up to 11 December 19:00, when 伊宁县's only
 * station has 17 of its 24 hours, as in the issue. Its daily report then lacks every 24-hour mean and the
 * O3 1-hour maximum; HJ 633-2012 publishes the rest (O3's 8-hour maximum alone), marked partial. That grading
 * reads such a value as missing (never as clean air) is shared/rules/daily-series.test.ts, with the issue's
 * numbers.
 */
const feederKey = 'partial-data-feeder-key-012345678';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
const now = Date.parse('2019-12-11T19:00:00+08:00');
const county = '654021';
/**
 * Six of the window's hours lost (the replay has no 12:00 either): 17 of 24 remain, O3 keeps 14 valid
 * 8-hour means, the 24-hour means need 20 hours. With every hour the window's daily AQI is 178.
 */
const lost = [23, 22, 21, 20, 19, 12].map((hoursBefore) => now - hoursBefore * HOUR);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  const stations = [...realStations(), ...simulatedStations()].filter((station) =>
    ['654002', '654021', '654022', '654023', 'xpcc4-kokdala', 'xpcc4-r66'].includes(station.unitId ?? ''),
  );
  for (const station of stations) {
    const response = await fetch(`${server.url}/api/stations/${station.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ name: station.name, lon: station.lon, lat: station.lat, unit: station.unitId }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }
  const ids = new Set(stations.map((station) => station.id));
  const countyStation = stations.find((station) => station.unitId === county)!.id;
  const rows = [...episodeHours(loadEpisodes().get('E3')!)]
    .filter(([time]) => time <= now)
    .flatMap(([, hour]) => hour)
    .filter((row) => ids.has(row.station) && !(row.station === countyStation && lost.includes(row.time)));
  const response = await fetch(`${server.url}/api/observations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      observations: rows.map((row) => ({
        station: row.station,
        time: toBeijingIso(row.time),
        ...row.values,
      })),
    }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const partial = ['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_1h', 'pm25_24h'];

test('the state names what the partial daily report lacks; 2012 publishes what is left', async () => {
  const state = await (await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers })).json();
  expect(state.now).toBe(now);
  const unit = state.units.find((candidate: { id: string }) => candidate.id === county);
  expect(unit.newestHour).toBe(now);
  expect(unit.dailyMissing).toEqual(partial);
  // O3's daily maximum 8-hour mean alone: a value no higher than good air, during an orange episode.
  expect(unit.dailyAqi).toBeGreaterThan(0);
  expect(unit.dailyAqi).toBeLessThanOrEqual(100);
  expect(unit.hourlyMissing).toEqual(expect.arrayContaining(['pm10_24h', 'pm25_24h']));
  const yining = state.units.find((candidate: { id: string }) => candidate.id === '654002');
  expect(yining.dailyMissing).toEqual([]);
  expect(yining.dailyAqi).toBeGreaterThan(150);
});

test('the series marks the partial windows', async () => {
  const series = await (
    await fetch(`${server.url}/api/state/series?jurisdiction=ili&unit=${county}`, { headers })
  ).json();
  const atNow = series.daily.at(-1);
  expect(atNow).toMatchObject({ time: now, missing: partial });
  // A day earlier the station had all its hours.
  expect(series.daily.at(-25)).toMatchObject({ time: now - 24 * HOUR, missing: [] });
  expect(series.daily.at(-25).aqi).toBeGreaterThan(100);
});
