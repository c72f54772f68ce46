/**
 * Engine tick benchmark (issue 16.3): the CPU of one engine tick after an hourly ingest, in-process, for the
 * live benchmark's 200 Ili stations (the replay's 31 repeated at their sites with scaled copies of the E3
 * series). Loads 51 hours, then ticks once per hour; prints the tick's CPU per hour (p50, mean) and, with
 * `--out FILE`, writes every tick's state and delta rows as JSON (to compare two trees byte for byte).
 * Run: npx tsx bench/tick.bench.ts [hours] [--out FILE]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type TickChange } from '../server/engine/engine';
import { createStore } from '../server/store/sqlite';
import type { ObservationRow } from '../server/store/types';
import { scaledEpisode } from './scaled-episode';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
const hoursToTick = Number(
  args.find((arg, index) => (outIndex < 0 || index !== outIndex + 1) && /^\d+$/.test(arg)) ?? 150,
);
const stationCount = 200;
const warmHours = 51;

const { stations, times, valuesAt } = scaledEpisode(stationCount);
function rowsAt(time: number): ObservationRow[] {
  return stations.flatMap((station) => {
    const values = valuesAt(station.id, time);
    return values
      ? [{ station: station.id, time, values, flags: {}, receivedAt: time, source: 'bench' }]
      : [];
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'tick-bench-'));
const store = createStore(dataDir);
store.upsertStations(stations);
store.writeObservations(times.slice(0, warmHours).flatMap(rowsAt));
const engine = createEngine({ store, clock: 'data' });
const changes: TickChange[] = [];
engine.onTick((change) => changes.push(change));
engine.state('ili');
const record: unknown[] = [];
const cpu: number[] = [];
const ticked = times.slice(warmHours, warmHours + hoursToTick);
for (const time of ticked) {
  engine.ingested({ observations: rowsAt(time) });
  changes.length = 0;
  const start = process.cpuUsage();
  engine.state('ili');
  const used = process.cpuUsage(start);
  cpu.push((used.user + used.system) / 1000);
  if (out)
    record.push(
      changes.map(({ state, ...delta }) => ({ state: JSON.stringify(state), delta: JSON.stringify(delta) })),
    );
}
engine.close();
rmSync(dataDir, { recursive: true, force: true });
if (out) writeFileSync(out, JSON.stringify(record));
const sorted = [...cpu].sort((a, b) => a - b);
const mean = cpu.reduce((sum, value) => sum + value, 0) / cpu.length;
console.log(
  `${ticked.length} ticks of ${stationCount} Ili stations: CPU per tick p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, mean ${mean.toFixed(1)} ms; load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
);
