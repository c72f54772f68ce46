import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createStore } from '../../server/store/sqlite';
import { HOUR, toBeijingIso } from '../../shared/time';
import { decimal, mean, referenceIaqi, tieSequence } from '../fixtures/aqi/exact-reference';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 17.2 through the server's path: decimal values sent to POST /api/observations, rated by the engine
 * the server runs, read back from GET /api/state/series, against the exact BigInt reference
 * (test/fixtures/aqi/exact-reference.ts). Data from March 2026: HJ 633-2026 rounds per GB/T 8170.
 */
const feederKey = 'rounding-feeder-key-0123456789012';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
const firstHour = Date.parse('2026-03-10T01:00:00+08:00');
const lastHour = firstHour + 23 * HOUR;
const cases = 6;
let server: TestServer;

type Reading = { indicator: string; concentration: number | null; iaqi: number | null };

beforeAll(async () => {
  server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  for (let index = 0; index < cases; index += 1) {
    const response = await fetch(`${server.url}/api/stations/R${index}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ name: `R${index}`, lon: 81.3, lat: 43.9, unit: '654021' }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }
});
afterAll(async () => {
  await server?.stop();
});

async function send(rows: Record<string, unknown>[]) {
  const response = await fetch(`${server.url}/api/observations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ observations: rows }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function readings(subject: string, kind: 'hourly' | 'daily'): Promise<Record<string, Reading>> {
  const at = encodeURIComponent(toBeijingIso(lastHour));
  const response = await fetch(`${server.url}/api/state/series?jurisdiction=ili&${subject}&at=${at}`, {
    headers,
  });
  const series = await response.json();
  return Object.fromEntries(
    series.reports[kind].readings.map((reading: Reading) => [reading.indicator, reading]),
  );
}

test('issue 17.2 regression: PM2.5 36.5000001 µg/m³ in one hour is 37 → IAQI 54, as the API answers', async () => {
  await send([
    {
      station: 'R0',
      time: toBeijingIso(lastHour),
      pm25: 36.5000001,
      pm10: 40,
      so2: 5,
      no2: 20,
      co: 0.5,
      o3: 20,
    },
  ]);
  expect((await readings('station=R0', 'hourly')).pm25_1h).toEqual({
    indicator: 'pm25_1h',
    concentration: 37,
    iaqi: 54,
  });
});

test('24-hour means on or beside a tie are rated as the exact reference says', async () => {
  // One unit of the 7th decimal beside the tie: rounding any value to millionths first gets these wrong.
  const beside = { precisions: [7], nudges: [-1, 1] };
  const sequences = fc.sample(
    fc.tuple(
      tieSequence({ min: 1, max: 9 }, '05', 2, beside),
      tieSequence({ min: 20, max: 200 }, '5', 0, beside),
    ),
    { numRuns: cases - 1, seed: 17 },
  );
  const flagged = new Set<string>();
  for (const [index, [co, pm25]] of sequences.entries()) {
    const station = `R${index + 1}`;
    const hours = Math.min(co.length, pm25.length);
    await send(
      Array.from({ length: hours }, (_, hour) => ({
        station,
        time: toBeijingIso(lastHour - (hours - 1 - hour) * HOUR),
        co: Number(co[hour]),
        pm25: Number(pm25[hour]),
        // Below the stuck-analyser floor (server/ingest/plausibility.ts): a flat run there is genuine.
        so2: 5,
        no2: 10,
        o3: 10,
      })),
    );
    const store = createStore(server.dataDir);
    for (const row of store.observationsBetween(firstHour, lastHour, [station]))
      if (row.flags.co || row.flags.pm25) flagged.add(station);
    store.close();
    if (flagged.has(station)) continue;
    const exact = (texts: readonly string[]) =>
      mean(texts.slice(0, hours).map((text) => decimal(String(Number(text)))));
    const answer = await readings(`station=${station}`, 'daily');
    expect([answer.co_24h?.iaqi, answer.pm25_24h?.iaqi]).toEqual([
      referenceIaqi('co_24h', exact(co), '2026'),
      referenceIaqi('pm25_24h', exact(pm25), '2026'),
    ]);
  }
  // The plausibility checks (stuck, spikes) must not have left the test without cases.
  expect(flagged.size).toBeLessThan(cases - 1);
});
