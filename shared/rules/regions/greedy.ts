import { conditionMargin, conditionMet, type Problem } from './problem';

const seedLimit = 20;

/**
 * Fallback for components too large for the exact search (result marked exact: false). From each of the
 * best-placed nodes not yet covered, grow by the neighbour that leaves the largest margin (over the
 * conditions, the best of each one's worst window) until the set has minMembers and meets a condition,
 * then keep adding the best neighbour whose addition still meets one. The result cannot take any single
 * neighbour more ("maximal" in that sense) but is not proven to be every region.
 */
export function greedyQualifyingSets(problem: Problem, minMembers: number): number[][] {
  const size = problem.nodes.length;
  const windowCount = problem.slacks.length;
  const margin = (sums: Float64Array) =>
    problem.conditions.reduce(
      (best, condition) => Math.max(best, conditionMargin(condition, sums)),
      Number.NEGATIVE_INFINITY,
    );
  const meets = (sums: Float64Array) => problem.conditions.some((condition) => conditionMet(condition, sums));
  const plus = (sums: Float64Array, node: number) =>
    Float64Array.from(sums, (sum, window) => sum + problem.slacks[window]![node]!);
  const seedMargin = problem.nodes.map((_, node) => margin(plus(new Float64Array(windowCount), node)));
  const seeds = [...seedMargin.keys()].sort((a, b) => seedMargin[b]! - seedMargin[a]!);
  const covered = new Uint8Array(size);
  const found: number[][] = [];
  for (const seed of seeds.slice(0, seedLimit)) {
    if (covered[seed]) continue;
    const inSet = new Uint8Array(size);
    const members: number[] = [];
    const frontier = new Set<number>();
    let sums: Float64Array = new Float64Array(windowCount);
    const add = (node: number, nodeSums: Float64Array) => {
      inSet[node] = 1;
      members.push(node);
      frontier.delete(node);
      for (const next of problem.neighbours[node]!) if (!inSet[next]) frontier.add(next);
      sums = nodeSums;
    };
    add(seed, plus(sums, seed));
    const met = () => members.length >= minMembers && meets(sums);
    for (;;) {
      const growing = !met();
      let best = -1;
      let bestSums = sums;
      let bestMargin = Number.NEGATIVE_INFINITY;
      for (const next of frontier) {
        const candidate = plus(sums, next);
        if (!growing && !meets(candidate)) continue;
        const candidateMargin = margin(candidate);
        if (candidateMargin > bestMargin) [best, bestSums, bestMargin] = [next, candidate, candidateMargin];
      }
      // Heuristic (the fallback is not exact): while not yet met, stop once the best addition lowers the margin.
      if (best < 0 || (growing && members.length >= minMembers && bestMargin < margin(sums))) break;
      add(best, bestSums);
    }
    if (!met()) continue;
    for (const member of members) covered[member] = 1;
    found.push(members);
  }
  return found;
}
