import { type LocalSlacks, sumsMeet } from './local-slacks';

/** How far a set's sums are from meeting the condition: the worst sustained sum or group's best sum. */
function margin(local: LocalSlacks, sums: Float64Array): number {
  let worst = Number.POSITIVE_INFINITY;
  for (let k = 0; k < local.sustainedCount; k += 1) worst = Math.min(worst, sums[k]!);
  for (let group = 0; group + 1 < local.groupStarts.length; group += 1) {
    let best = Number.NEGATIVE_INFINITY;
    for (let k = local.groupStarts[group]!; k < local.groupStarts[group + 1]!; k += 1)
      if (sums[k]! > best) best = sums[k]!;
    worst = Math.min(worst, best);
  }
  return Number.isNaN(worst) ? Number.NEGATIVE_INFINITY : worst;
}

function plus(local: LocalSlacks, sums: Float64Array, node: number): Float64Array {
  return Float64Array.from(sums, (sum, k) => sum + local.slacks[k]![node]!);
}

const seedLimit = 20;

/**
 * Fallback for components too large for the exact search (result marked exact: false). From each of the
 * best-placed nodes not yet covered, grow by the neighbour that leaves the largest margin until the set
 * has minMembers and meets the condition, then keep adding the best neighbour whose addition still meets
 * it. The result is maximal in the "no neighbour can be added" sense but not proven to be every region.
 */
export function greedyQualifyingSets(local: LocalSlacks, minMembers: number): number[][] {
  const size = local.nodes.length;
  const seedMargin = local.nodes.map((_, node) =>
    margin(local, plus(local, new Float64Array(local.slacks.length), node)),
  );
  const seeds = [...seedMargin.keys()].sort((a, b) => seedMargin[b]! - seedMargin[a]!);
  const covered = new Uint8Array(size);
  const found: number[][] = [];
  for (const seed of seeds.slice(0, seedLimit)) {
    if (covered[seed]) continue;
    const inSet = new Uint8Array(size);
    const members: number[] = [];
    const frontier = new Set<number>();
    let sums: Float64Array = new Float64Array(local.slacks.length);
    const add = (node: number, nodeSums: Float64Array) => {
      inSet[node] = 1;
      members.push(node);
      frontier.delete(node);
      for (const next of local.neighbours[node]!) if (!inSet[next]) frontier.add(next);
      sums = nodeSums;
    };
    add(seed, plus(local, sums, seed));
    const met = () => members.length >= minMembers && sumsMeet(local, sums);
    for (;;) {
      const growing = !met();
      let best = -1;
      let bestSums = sums;
      let bestMargin = Number.NEGATIVE_INFINITY;
      for (const next of frontier) {
        const candidate = plus(local, sums, next);
        if (!growing && !sumsMeet(local, candidate)) continue;
        const candidateMargin = margin(local, candidate);
        if (candidateMargin > bestMargin) [best, bestSums, bestMargin] = [next, candidate, candidateMargin];
      }
      // Heuristic (the fallback is not exact): while not yet met, stop once the best addition lowers the margin.
      if (best < 0 || (growing && members.length >= minMembers && bestMargin < margin(local, sums))) break;
      add(best, bestSums);
    }
    if (!met()) continue;
    for (const member of members) covered[member] = 1;
    found.push(members);
  }
  return found;
}
