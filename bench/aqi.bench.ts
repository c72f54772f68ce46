/**
 * AQI engine benchmark (issue 3): every window and both reports recomputed from raw values for
 * 2,000 stations × 8,760 hours, then the incremental update of one new hour (and one late hour) for all
 * 2,000 stations. Targets: ≥ 2 million station-hours per second on one core, < 5 ms per incremental hour.
 */
import { StationWindows } from '../shared/aqi';
import { HOUR } from '../shared/time';

const stations = 2000;
const hours = 8760;
const patterns = 16;
const start = Date.parse('2019-01-01T01:00:00+08:00');

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

/** One station-year of plausible hourly values in speciesOrder, with 3 % of hours missing. */
function stationYear(seed: number): Float64Array[] {
  const next = random(seed);
  const scales = [20, 40, 120, 80, 1.5, 60];
  const columns = scales.map(() => new Float64Array(hours));
  for (let hour = 0; hour < hours; hour += 1) {
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
const windows = Array.from({ length: stations }, () => new StationWindows());

/** Loads a year of raw values into each station from `first` and prints the throughput. */
function recomputeAll(label: string, first: number, targets: StationWindows[]): void {
  const count = targets.length;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (let station = 0; station < count; station += 1)
    targets[station]!.load(first, years[station % patterns]!);
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const stationHours = count * hours;
  let checksum = 0;
  for (let station = 0; station < count; station += 1)
    checksum += targets[station]!.dailyAqi(first + (hours - 1) * HOUR) ?? 0;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
  console.log(
    `${label}: ${count} stations × ${hours} h in ${wallSeconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU = ` +
      `${(stationHours / wallSeconds / 1e6).toFixed(2)} million station-hours/s wall, ` +
      `${(stationHours / cpuSeconds / 1e6).toFixed(2)} per CPU second (checksum ${checksum})`,
  );
}

recomputeAll('full recompute, HJ 633-2012 (2019 data)', start, windows);
const later = Array.from({ length: stations / 4 }, () => new StationWindows());
recomputeAll(
  'full recompute, HJ 633-2026 (data from March 2026)',
  Date.parse('2026-03-01T01:00:00+08:00'),
  later,
);

const appended = 200;
const row = new Float64Array(6);
const appendTimes: number[] = [];
const appendCpuTimes: number[] = [];
for (let step = 0; step < appended; step += 1) {
  const hourEnd = start + (hours + step) * HOUR;
  const began = performance.now();
  const cpuBegan = process.cpuUsage();
  for (let station = 0; station < stations; station += 1) {
    const year = years[station % patterns]!;
    for (let species = 0; species < 6; species += 1)
      row[species] = year[species]![(step * 7 + station) % hours]!;
    windows[station]!.set(hourEnd, row);
  }
  appendTimes.push(performance.now() - began);
  const cpu = process.cpuUsage(cpuBegan);
  appendCpuTimes.push((cpu.user + cpu.system) / 1000);
}
const lateTimes: number[] = [];
const lateCpuTimes: number[] = [];
for (let step = 0; step < 50; step += 1) {
  const hourEnd = start + (hours + appended - 1 - (step % 20)) * HOUR;
  const began = performance.now();
  const cpuBegan = process.cpuUsage();
  for (let station = 0; station < stations; station += 1) {
    row[3] = 50 + ((station + step) % 200);
    windows[station]!.set(hourEnd, row);
  }
  lateTimes.push(performance.now() - began);
  const cpu = process.cpuUsage(cpuBegan);
  lateCpuTimes.push((cpu.user + cpu.system) / 1000);
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return `mean ${mean.toFixed(2)} ms, median ${sorted[sorted.length >> 1]!.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`;
}
console.log(`incremental: one new hour for ${stations} stations (${appended} hours)`);
console.log(`  wall ${summary(appendTimes)}; CPU ${summary(appendCpuTimes)}`);
console.log(`late hour: one corrected hour (its 24 windows) for ${stations} stations (50 times)`);
console.log(`  wall ${summary(lateTimes)}; CPU ${summary(lateCpuTimes)}`);
