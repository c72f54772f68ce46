import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { describe, expect, it } from 'vitest';
import { units } from '../units';
import { defaultBoundaries } from './default';
import { gcj02ToWgs84 } from './gcj02';

const features = defaultBoundaries().features;
const byId = new Map(features.map((feature) => [feature.properties.unitId, feature]));

// GEO.md's probe points (GCJ-02) for the parts of the Kokdala MultiPolygon.
const probes: [string, number, number][] = [
  ['xpcc4-kokdala', 81.0445, 43.9448],
  ['xpcc4-r68', 80.9903, 43.8897],
  ['xpcc4-r67', 80.6068, 43.7652],
  ['xpcc4-r66', 81.086, 43.9599],
  ['xpcc4-r63-64', 80.4844, 43.931],
  ['xpcc4-r63-64', 80.6749, 44.0986],
];

describe('bundled boundaries', () => {
  it('give every approximate unit exactly one polygon and pending regiments none', () => {
    for (const unit of units) {
      const count = features.filter((feature) => feature.properties.unitId === unit.id).length;
      expect([unit.id, count]).toEqual([unit.id, unit.defaultBoundary === 'approximate' ? 1 : 0]);
    }
    expect(features).toHaveLength(units.filter((unit) => unit.defaultBoundary === 'approximate').length);
  });

  it('put each GEO.md probe in (or within 0.5 km of) its own Kokdala part and nearer to no other', () => {
    const parts = features.filter((feature) => feature.properties.unitId.startsWith('xpcc4-'));
    for (const [unitId, longitude, latitude] of probes) {
      const point = gcj02ToWgs84(longitude, latitude);
      const distances = parts.map((part) => ({
        id: part.properties.unitId,
        km: pointToPolygonDistance(point, part, { units: 'kilometers' }),
      }));
      const nearest = distances.reduce((best, next) => (next.km < best.km ? next : best));
      expect([unitId, nearest.id]).toEqual([unitId, unitId]);
      expect(nearest.km).toBeLessThan(0.5);
    }
  });

  it('place each pending regiment’s seat marker inside its host county', () => {
    for (const unit of units.filter((entry) => entry.defaultBoundary === 'pending')) {
      const host = byId.get(unit.hostCounty!)!;
      expect([unit.id, booleanPointInPolygon([unit.seat!.longitude, unit.seat!.latitude], host)]).toEqual([
        unit.id,
        true,
      ]);
    }
  });

  it('leave 65团 out (GEO.md: its present status is unclear)', () => {
    expect(units.map((unit) => unit.id)).not.toContain('xpcc4-r65');
  });
});
