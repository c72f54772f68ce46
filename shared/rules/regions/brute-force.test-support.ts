import { levelRank, type WarningLevel } from '../../levels';
import type { GradingRule } from '../../plans/grading-schema';
import { HOUR } from '../../time';
import type { DailySeries } from '../daily-series';
import { ruleHolds } from '../grading';
import type { AdjacencyGraph } from './schema';

/**
 * The definition, executed literally, for tests: every subset of `universe` that is connected, has
 * ≥ minMembers units and whose mean series meets a rule at some window end in [from, to]; the highest
 * such level and its inclusion-maximal sets. All series must share start and length.
 */
export function bruteForceRegions(input: {
  graph: AdjacencyGraph;
  universe: readonly string[];
  seriesByUnit: ReadonlyMap<string, DailySeries>;
  rules: readonly GradingRule[];
  from: number;
  to: number;
  minMembers?: number;
}): { level: WarningLevel; sets: string[][] } {
  const { universe, seriesByUnit } = input;
  const minMembers = input.minMembers ?? 3;
  const size = universe.length;
  const position = new Map(universe.map((id, index) => [id, index] as const));
  const adjacency = universe.map((id) => {
    let mask = 0;
    for (const neighbour of input.graph.neighbours.get(id) ?? []) {
      const index = position.get(neighbour.id);
      if (index !== undefined) mask |= 1 << index;
    }
    return mask;
  });
  for (let a = 0; a < size; a += 1)
    for (let b = 0; b < size; b += 1) if (adjacency[a]! & (1 << b)) adjacency[b] = adjacency[b]! | (1 << a);
  const first = seriesByUnit.get(universe[0]!)!;
  const rules = [...input.rules].sort((a, b) => levelRank(b.level) - levelRank(a.level));
  const qualifying = new Map<WarningLevel, number[]>();
  for (let mask = 1; mask < 1 << size; mask += 1) {
    const members = [...universe.keys()].filter((index) => mask & (1 << index));
    if (members.length < minMembers || !connected(mask, members[0]!, adjacency)) continue;
    const values = new Float64Array(first.values.length);
    for (const index of members) {
      const series = seriesByUnit.get(universe[index]!);
      for (let hour = 0; hour < values.length; hour += 1)
        values[hour] = values[hour]! + (series ? series.values[hour]! : Number.NaN);
    }
    const average: DailySeries = {
      start: first.start,
      values: values.map((sum) => sum / members.length),
      lastObservedIndex: 0,
    };
    for (const rule of rules) {
      let holds = false;
      for (let t = input.from; t <= input.to && !holds; t += HOUR) holds = ruleHolds(rule, average, t);
      if (holds) qualifying.set(rule.level, [...(qualifying.get(rule.level) ?? []), mask]);
    }
  }
  const top = rules.find((rule) => qualifying.has(rule.level));
  if (!top) return { level: 'none', sets: [] };
  const masks = qualifying.get(top.level)!;
  const maximal = masks.filter((mask) => !masks.some((other) => other !== mask && (other & mask) === mask));
  const sets = maximal.map((mask) => universe.filter((_, index) => mask & (1 << index)).sort());
  return { level: top.level, sets: sets.sort((a, b) => a.join().localeCompare(b.join())) };
}

function connected(mask: number, start: number, adjacency: readonly number[]): boolean {
  let reached = 1 << start;
  let frontier = reached;
  while (frontier) {
    let next = 0;
    for (let index = 0; frontier >> index; index += 1) if (frontier & (1 << index)) next |= adjacency[index]!;
    next &= mask & ~reached;
    reached |= next;
    frontier = next;
  }
  return reached === mask;
}
