import { readFileSync } from 'node:fs';
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { adjacencyGraph } from '../../adjacency/index';
import { wgs84ToGcj02 } from '../gcj02';
import { unitBoundaries } from '../registry';
import { planBoundaryImport } from './plan';

// A 0.04° square around 69团's seat, inside 察布查尔县. At 43.76° N with R = 6371.0088 km its sides are
// 0.04 × 111.195 = 4.4478 km (north–south) and 4.4478 × cos 43.76° = 3.2123 km (east–west).
const square: Position[] = [
  [81.0, 43.74],
  [81.04, 43.74],
  [81.04, 43.78],
  [81.0, 43.78],
  [81.0, 43.74],
];
const options = {
  idProperty: 'unitId',
  source: '第四师自然资源局 2025 (test)',
  importedAt: 1_700_000_000_000,
};

function collection(...features: { id: unknown; ring: Position[]; key?: string }[]) {
  return {
    type: 'FeatureCollection',
    features: features.map(({ id, ring, key = 'unitId' }) => ({
      type: 'Feature',
      properties: { [key]: id },
      geometry: { type: 'Polygon', coordinates: [ring] },
    })),
  };
}

const file = (name: string, content: unknown) => ({
  name,
  bytes: new TextEncoder().encode(typeof content === 'string' ? content : JSON.stringify(content)),
});

async function problemsOf(content: unknown, name = 'office.geojson', extra = {}) {
  const plan = await planBoundaryImport([], file(name, content), { ...options, ...extra });
  expect(plan.ok).toBe(false);
  return plan.report.problems;
}

describe('importing an official regiment boundary', () => {
  it('makes it official, carves it out of its host county and joins the two in the adjacency graph', async () => {
    const plan = await planBoundaryImport(
      [],
      file('r69.geojson', collection({ id: 'xpcc4-r69', ring: square })),
      options,
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.report));
    expect(plan.next.map((boundary) => [boundary.unitId, boundary.source])).toEqual([
      ['xpcc4-r69', options.source],
    ]);
    const entry = plan.boundaries.entries.find((candidate) => candidate.unitId === 'xpcc4-r69')!;
    expect(entry.status).toBe('official');
    const county = (registry: typeof plan.boundaries) =>
      registry.features.find((f) => f.properties.unitId === '654022')!;
    expect(booleanPointInPolygon([81.02, 43.76], county(unitBoundaries()))).toBe(true);
    expect(booleanPointInPolygon([81.02, 43.76], county(plan.boundaries))).toBe(false);
    // 4.4478 × 3.2123 = 14.29 km² leave the county.
    const lostKm2 = (area(county(unitBoundaries())) - area(county(plan.boundaries))) / 1e6;
    expect(lostKm2).toBeCloseTo(14.29, 0);
    const neighbours = adjacencyGraph(plan.boundaries.features).neighbours.get('xpcc4-r69')!;
    expect(neighbours.map((neighbour) => neighbour.id)).toEqual(['654022']);
    expect(neighbours[0]!.sharedKm).toBeCloseTo(2 * 4.4478 + 2 * 3.2123, 1);
  });

  it('replaces an earlier import of the same unit', async () => {
    const first = await planBoundaryImport(
      [],
      file('a.geojson', collection({ id: 'xpcc4-r69', ring: square })),
      options,
    );
    if (!first.ok) throw new Error('first import failed');
    const moved = square.map(([longitude, latitude]) => [longitude! + 0.1, latitude!]);
    const second = await planBoundaryImport(
      first.next,
      file('b.geojson', collection({ id: 'xpcc4-r69', ring: moved })),
      options,
    );
    if (!second.ok) throw new Error(JSON.stringify(second.report));
    expect(second.next).toHaveLength(1);
    expect(second.next[0]!.geometry.coordinates[0]).toEqual(moved);
  });

  it('accepts a unit named by its Chinese name in a property the office chooses', async () => {
    const content = collection({ id: '69团', ring: square, key: '名称' });
    const plan = await planBoundaryImport([], file('r69.json', content), { ...options, idProperty: '名称' });
    expect(plan.ok && plan.next[0]!.unitId).toBe('xpcc4-r69');
  });

  it('reads a GeoJSON saved in GBK (a Chinese desktop GIS), its Chinese names intact', async () => {
    const [before, after] = JSON.stringify(collection({ id: 'UNIT', ring: square, key: 'name' })).split(
      'UNIT',
    );
    // "69团" in GBK.
    const bytes = Buffer.concat([Buffer.from(before!), Buffer.from('3639cdc5', 'hex'), Buffer.from(after!)]);
    const plan = await planBoundaryImport(
      [],
      { name: 'r69.geojson', bytes },
      { ...options, idProperty: 'name' },
    );
    expect(plan.ok && plan.next[0]!.unitId).toBe('xpcc4-r69');
  });

  it('converts a GCJ-02 file to WGS84', async () => {
    const shifted = square.map(([longitude, latitude]) => wgs84ToGcj02(longitude!, latitude!));
    const plan = await planBoundaryImport(
      [],
      file('gcj.geojson', collection({ id: 'xpcc4-r69', ring: shifted })),
      { ...options, crs: 'gcj02' },
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.report));
    plan.next[0]!.geometry.coordinates[0]!.forEach((position, index) => {
      expect(position[0]).toBeCloseTo(square[index]![0]!, 8);
      expect(position[1]).toBeCloseTo(square[index]![1]!, 8);
    });
  });

  it('reads TopoJSON', async () => {
    const topology = {
      type: 'Topology',
      arcs: [square],
      objects: {
        regiments: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Polygon', arcs: [[0]], properties: { unitId: 'xpcc4-r69' } }],
        },
      },
    };
    const plan = await planBoundaryImport([], file('r69.topojson', topology), options);
    expect(plan.ok && plan.next[0]!.geometry.coordinates).toEqual([square]);
  });

  it('reads a zipped shapefile (outer ring clockwise, with .prj and .dbf)', async () => {
    // Generated by test/fixtures/boundaries/make-fixtures.ts: the square above as one record.
    const bytes = readFileSync(new URL('../../../test/fixtures/boundaries/r69-square.zip', import.meta.url));
    const plan = await planBoundaryImport([], { name: 'r69.zip', bytes }, options);
    if (!plan.ok) throw new Error(JSON.stringify(plan.report));
    expect(plan.next[0]!.unitId).toBe('xpcc4-r69');
    expect(area(plan.next[0]!.geometry) / 1e6).toBeCloseTo(14.29, 0);
  });
});

describe('a broken boundary file imports nothing and says why, feature by feature', () => {
  it('an open ring', async () => {
    const problems = await problemsOf(collection({ id: 'xpcc4-r69', ring: square.slice(0, 4) }));
    expect(problems).toEqual([
      { feature: 0, unitId: 'xpcc4-r69', problem: expect.stringMatching(/not closed/) },
    ]);
  });

  it('a self-intersecting (bow-tie) boundary', async () => {
    const bowTie = [
      [81.0, 43.74],
      [81.04, 43.78],
      [81.04, 43.74],
      [81.0, 43.78],
      [81.0, 43.74],
    ];
    const problems = await problemsOf(collection({ id: 'xpcc4-r69', ring: bowTie }));
    expect(problems).toEqual([
      { feature: 0, unitId: 'xpcc4-r69', problem: expect.stringMatching(/crosses itself at 1 point/) },
    ]);
  });

  it('projected metres (a wrong CRS) fall outside Xinjiang', async () => {
    const metres = [
      [500000, 4850000],
      [504000, 4850000],
      [504000, 4854000],
      [500000, 4854000],
      [500000, 4850000],
    ];
    const problems = await problemsOf(collection({ id: 'xpcc4-r69', ring: metres }));
    expect(problems[0]!.problem).toMatch(/outside Xinjiang/);
  });

  it('a declared projected CRS is refused for the whole file', async () => {
    const content = {
      ...collection({ id: 'xpcc4-r69', ring: square }),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } },
    };
    const problems = await problemsOf(content);
    expect(problems).toEqual([
      { feature: null, unitId: null, problem: expect.stringMatching(/EPSG::4547 is not WGS84/) },
    ]);
  });

  it('an implausibly small area', async () => {
    const tiny = [
      [81.0, 43.74],
      [81.0001, 43.74],
      [81.0001, 43.7401],
      [81.0, 43.7401],
      [81.0, 43.74],
    ];
    expect((await problemsOf(collection({ id: 'xpcc4-r69', ring: tiny })))[0]!.problem).toMatch(
      /not plausible/,
    );
  });

  it('an unknown unit id and a missing id property', async () => {
    const problems = await problemsOf(
      collection({ id: 'xpcc4-r99', ring: square }, { id: undefined, ring: square }),
    );
    expect(problems).toEqual([
      { feature: 0, unitId: null, problem: '"xpcc4-r99" (property "unitId") is not a known unit id or name' },
      {
        feature: 1,
        unitId: null,
        problem:
          'property "unitId" is missing (the feature\'s properties: none; name the one holding the unit with idProperty)',
      },
    ]);
  });

  it('a file naming its units under its own property says which properties it has', async () => {
    const problems = await problemsOf(collection({ id: '伊宁市', ring: square, key: '名称' }));
    expect(problems[0]!.problem).toBe(
      'property "unitId" is missing (the feature\'s properties: 名称; name the one holding the unit with idProperty)',
    );
  });

  it('a duplicate unit, even when the other features are good', async () => {
    const problems = await problemsOf(
      collection({ id: 'xpcc4-r69', ring: square }, { id: '69团', ring: square }),
    );
    expect(problems).toEqual([
      { feature: 1, unitId: 'xpcc4-r69', problem: 'unit xpcc4-r69 already has feature 0 in this file' },
    ]);
  });

  it('a file that is not a zipped shapefile', async () => {
    const problems = await problemsOf('not a zip', 'office.zip');
    expect(problems[0]).toMatchObject({
      feature: null,
      problem: expect.stringMatching(/not a readable zipped shapefile/),
    });
  });

  it('an import that would leave another unit no area', async () => {
    // A 66团 boundary drawn over the whole urban core would erase 可克达拉市区's approximate polygon.
    const core = unitBoundaries().features.find((feature) => feature.properties.unitId === 'xpcc4-kokdala')!;
    const [west, south, east, north] = bbox(core);
    const ring = [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ];
    const cover = {
      type: 'Feature',
      properties: { unitId: 'xpcc4-r66' },
      geometry: { type: 'Polygon', coordinates: [ring] },
    } as Feature;
    const problems = await problemsOf({ type: 'FeatureCollection', features: [cover] });
    expect(problems).toEqual([
      { feature: null, unitId: 'xpcc4-kokdala', problem: expect.stringMatching(/leaving it no area/) },
    ]);
  });
});
