import type { GradingRule } from '../../plans/grading-schema';
import { HOUR } from '../../time';
import type { Grid } from './grid';

/** One window a region's average must exceed: grid hour and threshold. */
export type Window = { hour: number; threshold: number };

/**
 * One alternative of a rule at one window end, as linear constraints on a member set S:
 * Σ_{u∈S} (D_u(w) − X) > 0 for every sustained window, and for some window of each someWithin group.
 */
export type Condition = {
  alternative: number;
  sustained: readonly Window[];
  groups: readonly (readonly Window[])[];
};

/** One Window object per grid hour and threshold: the conditions of one rule at successive ends name mostly the same ones. */
const windowsByThreshold = new Map<number, Window[]>();

function windowAt(hour: number, threshold: number): Window {
  const windows = arrayUnder(windowsByThreshold, threshold);
  windows[hour] ??= { hour, threshold };
  return windows[hour];
}

/** The array kept under `key`, made empty the first time it is asked for. */
function arrayUnder<K, V>(
  arrays: { get(key: K): V[] | undefined; set(key: K, value: V[]): unknown },
  key: K,
): V[] {
  let array = arrays.get(key);
  if (!array) {
    array = [];
    arrays.set(key, array);
  }
  return array;
}

/** A rule's conditions at the window end `end` grid hours after the grid's start (one per alternative). */
export function buildConditions(rule: GradingRule, end: number): Condition[] {
  return rule.anyOf.map((alternative, index) => {
    const sustained: Window[] = [];
    const groups: Window[][] = [];
    for (const clause of alternative.allOf) {
      if (clause.kind === 'sustained') {
        for (let offset = 0; offset < clause.hours; offset += 24)
          sustained.push(windowAt(end - offset, clause.threshold));
      } else {
        const group: Window[] = [];
        for (let offset = 0; offset <= clause.hours; offset += 1)
          group.push(windowAt(end - offset, clause.threshold));
        groups.push(group);
      }
    }
    return { alternative: index, sustained, groups };
  });
}

/**
 * A rule's conditions depend on the rule and the end's distance from the grid's start alone, and every search
 * of every tick asks them for each window end from now to the forecast's end: they are built once per rule
 * and end and kept with the rule (plans are data, never changed). Windows and conditions are never changed.
 */
const conditionsByRule = new WeakMap<GradingRule, (readonly Condition[])[]>();

export function conditionsAt(rule: GradingRule, grid: Grid, t: number): readonly Condition[] {
  const end = Math.round((t - grid.start) / HOUR);
  const byEnd = arrayUnder(conditionsByRule, rule);
  byEnd[end] ??= buildConditions(rule, end);
  return byEnd[end];
}

/**
 * False when no unit at all exceeds a window's threshold: no average can then exceed it either. Loops
 * rather than closures: called for every condition of every window end of every tick.
 */
export function anyUnitCouldMeet(condition: Condition, grid: Grid): boolean {
  const { maxByHour } = grid;
  for (const window of condition.sustained) if (!(maxByHour[window.hour]! > window.threshold)) return false;
  for (const group of condition.groups) {
    let some = false;
    for (const window of group)
      if (maxByHour[window.hour]! > window.threshold) {
        some = true;
        break;
      }
    if (!some) return false;
  }
  return true;
}
