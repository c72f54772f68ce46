import type { Condition } from './conditions';
import type { IndexedGraph } from './graph-index';
import type { Grid } from './grid';

/**
 * One candidate component, renumbered 0..size−1, with every exact slack D − X of the condition:
 * slacks[k][node] for window k; windows [0, sustainedCount) are sustained, then each someWithin group
 * occupies [groupStarts[g], groupStarts[g + 1]). NaN where the node's value is missing.
 */
export type LocalSlacks = {
  nodes: readonly number[];
  neighbours: readonly number[][];
  slacks: Float64Array[];
  sustainedCount: number;
  groupStarts: readonly number[];
};

export function localSlacks(
  component: readonly number[],
  condition: Condition,
  grid: Grid,
  graph: IndexedGraph,
): LocalSlacks {
  const local = new Map(component.map((node, index) => [node, index] as const));
  const windows = [...condition.sustained, ...condition.groups.flat()];
  const groupStarts = [condition.sustained.length];
  for (const group of condition.groups) groupStarts.push(groupStarts.at(-1)! + group.length);
  return {
    nodes: component,
    neighbours: component.map((node) =>
      [...graph.neighbours[node]!].flatMap((next) => {
        const index = local.get(next);
        return index === undefined ? [] : [index];
      }),
    ),
    slacks: windows.map((window) =>
      Float64Array.from(
        component,
        (node) => grid.values[node * grid.hours + window.hour]! - window.threshold,
      ),
    ),
    sustainedCount: condition.sustained.length,
    groupStarts,
  };
}

/** Sums per window meet the condition: every sustained sum > 0 and some sum > 0 in each group. */
export function sumsMeet(local: LocalSlacks, sums: Float64Array): boolean {
  for (let k = 0; k < local.sustainedCount; k += 1) if (!(sums[k]! > 0)) return false;
  for (let group = 0; group + 1 < local.groupStarts.length; group += 1) {
    let met = false;
    for (let k = local.groupStarts[group]!; k < local.groupStarts[group + 1]! && !met; k += 1)
      met = sums[k]! > 0;
    if (!met) return false;
  }
  return true;
}

/** Adding a node with no deficit in any window never breaks a condition a set already meets. */
export function hasNoDeficit(local: LocalSlacks, node: number): boolean {
  return local.slacks.every((slack) => slack[node]! >= 0);
}

/** The whole component meets the condition: then it is the component's only maximal set. */
export function componentMeets(local: LocalSlacks, minMembers: number): boolean {
  const sums = Float64Array.from(local.slacks, (slack) => slack.reduce((sum, value) => sum + value, 0));
  return local.nodes.length >= minMembers && sumsMeet(local, sums);
}
