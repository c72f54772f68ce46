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
import { loadEpisodes, realStations } from '../server/replay/episodes';
import { episodeHours } from '../server/replay/simulate-hours';
import { simulatedStations } from '../server/replay/simulated';
import { createStore } from '../server/store/sqlite';
import type { ObservationRow, StationRow } from '../server/store/types';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
const hoursToTick = Number(args.find((arg, index) => index !== outIndex + 1 && /^\d+$/.test(arg)) ?? 150);
const stationCount = 200;
const warmHours = 51;

function benchStations(): { stations: StationRow[]; factor: Map<string, { of: string; factor: number }> } {
  const base = [...realStations(), ...simulatedStations()].filter(
    (station) => !station.unitId?.startsWith('653'),
  );
  const stations: StationRow[] = [];
  const factor = new Map<string, { of: string; factor: number }>();
  for (let index = 0; index < stationCount; index += 1) {
    const of = base[index % base.length]!;
    const copy = Math.floor(index / base.length);
    const id = copy === 0 ? of.id : `${of.id}-B${copy}`;
    stations.push({ ...of, id, name: copy === 0 ? of.name : `${of.name}${copy}` });
    factor.set(id, { of: of.id, factor: 1 + 0.04 * (copy - 3) });
  }
  return { stations, factor };
}

const { stations, factor } = benchStations();
const hours = episodeHours(loadEpisodes().get('E3')!);
const times = [...hours.keys()].sort((a, b) => a - b);
function rowsAt(time: number): ObservationRow[] {
  const byStation = new Map((hours.get(time) ?? []).map((row) => [row.station, row.values]));
  return stations.flatMap((station) => {
    const source = factor.get(station.id)!;
    const values = byStation.get(source.of);
    if (!values) return [];
    const scaled = Object.fromEntries(
      Object.entries(values).map(([species, value]) => [
        species,
        value === null ? null : Math.round(value * source.factor * 10) / 10,
      ]),
    ) as ObservationRow['values'];
    return [{ station: station.id, time, values: scaled, flags: {}, receivedAt: time, source: 'bench' }];
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
