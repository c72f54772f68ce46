/**
 * Store benchmark (issue 19): the same hourly burst on SQLite and on PostgreSQL, end to end through a real
 * server (HTTP, validation, plausibility flags, the store's transaction, audit, engine): 24 hourly requests
 * of 2,000 stations each, acknowledgement time per request (p50, p99), then one station's day read back.
 * PostgreSQL is a throwaway local instance (test/helpers/postgres.ts). Run: npm run bench store
 */
import { units } from '../geo/units';
import { toBeijingIso } from '../shared/time';
import { startPostgres } from '../test/helpers/postgres';
import { startTestServer } from '../test/helpers/server';

const feederKey = 'bench-store-feeder-key-0123456789';
const auth = { authorization: `Bearer ${feederKey}` };
const hour = 3_600_000;
const stations = 2_000;
const hours = 24;
const iliUnits = units.filter((unit) => unit.jurisdiction === 'ili');

function stationCsv(): string {
  const rows = Array.from({ length: stations }, (_, index) => {
    const unit = iliUnits[index % iliUnits.length]!;
    return `S${index},S${index},81.3,43.9,${unit.id}`;
  });
  return `id,name,lon,lat,unit\n${rows.join('\n')}\n`;
}

function hourCsv(time: number, h: number): string {
  const lines = ['station,time,pm25,pm10,so2,no2,co,o3'];
  for (let index = 0; index < stations; index += 1) {
    const wave = Math.round(40 * Math.sin((h + index) / 5));
    lines.push(
      `S${index},${toBeijingIso(time)},${120 + wave},${180 + wave},${20 + (h % 7)},${40 + (h % 11)},1.5,${30 + (h % 13)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function post(url: string, path: string, body: string): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body,
  });
  if (response.status !== 200)
    throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function run(kind: string, databaseUrl: string | undefined): Promise<void> {
  const server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey }, { databaseUrl });
  await post(server.url, '/api/stations/import', stationCsv());
  const first = Date.parse('2019-01-01T01:00:00+08:00');
  const bodies = Array.from({ length: hours }, (_, h) => hourCsv(first + h * hour, h));
  const times: number[] = [];
  for (const body of bodies) {
    const started = performance.now();
    await post(server.url, '/api/observations', body);
    times.push(performance.now() - started);
  }
  const readStart = performance.now();
  const read = await fetch(`${server.url}/api/observations?station=S7`, { headers: auth });
  const rows = ((await read.json()) as { observations: unknown[] }).observations.length;
  const readMs = performance.now() - readStart;
  times.sort((a, b) => a - b);
  console.log(
    `${kind.padEnd(10)} hourly request of ${stations} stations acknowledged: p50 ${percentile(times, 0.5).toFixed(0)} ms, p99 ${percentile(times, 0.99).toFixed(0)} ms; one station's ${rows} hours read back in ${readMs.toFixed(0)} ms`,
  );
  await server.stop();
}

await run('sqlite', undefined);
const postgres = await startPostgres();
try {
  await run('postgres', await postgres.createDatabase());
} finally {
  await postgres.stop();
}
