import { higherLevel, type WarningLevel, warningLevels } from '../../../shared/levels';
import type { JurisdictionState } from '../../../shared/state/schema';
import { levelsInForce } from '../map/sampleLayers';

export type Summary = {
  highest: WarningLevel;
  /** Units at each level in force (own issued warning or an active regional warning). */
  counts: Record<WarningLevel, number>;
  /** End of the newest hour with data anywhere on screen, or null. */
  newestData: number | null;
};

export function summarise(states: readonly JurisdictionState[]): Summary {
  const counts = Object.fromEntries(warningLevels.map((level) => [level, 0])) as Record<WarningLevel, number>;
  let highest: WarningLevel = 'none';
  let newestData: number | null = null;
  for (const state of states) {
    const inForce = levelsInForce(state);
    for (const unit of state.units) {
      const level = inForce.get(unit.id) ?? 'none';
      counts[level] += 1;
      highest = higherLevel(highest, level);
      if (unit.newestHour !== null) newestData = Math.max(newestData ?? 0, unit.newestHour);
    }
    for (const warning of state.warnings) highest = higherLevel(highest, warning.level);
  }
  return { highest, counts, newestData };
}
