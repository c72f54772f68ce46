import type { Condition } from './conditions';
import type { IndexedGraph } from './graph-index';
import type { Grid } from './grid';
import { MinHeap } from './min-heap';

/**
 * Per node, one slack per sustained window (D − X) and, per someWithin group, the best slack over its
 * windows; NaN where a sustained window is missing (the node then cannot be a member, see index.ts).
 */
function pruningSlacks(condition: Condition, grid: Grid, nodeCount: number): Float64Array[] {
  const slacks: Float64Array[] = [];
  for (const window of condition.sustained) {
    const slack = new Float64Array(nodeCount);
    for (let node = 0; node < nodeCount; node += 1)
      slack[node] = grid.values[node * grid.hours + window.hour]! - window.threshold;
    slacks.push(slack);
  }
  for (const group of condition.groups) {
    const slack = new Float64Array(nodeCount).fill(Number.NaN);
    for (let node = 0; node < nodeCount; node += 1) {
      for (const window of group) {
        const value = grid.values[node * grid.hours + window.hour]! - window.threshold;
        if (!Number.isNaN(value) && !(value <= slack[node]!)) slack[node] = value;
      }
    }
    slacks.push(slack);
  }
  return slacks;
}

/** Connected components of the alive nodes, each sorted. */
export function components(graph: IndexedGraph, alive: Uint8Array): number[][] {
  const seen = new Uint8Array(alive.length);
  const result: number[][] = [];
  for (let root = 0; root < alive.length; root += 1) {
    if (!alive[root] || seen[root]) continue;
    const members = [root];
    seen[root] = 1;
    for (let head = 0; head < members.length; head += 1) {
      for (const next of graph.neighbours[members[head]!]!) {
        if (alive[next] && !seen[next]) {
          seen[next] = 1;
          members.push(next);
        }
      }
    }
    result.push(members.sort((a, b) => a - b));
  }
  return result;
}

/**
 * A node v can be in a qualifying set S only if, for every slack, the cheapest path from v to a node
 * with positive slack (cost = the deficits of the nodes on it) is below the positive slack available in
 * v's component: the path lies in S, so its deficit ≤ deficit(S) < surplus(S) ≤ surplus(component).
 * Dropping nodes splits components and lowers their surplus, so the test repeats until nothing changes.
 */
export function candidateComponents(
  condition: Condition,
  grid: Grid,
  graph: IndexedGraph,
  minMembers: number,
): number[][] {
  const nodeCount = graph.ids.length;
  const slacks = pruningSlacks(condition, grid, nodeCount);
  const alive = new Uint8Array(nodeCount);
  for (let node = 0; node < nodeCount; node += 1)
    alive[node] = slacks.every((slack) => !Number.isNaN(slack[node]!)) ? 1 : 0;
  const surplus = new Float64Array(nodeCount);
  const distance = new Float64Array(nodeCount);
  for (;;) {
    const parts = components(graph, alive);
    let removed = false;
    for (const slack of slacks) {
      for (const part of parts) {
        let total = 0;
        for (const node of part) total += Math.max(slack[node]!, 0);
        for (const node of part) surplus[node] = total;
      }
      distance.fill(Number.POSITIVE_INFINITY);
      const heap = new MinHeap();
      for (let node = 0; node < nodeCount; node += 1) {
        if (alive[node] && slack[node]! > 0) {
          distance[node] = 0;
          heap.push(0, node);
        }
      }
      while (heap.size > 0) {
        const key = heap.peekKey();
        const node = heap.pop();
        if (key > distance[node]!) continue;
        for (const next of graph.neighbours[node]!) {
          if (!alive[next]) continue;
          const cost = key + (slack[next]! < 0 ? -slack[next]! : 0);
          if (cost < distance[next]! && cost < surplus[next]!) {
            distance[next] = cost;
            heap.push(cost, next);
          }
        }
      }
      for (let node = 0; node < nodeCount; node += 1) {
        if (alive[node] && !(distance[node]! < surplus[node]!)) {
          alive[node] = 0;
          removed = true;
        }
      }
    }
    if (!removed) return parts.filter((part) => part.length >= minMembers);
  }
}
