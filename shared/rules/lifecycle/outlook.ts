import type { IssuedLevel, Plan } from '../../plans/schema';
import { HOUR } from '../../time';
import { type DailySeries, indexOf, windowEndAt } from '../daily-series';
import { type LiftingCheck, liftingCondition } from '../lifting';

/**
 * When an issued warning may be lifted or lowered (级别调整和解除), as far as the forecast shows: the
 * condition now, the first hour from now at which it will hold (the lift countdown), and how far the series
 * reaches, so the card can say what is missing when the forecast is too short.
 */
export type LiftingOutlook = {
  now: LiftingCheck;
  /** The first window end ≥ now at which the condition holds, within the forecast; null if none. */
  liftableAt: number | null;
  /** Where the warning would go then ('none' = lift). */
  toLevel: LiftingCheck['toLevel'] | null;
  /** The last window end with a value (observed or forecast), or null. */
  coveredUntil: number | null;
  /** Hours the rule looks ahead (36). */
  hoursNeeded: number;
};

export function liftingOutlook(
  plan: Plan,
  series: DailySeries,
  level: IssuedLevel,
  now: number,
  /** When the level came into force (liftingCondition's cleanFrom starts no earlier). */
  inForceFrom?: number,
): LiftingOutlook {
  const current = liftingCondition(plan, series, level, now, inForceFrom);
  let last = -1;
  for (let index = series.values.length - 1; index >= 0; index -= 1)
    if (!Number.isNaN(series.values[index]!)) {
      last = index;
      break;
    }
  const hoursNeeded = plan.adjustment.improvement.hours;
  let liftableAt: number | null = current.met ? now : null;
  let toLevel = current.met ? current.toLevel : null;
  for (
    let index = indexOf(series, now) + 1;
    liftableAt === null && index + hoursNeeded - 1 <= last;
    index += 1
  ) {
    const check = liftingCondition(plan, series, level, windowEndAt(series, index));
    if (check.met) {
      liftableAt = windowEndAt(series, index);
      toLevel = check.toLevel;
    }
  }
  return {
    now: current,
    liftableAt,
    toLevel,
    coveredUntil: last < 0 ? null : windowEndAt(series, last),
    hoursNeeded,
  };
}

/** Hours from `now` to `at`, for "in 14 h". */
export function hoursUntil(at: number, now: number): number {
  return Math.round((at - now) / HOUR);
}
