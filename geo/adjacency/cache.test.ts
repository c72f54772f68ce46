import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { UnitBoundary } from '../boundaries/default';
import { adjacencyCache } from './index';

function square(unitId: string, west: number): UnitBoundary {
  const ring: Position[] = [
    [west, 0],
    [west + 0.01, 0],
    [west + 0.01, 0.01],
    [west, 0.01],
    [west, 0],
  ];
  return { type: 'Feature', properties: { unitId }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

describe('the adjacency cache', () => {
  it('reuses the graph while the boundaries are unchanged and recomputes when one moves', () => {
    const graphOf = adjacencyCache();
    const apart = [square('A', 0), square('B', 0.02)];
    const first = graphOf(apart);
    expect(graphOf([square('A', 0), square('B', 0.02)])).toBe(first);
    expect(first.neighbours.get('A')).toEqual([]);
    const touching = graphOf([square('A', 0), square('B', 0.01)]);
    expect(touching).not.toBe(first);
    expect(touching.neighbours.get('A')!.map((neighbour) => neighbour.id)).toEqual(['B']);
  });
});
