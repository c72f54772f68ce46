/** Keeps the sets (of node indices) that are not a subset of another; duplicates collapse. */
export function keepMaximal(sets: readonly number[][]): number[][] {
  const unique = new Map<string, number[]>();
  for (const set of sets) {
    const sorted = [...set].sort((a, b) => a - b);
    unique.set(sorted.join(','), sorted);
  }
  const bySize = [...unique.values()].sort((a, b) => b.length - a.length);
  const kept: Set<number>[] = [];
  // For each node, the kept sets containing it: a superset must contain the candidate's rarest node.
  const keptWith = new Map<number, number[]>();
  const result: number[][] = [];
  for (const members of bySize) {
    let rarest: number[] = [];
    let rarestCount = Number.POSITIVE_INFINITY;
    for (const node of members) {
      const list = keptWith.get(node) ?? [];
      if (list.length < rarestCount) [rarest, rarestCount] = [list, list.length];
    }
    if (rarest.some((index) => members.every((node) => kept[index]!.has(node)))) continue;
    for (const node of members) {
      const list = keptWith.get(node);
      if (list) list.push(kept.length);
      else keptWith.set(node, [kept.length]);
    }
    kept.push(new Set(members));
    result.push(members);
  }
  return result;
}
