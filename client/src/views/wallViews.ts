import { units } from '../../../geo/units';
import { levelRank } from '../../../shared/levels';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { levelsInForce } from '../map/sampleLayers';

export type WallViewName = Jurisdiction | 'worst';
export const wallViewNames: readonly WallViewName[] = ['ili', 'kizilsu', 'worst'];

export function unitsOf(jurisdiction: Jurisdiction): string[] {
  return units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => unit.id);
}

/** The worst region's members (highest level, then highest mean daily AQI), else the worst single unit. */
export function worstUnits(
  states: readonly JurisdictionState[],
): { ids: string[]; jurisdiction: Jurisdiction } | null {
  const regions = states.flatMap((state) =>
    state.regions.map((region) => ({ region, jurisdiction: state.jurisdiction })),
  );
  regions.sort(
    (a, b) =>
      levelRank(b.region.level) - levelRank(a.region.level) ||
      (b.region.averageDailyAqi ?? 0) - (a.region.averageDailyAqi ?? 0),
  );
  if (regions[0]) return { ids: regions[0].region.members, jurisdiction: regions[0].jurisdiction };
  const candidates = states.flatMap((state) => {
    const inForce = levelsInForce(state);
    return state.units.map((unit) => ({
      unit,
      level: inForce.get(unit.id) ?? 'none',
      jurisdiction: state.jurisdiction,
    }));
  });
  candidates.sort(
    (a, b) => levelRank(b.level) - levelRank(a.level) || (b.unit.dailyAqi ?? 0) - (a.unit.dailyAqi ?? 0),
  );
  return candidates[0] ? { ids: [candidates[0].unit.id], jurisdiction: candidates[0].jurisdiction } : null;
}

/** Wall settings from the address: ?view=ili|kizilsu|worst to start on, ?cycle=seconds (0 stops cycling). */
export function wallSettings(search: string): { start: WallViewName; cycleMs: number } {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const seconds = Number(params.get('cycle') ?? 30);
  return {
    start: wallViewNames.includes(view as WallViewName) ? (view as WallViewName) : 'ili',
    cycleMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0,
  };
}
