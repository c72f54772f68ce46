import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadEpisodes, realStations } from '../../server/replay/episodes';
import { createStore } from '../../server/store/sqlite';
import type { ObservationRow } from '../../server/store/types';
import { type Species, StationWindows, speciesOrder } from '../../shared/aqi';
import { HOUR, toBeijingIso } from '../../shared/time';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 17.1: the server runs the engine the tests prove. The real 2019 Yining hours (the three national
 * stations of the bundled replay, episodes E1–E3) go through POST /api/observations; every hour of
 * GET /api/state/series (unit 伊宁市 and each station, at now and at past hours) must equal what
 * shared/aqi's StationWindows computes from the same stored rows, flags included.
 */
const feederKey = 'one-engine-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
const yiningStations = ['2703A', '2704A', '2705A'];
const unitId = '654002';
let server: TestServer;
let stored: ObservationRow[];
let first = Number.POSITIVE_INFINITY;
let last = Number.NEGATIVE_INFINITY;

type SeriesItem = { time: number; aqi: number | null; missing: string[]; primaryPollutants?: string[] };

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  for (const station of realStations().filter((row) => yiningStations.includes(row.id))) {
    const response = await fetch(`${server.url}/api/stations/${station.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ name: station.name, lon: station.lon, lat: station.lat, unit: unitId }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }
  const episodes = loadEpisodes();
  const rows = ['E1', 'E2', 'E3'].flatMap((id) =>
    episodes.get(id)!.rows.filter((row) => yiningStations.includes(row.station)),
  );
  // As a feeder sends them: CSV, an hour's stations together, several requests.
  const csv = (batch: typeof rows) =>
    `station,time,pm25,pm10,so2,no2,co,o3\n${batch
      .map((row) =>
        [
          row.station,
          toBeijingIso(row.time),
          ...['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'].map((name) => row.values[name as Species] ?? ''),
        ].join(','),
      )
      .join('\n')}\n`;
  for (let start = 0; start < rows.length; start += 500) {
    const response = await fetch(`${server.url}/api/observations`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: csv(rows.slice(start, start + 500)),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }
  for (const row of rows) [first, last] = [Math.min(first, row.time), Math.max(last, row.time)];
  const store = createStore(server.dataDir);
  stored = store.observationsBetween(first, last);
  store.close();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** A station's hour as the engine reads it: flagged values are missing (issue 6). */
function usable(row: ObservationRow): number[] {
  return speciesOrder.map((name) =>
    (row.flags[name]?.length ?? 0) > 0 ? Number.NaN : (row.values[name] ?? Number.NaN),
  );
}

/** The shared engine's own windows over every stored hour: of a station, or of the unit's stations' mean. */
function expectedWindows(stations: readonly string[]): StationWindows {
  const byKey = new Map(stored.map((row) => [`${row.station}@${row.time}`, row] as const));
  const windows = new StationWindows({ retainHours: (last - first) / HOUR + 48 });
  for (let hour = first; hour <= last; hour += HOUR) {
    const values = stations.flatMap((station) => {
      const row = byKey.get(`${station}@${hour}`);
      return row ? usable(row) : speciesOrder.map(() => Number.NaN);
    });
    windows.writeMean(hour, values, stations.length);
  }
  windows.flush();
  return windows;
}

async function series(subject: string, at: number) {
  const response = await fetch(
    `${server.url}/api/state/series?jurisdiction=ili&${subject}&at=${encodeURIComponent(toBeijingIso(at))}`,
    { headers },
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { hourly: SeriesItem[]; daily: SeriesItem[]; reports: unknown };
}

/** Every 72nd hour from the first full day to the newest, and the newest: together every stored hour. */
function panelEnds(): number[] {
  const ends: number[] = [];
  for (let at = first + 71 * HOUR; at < last; at += 72 * HOUR) ends.push(at);
  return [...ends, last];
}

function expectSame(windows: StationWindows, items: { hourly: SeriesItem[]; daily: SeriesItem[] }) {
  for (const item of items.hourly)
    expect([item.time, item.aqi, item.missing]).toEqual([
      item.time,
      windows.hourlyAqi(item.time),
      windows.hourlyMissingIndicators(item.time),
    ]);
  for (const item of items.daily)
    expect([item.time, item.aqi, item.primaryPollutants, item.missing]).toEqual([
      item.time,
      windows.dailyAqi(item.time),
      windows.dailyPrimaryPollutants(item.time),
      windows.dailyMissingIndicators(item.time),
    ]);
}

test('the unit series equals the shared engine for every stored hour, at now and in the past', async () => {
  const windows = expectedWindows(yiningStations);
  let compared = 0;
  for (const at of panelEnds()) {
    const answer = await series(`unit=${unitId}`, at);
    expectSame(windows, answer);
    compared += answer.daily.filter((item) => item.aqi !== null).length;
  }
  // The episodes are not all data: a real comparison covers most of the 1,080 hours with a daily AQI.
  expect(compared).toBeGreaterThan(900);
  const now = await series(`unit=${unitId}`, last);
  expect(now.reports).toMatchObject({
    hourly: { aqi: windows.report(last, 'hourly').aqi },
    daily: { aqi: windows.report(last, 'daily').aqi },
  });
}, 120_000);

test('each station series equals the shared engine for every stored hour', async () => {
  for (const station of yiningStations) {
    const windows = expectedWindows([station]);
    for (const at of panelEnds()) expectSame(windows, await series(`station=${station}`, at));
  }
}, 120_000);

test('the state every third day of the episodes carries the same daily and hourly AQI', async () => {
  const windows = expectedWindows(yiningStations);
  for (let at = first + 23 * HOUR; at <= last; at += 72 * HOUR) {
    const response = await fetch(
      `${server.url}/api/state?jurisdiction=ili&at=${encodeURIComponent(toBeijingIso(at))}`,
      { headers },
    );
    const state = await response.json();
    const unit = state.units.find((candidate: { id: string }) => candidate.id === unitId);
    if (unit.newestHour !== at) continue;
    expect([at, unit.dailyAqi, unit.hourlyAqi, unit.dailyMissing]).toEqual([
      at,
      windows.dailyAqi(at),
      windows.hourlyAqi(at),
      windows.dailyMissingIndicators(at),
    ]);
  }
}, 120_000);

test('a restarted server loads the same hours back and answers the same', async () => {
  const windows = expectedWindows(yiningStations);
  await server.close();
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey }, { dataDir: server.dataDir });
  expectSame(windows, await series(`unit=${unitId}`, last));
  expectSame(windows, await series(`unit=${unitId}`, panelEnds()[2]!));
  expectSame(expectedWindows(['2704A']), await series('station=2704A', last));
}, 120_000);
