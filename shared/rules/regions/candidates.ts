import type { Condition, Window } from './conditions';
import type { IndexedGraph } from './graph-index';
import type { Grid } from './grid';
import { MinHeap } from './min-heap';

/**
 * Which units could be in a qualifying set. A node v can be in a set S meeting "Σ_S (D − X) > 0" only if
 * the cheapest path from v to a node with positive slack (cost = the deficits of the nodes on it) is
 * below the positive slack available in v's component: the path lies in S, so its deficit ≤ deficit(S)
 * < surplus(S) ≤ surplus(component). For a condition this must hold for every sustained window and, per
 * someWithin group, for its best window; dropping nodes splits components and lowers their surplus, so
 * the test repeats until nothing changes. The single-window test over the whole graph is cached.
 */
export class CandidateFinder {
  /** By the window object: there is one per grid hour and threshold (conditions.ts). */
  private readonly byWindow = new Map<Window, Uint8Array>();
  private readonly alive: Uint8Array;
  private readonly member: Int32Array;
  private readonly seen: Int32Array;
  private readonly distance: Float64Array;
  private readonly surplus: Float64Array;
  private readonly slack: Float64Array;
  private seenStamp = 0;
  private readonly heap = new MinHeap();

  constructor(
    private readonly grid: Grid,
    private readonly graph: IndexedGraph,
    private readonly minMembers: number,
  ) {
    const nodeCount = graph.ids.length;
    this.alive = new Uint8Array(nodeCount);
    this.member = new Int32Array(nodeCount);
    this.seen = new Int32Array(nodeCount);
    this.distance = new Float64Array(nodeCount);
    this.surplus = new Float64Array(nodeCount);
    this.slack = new Float64Array(nodeCount);
  }

  /** Connected components (≥ minMembers, sorted) of the units that could meet the condition. */
  componentsFor(condition: Condition): number[][] {
    const nodeCount = this.graph.ids.length;
    const windowSets = condition.sustained.map((window) => this.windowCandidates(window));
    const groupSets = condition.groups.map((group) => group.map((window) => this.windowCandidates(window)));
    let nodes: number[] = [];
    for (let node = 0; node < nodeCount; node += 1) {
      if (
        windowSets.every((set) => set[node] === 1) &&
        groupSets.every((sets) => sets.some((set) => set[node] === 1))
      )
        nodes.push(node);
    }
    // Each test's slack, computed once for the nodes that entered (the loop only removes nodes).
    const slacks = [
      ...condition.sustained.map((window) => nodes.map((node) => this.value(node, window))),
      ...condition.groups.map((group) =>
        nodes.map((node) => {
          let best = Number.NaN;
          for (const window of group) {
            const value = this.value(node, window);
            if (!Number.isNaN(value) && !(value <= best)) best = value;
          }
          return best;
        }),
      ),
    ];
    const position = new Map(nodes.map((node, index) => [node, index] as const));
    for (;;) {
      const before = nodes.length;
      for (const values of slacks) {
        for (const node of nodes) this.slack[node] = values[position.get(node)!]!;
        nodes = this.prune(nodes);
      }
      if (nodes.length === before)
        return this.components(nodes).filter((part) => part.length >= this.minMembers);
    }
  }

  private value(node: number, window: Window): number {
    return this.grid.values[node * this.grid.hours + window.hour]! - window.threshold;
  }

  private windowCandidates(window: Window): Uint8Array {
    let set = this.byWindow.get(window);
    if (!set) {
      const all: number[] = [];
      for (let node = 0; node < this.graph.ids.length; node += 1) {
        this.slack[node] = this.value(node, window);
        if (!Number.isNaN(this.slack[node]!)) all.push(node);
      }
      let kept = this.prune(all, false);
      for (let before = -1; kept.length !== before; ) {
        before = kept.length;
        kept = this.prune(kept);
      }
      set = new Uint8Array(this.graph.ids.length);
      for (const node of kept) set[node] = 1;
      this.byWindow.set(window, set);
    }
    return set;
  }

  /** One round of the path-cost test for the slack in this.slack, over `candidates` only. */
  private prune(candidates: readonly number[], byComponent = true): number[] {
    const { alive, distance, surplus, slack } = this;
    const nodes = candidates.filter((node) => !Number.isNaN(slack[node]!));
    for (const node of nodes) alive[node] = 1;
    // Without components, the surplus of all nodes bounds every component's (a cheaper first pass).
    for (const part of byComponent ? this.components(nodes, false) : [nodes]) {
      let total = 0;
      for (const node of part) total += Math.max(slack[node]!, 0);
      for (const node of part) surplus[node] = total;
    }
    const heap = this.heap;
    heap.clear();
    for (const node of nodes) {
      distance[node] = Number.POSITIVE_INFINITY;
      if (slack[node]! > 0) {
        distance[node] = 0;
        heap.push(0, node);
      }
    }
    while (heap.size > 0) {
      const key = heap.peekKey();
      const node = heap.pop();
      if (key > distance[node]!) continue;
      for (const next of this.graph.neighbours[node]!) {
        if (!alive[next]) continue;
        const cost = key + (slack[next]! < 0 ? -slack[next]! : 0);
        if (cost < distance[next]! && cost < surplus[next]!) {
          distance[next] = cost;
          heap.push(cost, next);
        }
      }
    }
    const kept = nodes.filter((node) => distance[node]! < surplus[node]!);
    for (const node of nodes) alive[node] = 0;
    return kept;
  }

  /** Connected components of `nodes` in the graph, each sorted unless asked not to. */
  components(nodes: readonly number[], sorted = true): number[][] {
    const { member, seen } = this;
    this.seenStamp += 1;
    const stamp = this.seenStamp;
    for (const node of nodes) member[node] = stamp;
    const result: number[][] = [];
    for (const root of nodes) {
      if (seen[root] === stamp) continue;
      const members = [root];
      seen[root] = stamp;
      for (let head = 0; head < members.length; head += 1) {
        for (const next of this.graph.neighbours[members[head]!]!) {
          if (member[next] === stamp && seen[next] !== stamp) {
            seen[next] = stamp;
            members.push(next);
          }
        }
      }
      result.push(sorted ? members.sort((a, b) => a - b) : members);
    }
    return result;
  }
}
