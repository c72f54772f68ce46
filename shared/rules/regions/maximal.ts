/** Keeps the sets (of sorted node indices) that are not a subset of another; duplicates collapse. */
export function keepMaximal(sets: readonly number[][]): number[][] {
  const unique = new Map<string, number[]>();
  for (const set of sets) {
    const sorted = [...set].sort((a, b) => a - b);
    unique.set(sorted.join(','), sorted);
  }
  const bySize = [...unique.values()].sort((a, b) => b.length - a.length);
  const kept: { members: number[]; lookup: Set<number> }[] = [];
  for (const members of bySize) {
    const isSubset = kept.some(
      (larger) => larger.members.length > members.length && members.every((node) => larger.lookup.has(node)),
    );
    if (!isSubset) kept.push({ members, lookup: new Set(members) });
  }
  return kept.map((entry) => entry.members);
}
