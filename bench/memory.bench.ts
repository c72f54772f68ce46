/**
 * Server memory with a year of hourly data for 200 stations (issue 6): fills a store, then starts the server
 * on it in a fresh process and reports RSS and heap after the engine has loaded it and served the state of
 * both prefectures. Run: npm run bench memory
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { units } from '../geo/units';
import { simulatedStations } from '../server/replay/simulated';
import { createStore } from '../server/store/sqlite';
import type { ObservationRow, StationRow } from '../server/store/types';
import { startTestServer } from '../test/helpers/server';

const stationCount = 200;
const hours = 365 * 24;
const hour = 3_600_000;
const start = Date.parse('2025-01-01T01:00:00+08:00');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function memory(): string {
  collectGarbage();
  const usage = process.memoryUsage();
  return `RSS ${megabytes(usage.rss)}, heap used ${megabytes(usage.heapUsed)}, array buffers ${megabytes(usage.arrayBuffers)}`;
}

/** 200 stations spread over every unit, placed near the replay's simulated stations. */
function stations(): StationRow[] {
  const sites = new Map(simulatedStations().map((station) => [station.unitId, station]));
  return Array.from({ length: stationCount }, (_, index) => {
    const unit = units[index % units.length]!;
    const site = sites.get(unit.id) ?? { lon: 76.15, lat: 39.71 };
    return {
      id: `B${String(index).padStart(4, '0')}`,
      name: `bench ${index}`,
      lon: site.lon + 0.001 * index,
      lat: site.lat,
      unitId: unit.id,
      simulated: true,
    };
  });
}

/** A smooth seasonal series with a daily cycle per station: no value stuck, none a spike. */
function observation(station: string, index: number, time: number): ObservationRow {
  const day = (time - start) / (24 * hour);
  const wave = 1 + 0.6 * Math.cos((2 * Math.PI * day) / 365) + 0.2 * Math.sin(2 * Math.PI * day + index);
  const value = (base: number) => Math.round(base * wave * 10) / 10;
  return {
    station,
    time,
    values: {
      pm25: value(45),
      pm10: value(80),
      so2: value(12),
      no2: value(30),
      co: value(0.9),
      o3: value(40),
    },
    flags: {},
    receivedAt: time,
    source: 'bench',
  };
}

async function fill(dataDir: string): Promise<void> {
  const store = createStore(dataDir);
  const list = stations();
  store.upsertStations(list);
  const began = performance.now();
  for (let first = 0; first < hours; first += 24) {
    const rows: ObservationRow[] = [];
    for (let offset = 0; offset < 24 && first + offset < hours; offset += 1) {
      const time = start + (first + offset) * hour;
      for (const [index, station] of list.entries()) rows.push(observation(station.id, index, time));
    }
    store.writeObservations(rows);
  }
  console.log(
    `store filled with ${(stationCount * hours).toLocaleString('en')} station-hours in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  store.close();
}

async function serve(dataDir: string): Promise<void> {
  console.log(`server process before start: ${memory()}`);
  const began = performance.now();
  const server = await startTestServer({ CLOCK: 'data' }, { dataDir });
  const started = performance.now();
  for (const jurisdiction of ['ili', 'kizilsu']) {
    const response = await fetch(`${server.url}/api/state?jurisdiction=${jurisdiction}`);
    if (!response.ok) throw new Error(`GET /api/state ${jurisdiction}: ${response.status}`);
    await response.json();
  }
  console.log(
    `start with a year of 200 stations: ${((started - began) / 1000).toFixed(1)} s; first states served after ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  console.log(`server process with the year loaded: ${memory()}`);
  await server.stop();
}

if (process.argv[2] === '--serve') await serve(process.argv[3]!);
else {
  const dataDir = mkdtempSync(join(tmpdir(), 'tianshan-bench-memory-'));
  await fill(dataDir);
  const child = fork(import.meta.filename, ['--serve', dataDir], { execArgv: ['--import', 'tsx'] });
  await new Promise((resolve) => child.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
