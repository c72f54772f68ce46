import { levelRank, type WarningLevel } from '../levels';
import type { GradingClause, GradingRule } from '../plans/grading-schema';
import { type DailySeries, indexOf, valueAtIndex } from './daily-series';

/** A missing window never satisfies "D > X": the plans grade on values, not on gaps. */
function above(value: number, threshold: number): boolean {
  return !Number.isNaN(value) && value > threshold;
}

export function clauseHolds(clause: GradingClause, series: DailySeries, t: number): boolean {
  return clauseHoldsAt(clause, series, indexOf(series, t));
}

export function ruleHolds(rule: GradingRule, series: DailySeries, t: number): boolean {
  return ruleHoldsAt(rule, series, indexOf(series, t));
}

/**
 * clauseHolds at the window end of series index `index` (valueAt's index, moved by whole hours): the one
 * evaluation, in plain loops, as grading a series asks it for every window of a week and more each tick.
 */
function clauseHoldsAt(clause: GradingClause, series: DailySeries, index: number): boolean {
  const { threshold } = clause;
  if (clause.kind === 'sustained') {
    for (let offset = 0; offset < clause.hours; offset += 24) {
      if (!above(valueAtIndex(series, index - offset), threshold)) return false;
    }
    return true;
  }
  for (let offset = 0; offset <= clause.hours; offset += 1) {
    if (above(valueAtIndex(series, index - offset), threshold)) return true;
  }
  return false;
}

/** ruleHolds at the window end of series index `index`. */
export function ruleHoldsAt(rule: GradingRule, series: DailySeries, index: number): boolean {
  const { anyOf } = rule;
  for (let alternative = 0; alternative < anyOf.length; alternative += 1) {
    const { allOf } = anyOf[alternative]!;
    let holds = true;
    for (let clause = 0; clause < allOf.length && holds; clause += 1)
      holds = clauseHoldsAt(allOf[clause]!, series, index);
    if (holds) return true;
  }
  return false;
}

/** The highest level whose rule holds at window end t (DOMAIN.md: "the level at t is the highest that holds"). */
export function levelAt(rules: readonly GradingRule[], series: DailySeries, t: number): WarningLevel {
  let level: WarningLevel = 'none';
  for (const rule of rules) {
    if (levelRank(rule.level) > levelRank(level) && ruleHolds(rule, series, t)) level = rule.level;
  }
  return level;
}
