import { higherLevel, type WarningLevel, warningLevels } from '../../../shared/levels';
import { unitInForce } from '../../../shared/state/in-force';
import type { JurisdictionState } from '../../../shared/state/schema';

export type Summary = {
  highest: WarningLevel;
  /** Units at each level in force (own or regional warning, or the autonomous region's). */
  counts: Record<WarningLevel, number>;
  /** End of the newest hour with data anywhere on screen, or null. */
  newestData: number | null;
};

export function summarise(states: readonly JurisdictionState[]): Summary {
  const counts = Object.fromEntries(warningLevels.map((level) => [level, 0])) as Record<WarningLevel, number>;
  let highest: WarningLevel = 'none';
  let newestData: number | null = null;
  for (const state of states) {
    for (const unit of state.units) {
      const level = unitInForce(state.jurisdiction, unit).highest;
      counts[level] += 1;
      highest = higherLevel(highest, level);
      if (unit.newestHour !== null) newestData = Math.max(newestData ?? 0, unit.newestHour);
    }
    for (const warning of state.warnings) highest = higherLevel(highest, warning.level);
  }
  return { highest, counts, newestData };
}
