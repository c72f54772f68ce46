import { describe, expect, it } from 'vitest';
import type { DieselZone } from '../diesel-zone';
import { planLayerImport } from './plan';

const file = (json: unknown, name = 'layer.geojson') => ({
  name,
  bytes: new TextEncoder().encode(JSON.stringify(json)),
});
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const dust = (id: string, geometry: unknown) => ({
  type: 'Feature',
  geometry,
  properties: { 编号: id, 名称: `工地 ${id}`, 县市: '阿图什市', 类型: '建筑工地', 状态: '在建' },
});
// A square around Artux centre, about 2 km a side.
const square = [
  [76.15, 39.7],
  [76.18, 39.7],
  [76.18, 39.72],
  [76.15, 39.72],
  [76.15, 39.7],
];
const zone = (ring: number[][]) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: {
    id: 'ATS-Z1',
    name: '阿图什市城区柴油车禁行区',
    unit: '653001',
    fromLevel: 'red',
    timeWindows: '7:00-22:00',
  },
});

describe('GeoJSON import', () => {
  it('reads dust-source points with Chinese property names', async () => {
    const plan = await planLayerImport(
      'dust-source',
      [],
      file({ type: 'FeatureCollection', features: [dust('A-1', point(76.17, 39.71))] }),
    );
    expect(plan.report).toEqual([]);
    expect(plan.next[0]).toMatchObject({
      id: 'A-1',
      unitId: '653001',
      lon: 76.17,
      lat: 39.71,
      type: 'construction',
    });
  });

  it('rejects Web Mercator metres given without a crs member: the point is outside Xinjiang', async () => {
    const features = [dust('A-1', point(76.17, 39.71)), dust('A-2', point(8_478_000, 4_820_000))];
    const plan = await planLayerImport('dust-source', [], file({ type: 'FeatureCollection', features }));
    expect(plan).toMatchObject({ ok: false, imported: 0, rejected: 1 });
    expect(plan.report).toHaveLength(1);
    expect(plan.report[0]).toMatchObject({ row: 2, column: 'geometry', value: '8478000' });
    expect(plan.report[0]!.message).toContain('outside Xinjiang');
  });

  it('rejects a file that declares a projected CRS', async () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } };
    const plan = await planLayerImport(
      'dust-source',
      [],
      file({ type: 'FeatureCollection', crs, features: [dust('A-1', point(76.17, 39.71))] }),
    );
    expect(plan.ok).toBe(false);
    expect(plan.report).toMatchObject([{ row: 0, column: 'crs' }]);
  });

  it('reads a diesel restriction zone and pads its time window', async () => {
    const plan = await planLayerImport(
      'diesel-zone',
      [],
      file({ type: 'FeatureCollection', features: [zone(square)] }),
    );
    expect(plan.report).toEqual([]);
    const [imported] = plan.next as [DieselZone];
    expect(imported).toMatchObject({ unitId: '653001', fromLevel: 'red', timeWindows: ['07:00-22:00'] });
    expect(imported.geometry.coordinates).toEqual([square]);
  });

  it('rejects a zone whose ring is not closed', async () => {
    const plan = await planLayerImport(
      'diesel-zone',
      [],
      file({ type: 'FeatureCollection', features: [zone(square.slice(0, 4))] }),
    );
    expect(plan.ok).toBe(false);
    expect(plan.report).toHaveLength(1);
    expect(plan.report[0]).toMatchObject({ row: 1, column: 'geometry' });
    expect(plan.report[0]!.message).toContain('ring is not closed');
  });
});

describe('diesel zones from CSV', () => {
  it('reads WKT polygons and several time windows in one cell', async () => {
    const text = [
      '编号,名称,县市,范围,启动级别,禁行时段',
      '"YN-Z1",伊宁市中心城区,伊宁市,"POLYGON ((81.30 43.90, 81.35 43.90, 81.35 43.94, 81.30 43.94, 81.30 43.90))",橙色,7:00-9:30；17:00~20:00',
    ].join('\n');
    const plan = await planLayerImport('diesel-zone', [], {
      name: 'zones.csv',
      bytes: new TextEncoder().encode(text),
    });
    expect(plan.report).toEqual([]);
    expect(plan.next[0]).toMatchObject({
      fromLevel: 'orange',
      timeWindows: ['07:00-09:30', '17:00-20:00'],
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [81.3, 43.9],
            [81.35, 43.9],
            [81.35, 43.94],
            [81.3, 43.94],
            [81.3, 43.9],
          ],
        ],
      },
    });
  });
});
