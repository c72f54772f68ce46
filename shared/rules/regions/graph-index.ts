import type { AdjacencyGraph } from './schema';

/** The graph with nodes numbered 0..n−1 (in the order given) and neighbour lists as indices. */
export type IndexedGraph = {
  ids: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  neighbours: readonly Int32Array[];
};

/** Adjacency is made symmetric: a border shared by A with B is shared by B with A. */
export function indexGraph(graph: AdjacencyGraph): IndexedGraph {
  const indexOf = new Map(graph.nodes.map((id, index) => [id, index] as const));
  const sets = graph.nodes.map(() => new Set<number>());
  for (const [id, list] of graph.neighbours) {
    const from = indexOf.get(id);
    if (from === undefined) continue;
    for (const neighbour of list) {
      const to = indexOf.get(neighbour.id);
      if (to === undefined || to === from) continue;
      sets[from]!.add(to);
      sets[to]!.add(from);
    }
  }
  return {
    ids: graph.nodes,
    indexOf,
    neighbours: sets.map((set) => Int32Array.from([...set].sort((a, b) => a - b))),
  };
}
