import { describe, expect, it } from 'vitest';
import { layerFeatureCollection } from './export';
import { planLayerImport } from './import/plan';
import { type LayerKind, layerKinds } from './kinds';
import { sampleLayer } from './sample';

const asFile = (json: unknown) => ({
  name: 'export.geojson',
  bytes: new TextEncoder().encode(JSON.stringify(json)),
});

describe('layer export as GeoJSON', () => {
  it('carries the synthetic label on the collection and on every feature', () => {
    const exported = layerFeatureCollection('dust-source', sampleLayer('kizilsu', 'dust-source').records);
    expect(exported.label).toBe('示例数据（合成）/ Synthetic sample data');
    expect(exported.features.every((feature) => feature.properties?.synthetic === true)).toBe(true);
  });

  it('has no label for an office’s own records', () => {
    const records = sampleLayer('kizilsu', 'dust-source').records.map((record) => ({
      ...record,
      synthetic: false,
    }));
    expect(layerFeatureCollection('dust-source', records).label).toBeNull();
  });

  it.each(layerKinds)('%s: an exported layer imports again unchanged', async (kind: LayerKind) => {
    const records = sampleLayer('kizilsu', kind).records;
    const plan = await planLayerImport(kind, [], asFile(layerFeatureCollection(kind, records)));
    expect(plan.report).toEqual([]);
    expect(plan.next).toEqual(records);
  });
});
