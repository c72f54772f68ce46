import type { Problem, ProblemCondition } from './problem';

const seedLimit = 20;

/** The condition's margin for sums plus one node's slacks (−∞ when a needed value is missing). */
function marginWith(problem: Problem, condition: ProblemCondition, sums: Float64Array, node: number): number {
  const row = node * problem.windowCount;
  let worst = Number.POSITIVE_INFINITY;
  for (const window of condition.sustained)
    worst = Math.min(worst, sums[window]! + problem.slacks[row + window]!);
  for (const group of condition.groups) {
    let best = Number.NEGATIVE_INFINITY;
    // A missing window cannot be the group's hit; NaN > best is false, so it is skipped.
    for (let window = group.first; window <= group.last; window += 1) {
      const value = sums[window]! + problem.slacks[row + window]!;
      if (value > best) best = value;
    }
    worst = Math.min(worst, best);
  }
  return Number.isNaN(worst) ? Number.NEGATIVE_INFINITY : worst;
}

/**
 * Fallback for components too large for the exact search (result marked exact: false). From each of the
 * best-placed nodes not yet covered, take the condition the node itself comes closest to meeting; grow by
 * the neighbour that leaves the largest margin for it until the set has minMembers and meets it, then
 * keep adding the best neighbour whose addition still meets it. The result cannot take any single
 * neighbour more under that condition, but it is not proven to be every region.
 */
export function greedyQualifyingSets(problem: Problem, minMembers: number): number[][] {
  const size = problem.nodes.length;
  const { windowCount } = problem;
  const empty = new Float64Array(windowCount);
  const bestFor = problem.nodes.map((_, node) => {
    let best = { condition: problem.conditions[0]!, margin: Number.NEGATIVE_INFINITY };
    for (const condition of problem.conditions) {
      const margin = marginWith(problem, condition, empty, node);
      if (margin > best.margin) best = { condition, margin };
    }
    return best;
  });
  const seeds = [...bestFor.keys()].sort((a, b) => bestFor[b]!.margin - bestFor[a]!.margin);
  const covered = new Uint8Array(size);
  const found: number[][] = [];
  for (const seed of seeds.slice(0, seedLimit)) {
    if (covered[seed]) continue;
    const { condition } = bestFor[seed]!;
    const inSet = new Uint8Array(size);
    const members: number[] = [];
    const frontier = new Set<number>();
    const sums = new Float64Array(windowCount);
    let margin = Number.NEGATIVE_INFINITY;
    const add = (node: number) => {
      margin = marginWith(problem, condition, sums, node);
      const row = node * windowCount;
      for (let window = 0; window < windowCount; window += 1)
        sums[window] = sums[window]! + problem.slacks[row + window]!;
      inSet[node] = 1;
      members.push(node);
      frontier.delete(node);
      for (const next of problem.neighbours[node]!) if (!inSet[next]) frontier.add(next);
    };
    add(seed);
    const met = () => members.length >= minMembers && margin > 0;
    for (;;) {
      const growing = !met();
      let best = -1;
      let bestMargin = Number.NEGATIVE_INFINITY;
      for (const next of frontier) {
        const candidate = marginWith(problem, condition, sums, next);
        if (!growing && !(candidate > 0)) continue;
        if (candidate > bestMargin) [best, bestMargin] = [next, candidate];
      }
      // Heuristic (the fallback is not exact): while not yet met, stop once the best addition lowers the margin.
      if (best < 0 || (growing && members.length >= minMembers && bestMargin < margin)) break;
      add(best);
    }
    if (!met()) continue;
    for (const member of members) covered[member] = 1;
    found.push(members);
  }
  return found;
}
