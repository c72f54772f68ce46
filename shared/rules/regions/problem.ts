import type { Condition } from './conditions';
import type { IndexedGraph } from './graph-index';
import type { Grid } from './grid';

/** A condition as window ids: every sustained window, and for each someWithin group one of its windows. */
export type ProblemCondition = { sustained: number[]; groups: number[][] };

/**
 * One component of candidate units with every condition of one level that could hold in it, renumbered
 * 0..size−1. slacks[w][node] = D − X of distinct window w (grid hour and threshold); NaN when missing.
 * A set qualifies when it meets any condition: all its sustained sums > 0 and one sum > 0 per group.
 */
export type Problem = {
  nodes: readonly number[];
  neighbours: readonly number[][];
  slacks: Float64Array[];
  conditions: ProblemCondition[];
};

export function buildProblem(
  component: readonly number[],
  conditions: readonly Condition[],
  grid: Grid,
  graph: IndexedGraph,
): Problem {
  const local = new Map(component.map((node, index) => [node, index] as const));
  const windowIds = new Map<string, number>();
  const slacks: Float64Array[] = [];
  const windowId = (window: { hour: number; threshold: number }) => {
    const key = `${window.hour}:${window.threshold}`;
    let id = windowIds.get(key);
    if (id === undefined) {
      id = slacks.length;
      windowIds.set(key, id);
      slacks.push(
        Float64Array.from(
          component,
          (node) => grid.values[node * grid.hours + window.hour]! - window.threshold,
        ),
      );
    }
    return id;
  };
  return {
    nodes: component,
    neighbours: component.map((node) =>
      [...graph.neighbours[node]!].flatMap((next) => {
        const index = local.get(next);
        return index === undefined ? [] : [index];
      }),
    ),
    slacks,
    conditions: conditions.map((condition) => ({
      sustained: condition.sustained.map(windowId),
      groups: condition.groups.map((group) => group.map(windowId)),
    })),
  };
}

/** Sums per window (indexed by window id) meet the condition. */
export function conditionMet(condition: ProblemCondition, sums: Float64Array): boolean {
  for (const window of condition.sustained) if (!(sums[window]! > 0)) return false;
  for (const group of condition.groups) if (!group.some((window) => sums[window]! > 0)) return false;
  return true;
}

/** How far sums are from meeting the condition: its worst sustained sum or group's best sum. */
export function conditionMargin(condition: ProblemCondition, sums: Float64Array): number {
  let worst = Number.POSITIVE_INFINITY;
  for (const window of condition.sustained) worst = Math.min(worst, sums[window]!);
  for (const group of condition.groups) {
    let best = Number.NEGATIVE_INFINITY;
    for (const window of group) if (sums[window]! > best) best = sums[window]!;
    worst = Math.min(worst, best);
  }
  return Number.isNaN(worst) ? Number.NEGATIVE_INFINITY : worst;
}

/** Adding a node with no deficit in any window of the conditions never breaks one a set meets. */
export function hasNoDeficit(
  problem: Problem,
  conditions: readonly ProblemCondition[],
  node: number,
): boolean {
  for (const condition of conditions) {
    for (const window of condition.sustained) if (!(problem.slacks[window]![node]! >= 0)) return false;
    for (const group of condition.groups)
      for (const window of group) if (!(problem.slacks[window]![node]! >= 0)) return false;
  }
  return true;
}
