import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../shared/units/schema';
import { units } from '../units';
import { layerKinds } from './kinds';
import { sampleLayer } from './sample';
import { syntheticLabel } from './sample-file';
import { anchors } from './samples/anchors';
import { generateSampleLayers } from './samples/generate';

const jurisdictions: Jurisdiction[] = ['ili', 'kizilsu'];
const unitsOf = (jurisdiction: Jurisdiction) =>
  new Set(units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => unit.id));

describe('bundled synthetic sample layers', () => {
  it.each(jurisdictions)(
    '%s: every layer is labelled synthetic, as a file and per record, and in its own units',
    (jurisdiction) => {
      for (const kind of layerKinds) {
        const layer = sampleLayer(jurisdiction, kind);
        expect(layer.label).toBe('示例数据（合成）/ Synthetic sample data');
        expect(layer.label).toBe(syntheticLabel);
        expect(layer.records.length).toBeGreaterThan(0);
        for (const record of layer.records) {
          expect(record.synthetic).toBe(true);
          expect(unitsOf(jurisdiction).has(record.unitId)).toBe(true);
        }
      }
    },
  );

  it('holds about 150 Ili and 40 Kizilsu enterprises, 60 dust sources and a few diesel zones', () => {
    expect(sampleLayer('ili', 'enterprise').records).toHaveLength(150);
    expect(sampleLayer('kizilsu', 'enterprise').records).toHaveLength(40);
    expect(
      sampleLayer('ili', 'dust-source').records.length + sampleLayer('kizilsu', 'dust-source').records.length,
    ).toBe(60);
    expect(sampleLayer('ili', 'diesel-zone').records).toHaveLength(4);
    expect(sampleLayer('kizilsu', 'diesel-zone').records).toHaveLength(2);
  });

  it.each(jurisdictions)(
    '%s: enterprises sit within a few km of a town or industrial park',
    (jurisdiction) => {
      for (const enterprise of sampleLayer(jurisdiction, 'enterprise').records) {
        const nearest = Math.min(
          ...anchors[jurisdiction].map(
            (anchor) =>
              distance([enterprise.lon, enterprise.lat], [anchor.lon, anchor.lat], { units: 'kilometers' }) -
              anchor.radiusKm,
          ),
        );
        expect(nearest).toBeLessThan(0.05);
      }
    },
  );

  it('follows the plan rules: Ili D-grade plants stop, small-micro ones emit under 100 kg a year', () => {
    const ili = sampleLayer('ili', 'enterprise').records;
    for (const plant of ili.filter((record) => record.class === 'D'))
      expect(plant.measures.yellow).toEqual({ kind: 'stop' });
    for (const plant of ili.filter((record) => record.class === 'small-micro')) {
      const { so2, nox, pm, vocs } = plant.emissions;
      expect(so2 + nox + pm + vocs).toBeLessThan(0.1);
    }
  });
});

describe('the sample generator', () => {
  it('gives the same layers for the same seed and different ones for another', () => {
    const first = generateSampleLayers('kizilsu', 7);
    expect(generateSampleLayers('kizilsu', 7)).toEqual(first);
    expect(generateSampleLayers('kizilsu', 8).enterprise).not.toEqual(first.enterprise);
  });
});
