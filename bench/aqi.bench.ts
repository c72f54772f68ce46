/**
 * AQI engine benchmark (issue 3, issue 17.3), on the server's path: station-hours go through the engine's
 * own data layer (server/engine/data.ts EngineData.addObservations + flush, as ingest and start-up use it),
 * which writes every station's and every unit's shared/aqi windows (a unit's hour is the exact mean of its
 * stations). Targets: full recompute ≥ 5 M station-hours/s on one core, one new hour for 2,000 stations
 * < 2 ms, a late correction < 5 ms. Run: npm run bench aqi
 */
import { EngineData, liveHours } from '../server/engine/data';
import type { ObservationRow, Species, StationRow } from '../server/store/types';
import { speciesOrder } from '../shared/aqi';
import { HOUR } from '../shared/time';

const stationsPerUnit = 4;
const patterns = 16;
const yearHours = 8760;

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** One station-year of plausible hourly values per species, with 3 % of hours missing. */
function stationYear(seed: number): Float64Array[] {
  const next = random(seed);
  const scales = [20, 40, 120, 80, 1.5, 60];
  const columns = scales.map(() => new Float64Array(yearHours));
  for (let hour = 0; hour < yearHours; hour += 1) {
    const haze = 1 + Math.sin((hour / 24 / 365) * 2 * Math.PI) * 0.8 + next() * 0.6;
    columns.forEach((column, species) => {
      const value = scales[species]! * haze * (0.5 + next());
      column[hour] =
        next() < 0.03 ? Number.NaN : species === 4 ? Math.round(value * 10) / 10 : Math.round(value);
    });
  }
  return columns;
}

const years = Array.from({ length: patterns }, (_, index) => stationYear(index + 1));

function network(count: number): { data: EngineData; stations: StationRow[] } {
  const stations = Array.from({ length: count }, (_, index) => ({
    id: `S${index}`,
    name: `S${index}`,
    lon: 81,
    lat: 44,
    unitId: `U${Math.floor(index / stationsPerUnit)}`,
    simulated: false,
  }));
  const data = new EngineData();
  data.setStations(stations);
  return { data, stations };
}

/** The rows of one hour for every station, as ingest hands them to the engine. */
function hourRows(stations: readonly StationRow[], hourEnd: number, yearHour: number): ObservationRow[] {
  return stations.map((station, index) => {
    const year = years[index % patterns]!;
    const values = {} as Record<Species, number | null>;
    speciesOrder.forEach((name, species) => {
      const value = year[species]![(yearHour + index * 7) % yearHours]!;
      values[name] = Number.isNaN(value) ? null : value;
    });
    return { station: station.id, time: hourEnd, values, flags: {}, receivedAt: 0, source: 'bench' };
  });
}

function cpuMs(run: () => void): number {
  const began = process.cpuUsage();
  run();
  const used = process.cpuUsage(began);
  return (used.user + used.system) / 1000;
}

/** Reads what the state at `now` reads from the windows: every station's and unit's AQI at now. */
function readNow(data: EngineData, stations: readonly StationRow[], now: number): number {
  const view = data.liveView(now);
  let checksum = 0;
  for (const station of stations) checksum += view.station(station.id)?.hourlyAqi(now) ?? 0;
  for (let unit = 0; unit < stations.length / stationsPerUnit; unit += 1) {
    const windows = view.unit(`U${unit}`);
    checksum += (windows.hourlyAqi(now) ?? 0) + (windows.dailyAqi(now) ?? 0);
  }
  return checksum;
}

/**
 * A full recompute as the engine does it at start and when stations change (EngineData.recomputeAll):
 * every station's and unit's live windows rebuilt from the stored hours, i.e. the last 240 hours before
 * each one's newest (all the live windows keep), with what the state reads rated (the engine's look-back
 * of 168 daily windows per unit, each station's and unit's newest hour); then the same with both reports
 * of every hour held rated. Returns one timed run of each variant on the same stored month.
 */
function recomputeRunner(count: number, first: number): (rateEvery: boolean) => number {
  const { data, stations } = network(count);
  const days = 30;
  for (let day = 0; day < days; day += 1) {
    const rows: ObservationRow[] = [];
    for (let hour = day * 24; hour < (day + 1) * 24; hour += 1)
      rows.push(...hourRows(stations, first + hour * HOUR, hour));
    data.storeHours(rows);
  }
  const now = first + (days * 24 - 1) * HOUR;
  return (rateEvery) =>
    cpuMs(() => {
      data.recomputeAll();
      const view = data.liveView(now);
      const from = now - (rateEvery ? liveHours - 1 : 167) * HOUR;
      // The engine rates a unit's daily windows over its look-back (unit-series.ts); every report when asked.
      for (let unit = 0; unit < count / stationsPerUnit; unit += 1)
        view.unit(`U${unit}`).rate(from, now, rateEvery ? undefined : 'daily');
      if (rateEvery) for (const station of stations) view.station(station.id)!.rate(from, now);
      readNow(data, stations, now);
    });
}

/**
 * Both editions are set up and warmed (two runs of each variant) before either is timed, then timed in
 * alternating rounds: the edition that ran first in the process used to be timed with the JIT still warming
 * (docs/PERFORMANCE.md, AQI engine, eleventh pass). The median of three rounds is printed.
 */
function fullRecompute(count: number, editions: readonly { label: string; first: number }[]): void {
  const runners = editions.map(({ first }) => recomputeRunner(count, first));
  for (let round = 0; round < 2; round += 1)
    for (const run of runners) {
      run(false);
      run(true);
    }
  const times = runners.map(() => ({ asRun: [] as number[], every: [] as number[] }));
  for (let round = 0; round < 3; round += 1)
    runners.forEach((run, index) => {
      times[index]!.asRun.push(run(false));
      times[index]!.every.push(run(true));
    });
  const stationHours = count * liveHours;
  editions.forEach(({ label }, index) => {
    for (const [variant, measured] of [
      ['as the engine runs it', times[index]!.asRun],
      ['every report of every hour rated', times[index]!.every],
    ] as const) {
      const median = [...measured].sort((a, b) => a - b)[1]!;
      console.log(
        `full recompute, ${label}, ${variant}: ${count} stations (${count / stationsPerUnit} units) × ${liveHours} h ` +
          `in ${median.toFixed(0)} ms CPU (median of 3) = ${(stationHours / (median / 1000) / 1e6).toFixed(2)} million station-hours per CPU second`,
      );
    }
  });
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return `mean ${mean.toFixed(2)} ms, median ${sorted[sorted.length >> 1]!.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`;
}

const january2019 = Date.parse('2019-01-01T01:00:00+08:00');
const march2026 = Date.parse('2026-03-01T01:00:00+08:00');
fullRecompute(2000, [
  { label: 'HJ 633-2012 (2019 data)', first: january2019 },
  { label: 'HJ 633-2026 (from March 2026)', first: march2026 },
]);

// Incremental: 2,000 stations with a month of history, then one new hour at a time, then late corrections.
const count = 2000;
const { data, stations } = network(count);
const start = Date.parse('2019-11-01T01:00:00+08:00');
const history = 30 * 24;
for (let day = 0; day < history; day += 24) {
  const rows: ObservationRow[] = [];
  for (let hour = day; hour < day + 24; hour += 1)
    rows.push(...hourRows(stations, start + hour * HOUR, hour));
  data.addObservations(rows);
  data.flush();
}
readNow(data, stations, start + (history - 1) * HOUR);

const appended = 200;
const appendTimes: number[] = [];
for (let step = 0; step < appended; step += 1) {
  const hourEnd = start + (history + step) * HOUR;
  const rows = hourRows(stations, hourEnd, history + step);
  appendTimes.push(
    cpuMs(() => {
      data.addObservations(rows);
      readNow(data, stations, hourEnd);
    }),
  );
}
const now = start + (history + appended - 1) * HOUR;
// Two kinds of correction, alternating: a feeder re-sends an earlier hour with its PM2.5 corrected (the
// other indicators as stored), or with every indicator changed (another hour's values), which moves the O3
// windows too. Each kind is timed and reported on its own; the target holds for both.
const corrections = { pm25: [] as number[], all: [] as number[] };
for (let step = 0; step < 50; step += 1) {
  const hoursBack = 1 + (step % 20);
  const hourEnd = now - hoursBack * HOUR;
  const yearHour = history + appended - 1 - hoursBack;
  const kind = step % 2 === 0 ? 'pm25' : 'all';
  const rows =
    kind === 'pm25'
      ? hourRows(stations, hourEnd, yearHour).map((row, index) => ({
          ...row,
          values: { ...row.values, pm25: 50 + ((index + step) % 200) },
        }))
      : hourRows(stations, hourEnd, yearHour + 1 + step);
  corrections[kind].push(
    cpuMs(() => {
      data.addObservations(rows);
      const view = data.liveView(now);
      // The state re-reads the unit windows the correction moved (D(t) over the engine's look-back).
      for (let unit = 0; unit < count / stationsPerUnit; unit += 1)
        view.unit(`U${unit}`).rate(hourEnd, now, 'daily');
      readNow(data, stations, now);
    }),
  );
}
console.log(`one new hour for ${count} stations (${count / stationsPerUnit} units), ${appended} times:`);
console.log(`  CPU ${summary(appendTimes)}  (ingest rows → windows → every AQI the state reads at now)`);
console.log(
  `late correction: one earlier hour (1–20 h back) corrected for ${count} stations, 25 times each kind:`,
);
console.log(
  `  PM2.5 alone: CPU ${summary(corrections.pm25)}  (the windows it moves re-rated, as the state reads them)`,
);
console.log(`  every indicator: CPU ${summary(corrections.all)}`);
