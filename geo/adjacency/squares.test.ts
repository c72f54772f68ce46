import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { UnitBoundary } from '../boundaries/default';
import { adjacencyGraph } from './index';

// Near the equator a meridian arc of 0.01° is π/180 × 0.01 × 6371.0088 km = 1.111951 km.
const kmPerHundredthDegree = 1.111951;

function unit(unitId: string, ...rings: Position[][]): UnitBoundary {
  return { type: 'Feature', properties: { unitId }, geometry: { type: 'Polygon', coordinates: rings } };
}

function square(unitId: string, west: number, south: number, east: number, north: number): UnitBoundary {
  return unit(unitId, [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ]);
}

const shared = (graph: ReturnType<typeof adjacencyGraph>, from: string) =>
  Object.fromEntries(graph.neighbours.get(from)!.map((n) => [n.id, n.sharedKm]));

describe('adjacency of hand-made squares', () => {
  it('a shared edge makes neighbours, with its length', () => {
    const graph = adjacencyGraph([square('A', 0, 0, 0.01, 0.01), square('B', 0.01, 0, 0.02, 0.01)]);
    expect(shared(graph, 'A').B).toBeCloseTo(kmPerHundredthDegree, 4);
    expect(shared(graph, 'B').A).toBeCloseTo(kmPerHundredthDegree, 4);
  });

  it('a corner touch does not', () => {
    const graph = adjacencyGraph([square('A', 0, 0, 0.01, 0.01), square('C', 0.01, 0.01, 0.02, 0.02)]);
    expect(graph.neighbours.get('A')).toEqual([]);
    expect(graph.neighbours.get('C')).toEqual([]);
  });

  it('finds a border whose vertices do not line up and sits a few metres apart', () => {
    // D's west edge is 0.00003° (3.3 m) east of B's east edge and has an extra vertex at 0.004°.
    const d = unit('D', [
      [0.02003, 0],
      [0.03, 0],
      [0.03, 0.01],
      [0.02003, 0.01],
      [0.02003, 0.004],
      [0.02003, 0],
    ]);
    const graph = adjacencyGraph([square('B', 0.01, 0, 0.02, 0.01), d]);
    expect(shared(graph, 'B').D).toBeCloseTo(kmPerHundredthDegree, 2);
  });

  it('ignores borders farther apart than the tolerance', () => {
    // 0.001° is 111 m, beyond the default 50 m.
    const graph = adjacencyGraph([square('B', 0.01, 0, 0.02, 0.01), square('F', 0.021, 0, 0.03, 0.01)]);
    expect(graph.neighbours.get('B')).toEqual([]);
  });

  it('a border shorter than 0.5 km is not enough, unless the caller lowers the threshold', () => {
    // E shares 0.003° of A's west edge: 0.3336 km.
    const boundaries = [square('A', 0, 0, 0.01, 0.01), square('E', -0.01, 0, 0, 0.003)];
    expect(adjacencyGraph(boundaries).neighbours.get('E')).toEqual([]);
    const lowered = adjacencyGraph(boundaries, { minSharedKm: 0.3 });
    expect(shared(lowered, 'E').A).toBeCloseTo(0.3336, 3);
  });

  it('counts inner rings: a unit filling another one’s hole is its neighbour along the whole ring', () => {
    const hole = [
      [0.01, 0.01],
      [0.01, 0.02],
      [0.02, 0.02],
      [0.02, 0.01],
      [0.01, 0.01],
    ];
    const outer = unit(
      'Outer',
      [
        [0, 0],
        [0.03, 0],
        [0.03, 0.03],
        [0, 0.03],
        [0, 0],
      ],
      hole,
    );
    const inner = square('Inner', 0.01, 0.01, 0.02, 0.02);
    // Two meridian edges of 1.111951 km and two parallels at ~0.01–0.02° (cos ≈ 1): 4.4478 km.
    expect(shared(adjacencyGraph([outer, inner]), 'Inner').Outer).toBeCloseTo(4 * kmPerHundredthDegree, 3);
  });

  it('lists every unit as a node, neighbours or not', () => {
    const graph = adjacencyGraph([square('A', 0, 0, 0.01, 0.01), square('Z', 1, 1, 1.01, 1.01)]);
    expect(graph.nodes).toEqual(['A', 'Z']);
  });
});
