/**
 * Ingest benchmark (issue 6): 10,000 station-hours in one POST /api/observations, timed to the 200 (stored,
 * fsynced, audited) and to GET /api/state showing the newest hour; JSON and CSV; then the same request
 * re-sent (idempotent: nothing changes). Run: npm run bench ingest
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createIngest } from '../server/ingest/service';
import { realStations } from '../server/replay/episodes';
import { simulatedStations } from '../server/replay/simulated';
import { createStore } from '../server/store/sqlite';
import { toBeijingIso } from '../shared/time';
import { startTestServer } from '../test/helpers/server';

const feederKey = 'bench-ingest-feeder-key-0123456789';
const headers = { authorization: `Bearer ${feederKey}` };
const rowsPerRequest = 10_000;
const hour = 3_600_000;

const server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
const stations = [...realStations(), ...simulatedStations()];
const stationCsv = `id,name,lon,lat,unit\n${stations.map((s) => `${s.id},${s.name},${s.lon},${s.lat},${s.unitId ?? ''}`).join('\n')}\n`;
const imported = await fetch(`${server.url}/api/stations/import`, {
  method: 'POST',
  headers: { ...headers, 'content-type': 'text/csv' },
  body: stationCsv,
});
if (imported.status !== 200) throw new Error(`station import: ${imported.status} ${await imported.text()}`);

/** 10,000 station-hours from `start`: every station, consecutive hours, values varying so nothing is stuck. */
function batch(start: number) {
  const hours = Math.ceil(rowsPerRequest / stations.length);
  const rows = [];
  for (let h = 0; h < hours; h += 1) {
    for (const [index, station] of stations.entries()) {
      const wave = Math.round(40 * Math.sin((h + index) / 5));
      rows.push({
        station: station.id,
        time: toBeijingIso(start + (h + 1) * hour),
        pm25: 120 + wave,
        pm10: 180 + wave,
        so2: 20 + (h % 7),
        no2: 40 + (h % 11),
        co: 1.5 + (h % 5) / 10,
        o3: 30 + (h % 13),
      });
    }
  }
  return rows.slice(0, rowsPerRequest);
}

async function timed(label: string, rows: ReturnType<typeof batch>, asCsv: boolean) {
  const body = asCsv
    ? `station,time,pm25,pm10,so2,no2,co,o3\n${rows.map((r) => [r.station, r.time, r.pm25, r.pm10, r.so2, r.no2, r.co, r.o3].join(',')).join('\n')}\n`
    : JSON.stringify({ observations: rows });
  const newest = Date.parse(rows.at(-1)!.time);
  const started = performance.now();
  const response = await fetch(`${server.url}/api/observations`, {
    method: 'POST',
    headers: { ...headers, 'content-type': asCsv ? 'text/csv' : 'application/json' },
    body,
  });
  const result = await response.json();
  const accepted = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`${label}: ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
  let inState = Number.NaN;
  for (;;) {
    const state = await (await fetch(`${server.url}/api/state?jurisdiction=ili`)).json();
    if (state.now >= newest) {
      inState = performance.now() - started;
      break;
    }
  }
  console.log(
    `${label.padEnd(34)} ${(body.length / 1e6).toFixed(2)} MB  accepted ${accepted.toFixed(0)} ms  in state ${inState.toFixed(0)} ms  (inserted ${result.inserted}, replaced ${result.replaced}, unchanged ${result.unchanged})`,
  );
}

/** The core's share: validation, flags, the SQLite transaction and the audit entry, without HTTP or the engine. */
function inProcess(label: string, rows: ReturnType<typeof batch>) {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-bench-store-'));
  const store = createStore(directory);
  store.upsertStations(stations);
  const ingest = createIngest(store, pino({ level: 'silent' }));
  for (const [index, warmup] of [batch(Date.parse('2018-01-01T00:00:00+08:00')), rows].entries()) {
    const started = performance.now();
    const result = ingest.observations(warmup, { actor: 'bench', source: 'bench' });
    if (index === 1)
      console.log(
        `${label.padEnd(34)} ${(performance.now() - started).toFixed(0)} ms  (inserted ${result.inserted})`,
      );
  }
  store.close();
  rmSync(directory, { recursive: true, force: true });
}

console.log(`${rowsPerRequest} station-hours per request, ${stations.length} stations`);
inProcess('core ingest in process (warm)', batch(Date.parse('2019-10-01T00:00:00+08:00')));
const first = Date.parse('2019-11-01T00:00:00+08:00');
await timed('JSON, new hours', batch(first), false);
await timed('JSON, same request re-sent', batch(first), false);
await timed('CSV, new hours', batch(first + 400 * hour), true);
await server.stop();
