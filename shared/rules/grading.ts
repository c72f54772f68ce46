import { levelRank, type WarningLevel } from '../levels';
import type { GradingClause, GradingRule } from '../plans/grading-schema';
import { HOUR } from '../time';
import { type DailySeries, valueAt } from './daily-series';

/** A missing window never satisfies "D > X": the plans grade on values, not on gaps. */
function above(value: number, threshold: number): boolean {
  return !Number.isNaN(value) && value > threshold;
}

export function clauseHolds(clause: GradingClause, series: DailySeries, t: number): boolean {
  if (clause.kind === 'sustained') {
    for (let offset = 0; offset < clause.hours; offset += 24) {
      if (!above(valueAt(series, t - offset * HOUR), clause.threshold)) return false;
    }
    return true;
  }
  for (let offset = 0; offset <= clause.hours; offset += 1) {
    if (above(valueAt(series, t - offset * HOUR), clause.threshold)) return true;
  }
  return false;
}

export function ruleHolds(rule: GradingRule, series: DailySeries, t: number): boolean {
  return rule.anyOf.some((alternative) =>
    alternative.allOf.every((clause) => clauseHolds(clause, series, t)),
  );
}

/** The highest level whose rule holds at window end t (DOMAIN.md: "the level at t is the highest that holds"). */
export function levelAt(rules: readonly GradingRule[], series: DailySeries, t: number): WarningLevel {
  let level: WarningLevel = 'none';
  for (const rule of rules) {
    if (levelRank(rule.level) > levelRank(level) && ruleHolds(rule, series, t)) level = rule.level;
  }
  return level;
}
