import { HOUR } from '../../time';
import type { DailySeries } from '../daily-series';
import type { AdjacencyGraph } from './schema';

/** mulberry32: a small seeded generator so that a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function graphFromEdges(nodes: readonly string[], edges: readonly [string, string][]): AdjacencyGraph {
  const neighbours = new Map(nodes.map((id) => [id, [] as { id: string; sharedKm: number }[]] as const));
  for (const [a, b] of edges) {
    neighbours.get(a)!.push({ id: b, sharedKm: 10 });
    neighbours.get(b)!.push({ id: a, sharedKm: 10 });
  }
  return { nodes: [...nodes], neighbours };
}

/** Each pair of nodes is adjacent with probability `density`. */
export function randomGraph(random: () => number, size: number, density: number): AdjacencyGraph {
  const nodes = Array.from({ length: size }, (_, index) => `u${String(index).padStart(2, '0')}`);
  const edges: [string, string][] = [];
  for (let a = 0; a < size; a += 1)
    for (let b = a + 1; b < size; b += 1) if (random() < density) edges.push([nodes[a]!, nodes[b]!]);
  return graphFromEdges(nodes, edges);
}

/** A w × h grid graph (4-neighbour), ids g<row>-<column>. */
export function gridGraph(width: number, height: number): AdjacencyGraph {
  const id = (row: number, column: number) => `g${row}-${column}`;
  const nodes: string[] = [];
  const edges: [string, string][] = [];
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      nodes.push(id(row, column));
      if (column > 0) edges.push([id(row, column - 1), id(row, column)]);
      if (row > 0) edges.push([id(row - 1, column), id(row, column)]);
    }
  }
  return graphFromEdges(nodes, edges);
}

/**
 * Integer daily AQI per hour: a per-unit level around `around` (mostly a little below it, some above)
 * rising over time, plus noise, a share of windows missing.
 */
export function randomSeries(
  random: () => number,
  start: number,
  hours: number,
  missingShare: number,
  around: number,
): DailySeries {
  const level = around + Math.round((random() - 0.65) * 120);
  const spread = 10 + random() * 60;
  // An episode building up: the unit rises by up to 60 per day towards the last hour.
  const risePerDay = random() * 60;
  const values = Float64Array.from({ length: hours }, (_, hour) =>
    random() < missingShare
      ? Number.NaN
      : Math.round(level - (risePerDay * (hours - 1 - hour)) / 24 + (random() - 0.5) * spread),
  );
  return { start, values, lastObservedIndex: hours - 1 };
}

export const randomStart = Date.parse('2019-12-01T01:00:00+08:00');
export const hourAt = (index: number) => randomStart + index * HOUR;
