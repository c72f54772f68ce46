import type { Condition } from './conditions';
import type { IndexedGraph } from './graph-index';
import type { Grid } from './grid';

/** A someWithin group as a range of window ids [first, last]: consecutive hours at one threshold. */
export type WindowRange = { first: number; last: number };

/** A condition as window ids: every sustained window > 0, and some window > 0 in each group. */
export type ProblemCondition = {
  index: number;
  sustained: number[];
  groups: WindowRange[];
  /** Per threshold line, the lowest and highest window id the condition uses (low > high: none). */
  spans: WindowRange[];
};

/**
 * One component of candidate units with every condition of one level that could hold in it, renumbered
 * 0..size−1. Windows are numbered per threshold in hour order, so each group is a range of ids.
 * slacks[node * windowCount + window] = D − X (NaN when missing). noDeficit[condition][node] = 1 when
 * the node's slack is ≥ 0 in every window of the condition.
 */
export type Problem = {
  nodes: readonly number[];
  neighbours: readonly number[][];
  windowCount: number;
  slacks: Float64Array;
  /** Each threshold's run of hours as a range of window ids. */
  lines: WindowRange[];
  conditions: ProblemCondition[];
  noDeficit: Uint8Array[];
};

export function buildProblem(
  component: readonly number[],
  conditions: readonly Condition[],
  grid: Grid,
  graph: IndexedGraph,
): Problem {
  const span = new Map<number, { low: number; high: number; start: number }>();
  for (const condition of conditions) {
    for (const window of [...condition.sustained, ...condition.groups.flat()]) {
      const line = span.get(window.threshold) ?? { low: window.hour, high: window.hour, start: 0 };
      line.low = Math.min(line.low, window.hour);
      line.high = Math.max(line.high, window.hour);
      span.set(window.threshold, line);
    }
  }
  let windowCount = 0;
  const lines: WindowRange[] = [];
  const hourOf: { hour: number; threshold: number }[] = [];
  for (const [threshold, line] of span) {
    line.start = windowCount;
    for (let hour = line.low; hour <= line.high; hour += 1) hourOf.push({ hour, threshold });
    windowCount += line.high - line.low + 1;
    lines.push({ first: line.start, last: windowCount - 1 });
  }
  const id = (window: { hour: number; threshold: number }) => {
    const line = span.get(window.threshold)!;
    return line.start + window.hour - line.low;
  };
  const slacks = new Float64Array(component.length * windowCount);
  component.forEach((node, index) => {
    hourOf.forEach((window, column) => {
      slacks[index * windowCount + column] = grid.values[node * grid.hours + window.hour]! - window.threshold;
    });
  });
  const problemConditions = conditions.map((condition, index) => {
    const ids = [...condition.sustained, ...condition.groups.flat()].map(id);
    return {
      index,
      sustained: condition.sustained.map(id),
      groups: condition.groups.map((group) => {
        const groupIds = group.map(id);
        return { first: Math.min(...groupIds), last: Math.max(...groupIds) };
      }),
      spans: lines.map((line) => {
        const inLine = ids.filter((window) => window >= line.first && window <= line.last);
        return inLine.length === 0
          ? { first: 1, last: 0 }
          : { first: Math.min(...inLine), last: Math.max(...inLine) };
      }),
    };
  });
  const local = new Map(component.map((node, index) => [node, index] as const));
  return {
    nodes: component,
    neighbours: component.map((node) =>
      [...graph.neighbours[node]!].flatMap((next) => {
        const index = local.get(next);
        return index === undefined ? [] : [index];
      }),
    ),
    windowCount,
    slacks,
    lines,
    conditions: problemConditions,
    noDeficit: problemConditions.map((condition) =>
      Uint8Array.from(component, (_, node) => {
        const slack = (window: number) => slacks[node * windowCount + window]!;
        const sustainedOk = condition.sustained.every((window) => slack(window) >= 0);
        let groupsOk = true;
        for (const group of condition.groups)
          for (let window = group.first; window <= group.last; window += 1) groupsOk &&= slack(window) >= 0;
        return sustainedOk && groupsOk ? 1 : 0;
      }),
    ),
  };
}

/**
 * Over a range of window ids of one line: next[window] = the first id ≥ window in the range whose sum
 * is > 0, or range.last + 1 when none. A group inside the range has a positive sum iff next[first] ≤ last.
 */
export function fillNextPositive(range: WindowRange, sums: Float64Array, next: Int32Array): void {
  let nextPositive = range.last + 1;
  for (let window = range.last; window >= range.first; window -= 1) {
    if (sums[window]! > 0) nextPositive = window;
    next[window] = nextPositive;
  }
}

export function conditionMet(condition: ProblemCondition, sums: Float64Array, next: Int32Array): boolean {
  for (const window of condition.sustained) if (!(sums[window]! > 0)) return false;
  for (const group of condition.groups) if (next[group.first]! > group.last) return false;
  return true;
}
