import type { GradingRule } from '../../plans/grading-schema';
import { HOUR } from '../../time';
import type { Grid } from './grid';

/** One window a region's average must exceed: grid hour and threshold. */
export type Window = { hour: number; threshold: number };

/**
 * One alternative of a rule at one window end t, as linear constraints on a member set S:
 * Σ_{u∈S} (D_u(w) − X) > 0 for every sustained window, and for some window of each someWithin group.
 */
export type Condition = { t: number; alternative: number; sustained: Window[]; groups: Window[][] };

export function conditionsAt(rule: GradingRule, grid: Grid, t: number): Condition[] {
  const end = Math.round((t - grid.start) / HOUR);
  return rule.anyOf.map((alternative, index) => {
    const condition: Condition = { t, alternative: index, sustained: [], groups: [] };
    for (const clause of alternative.allOf) {
      if (clause.kind === 'sustained') {
        for (let offset = 0; offset < clause.hours; offset += 24)
          condition.sustained.push({ hour: end - offset, threshold: clause.threshold });
      } else {
        const group: Window[] = [];
        for (let offset = 0; offset <= clause.hours; offset += 1)
          group.push({ hour: end - offset, threshold: clause.threshold });
        condition.groups.push(group);
      }
    }
    return condition;
  });
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
