import type { IssuedLevel, Plan } from '../../../shared/plans';
import {
  approvedLevel,
  type DailySeries,
  levelInForce,
  liftingCondition,
  targetKey,
  type WarningBook,
} from '../../../shared/rules';
import type { ComplianceFlagState } from '../../../shared/state/schema';
import { averagedSeries } from './evaluation';

/**
 * Plan §7 lift-due / lower-due for issued regional warnings, on the members' averaged series (3.3.6, 36 h).
 * The server's compliance subjects are units only, so the console adds these; same shape as its flags.
 */
export function regionalLiftingFlags(
  plan: Plan,
  book: WarningBook | null,
  seriesByUnit: ReadonlyMap<string, DailySeries>,
  now: number,
): ComplianceFlagState[] {
  return Object.values(book?.warnings ?? {}).flatMap((warning) => {
    if (warning.target.kind !== 'region' || warning.pending || levelInForce(warning, now) === 'none')
      return [];
    const members = warning.target.members.flatMap((id) => seriesByUnit.get(id) ?? []);
    const series = members.length === warning.target.members.length ? averagedSeries(members) : null;
    if (!series) return [];
    const level = approvedLevel(warning) as IssuedLevel;
    const check = liftingCondition(plan, series, level, now);
    if (!check.met) return [];
    return [
      {
        kind: check.toLevel === 'none' ? ('lift-due' as const) : ('lower-due' as const),
        targetKey: targetKey(warning.target),
        warningId: warning.id,
        level,
        toLevel: check.toLevel,
        since: Math.max(check.cleanFrom ?? now, warning.segments.at(-1)!.from),
        explanation: check.explanation,
      },
    ];
  });
}
