import { units } from '../../../geo/units';
import { categoryOf } from '../../../shared/aqi/categories';
import { levelRank, type WarningLevel } from '../../../shared/levels';
import type { IssuedLevel } from '../../../shared/plans/schema';
import { unitInForce } from '../../../shared/state/in-force';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { shownAqi } from '../map/labels';

export type WallViewName = Jurisdiction | 'worst';
export const wallViewNames: readonly WallViewName[] = ['ili', 'kizilsu', 'worst'];

export function unitsOf(jurisdiction: Jurisdiction): string[] {
  return units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => unit.id);
}

/** What the "worst area" view frames, and why (its title says which). */
export type WorstArea =
  /** Every unit under the highest warning in force, and every member of a regional warning at that level. */
  | { kind: 'warning'; jurisdiction: Jurisdiction; level: IssuedLevel; ids: string[] }
  /** No warning in force: the region the engine finds at the highest level (a warning due, not issued). */
  | { kind: 'due'; jurisdiction: Jurisdiction; level: IssuedLevel; ids: string[] }
  /** Nothing due either: the units in the two worst AQI categories around the unit with the highest AQI. */
  | { kind: 'aqi'; jurisdiction: Jurisdiction; unitId: string; aqi: number; ids: string[] };

function byLevel(states: readonly JurisdictionState[]) {
  return states.map((state) => {
    const levels = new Map(
      state.units.map((unit) => [unit.id, unitInForce(state.jurisdiction, unit).highest]),
    );
    const top = [...levels.values()].reduce<WarningLevel>(
      (a, b) => (levelRank(b) > levelRank(a) ? b : a),
      'none',
    );
    const mean =
      state.units.reduce((sum, unit) => sum + (unit.dailyAqi ?? 0), 0) / Math.max(1, state.units.length);
    return { state, levels, top, mean };
  });
}

/** The area the "worst area" view frames (issue 16): the region under the highest warning, never one farm. */
export function worstArea(states: readonly JurisdictionState[]): WorstArea | null {
  const ranked = byLevel(states).sort(
    (a, b) =>
      levelRank(b.top) - levelRank(a.top) ||
      [...b.levels.values()].filter((level) => level === b.top).length -
        [...a.levels.values()].filter((level) => level === a.top).length ||
      b.mean - a.mean,
  );
  const first = ranked[0];
  if (first && first.top !== 'none') {
    const level = first.top as IssuedLevel;
    const members = first.state.warnings.flatMap((warning) =>
      warning.target.kind === 'region' && warning.level === level ? warning.target.members : [],
    );
    const under = [...first.levels].filter(([, unitLevel]) => unitLevel === level).map(([id]) => id);
    return {
      kind: 'warning',
      jurisdiction: first.state.jurisdiction,
      level,
      ids: [...new Set([...under, ...members])],
    };
  }
  const regions = states
    .flatMap((state) => state.regions.map((region) => ({ region, jurisdiction: state.jurisdiction })))
    .filter(({ region }) => region.level !== 'none')
    .sort(
      (a, b) =>
        levelRank(b.region.level) - levelRank(a.region.level) ||
        (b.region.averageDailyAqi ?? 0) - (a.region.averageDailyAqi ?? 0),
    );
  if (regions[0])
    return {
      kind: 'due',
      jurisdiction: regions[0].jurisdiction,
      level: regions[0].region.level as IssuedLevel,
      ids: regions[0].region.members,
    };
  const candidates = states.flatMap((state) =>
    state.units.map((unit) => ({ unit, state, aqi: shownAqi(unit, 'hourly').value ?? -1 })),
  );
  candidates.sort((a, b) => b.aqi - a.aqi);
  const worst = candidates[0];
  if (!worst || worst.aqi < 0) return null;
  const floor = (categoryOf(worst.aqi)?.level ?? 1) - 1;
  const ids = candidates
    .filter(({ state, aqi }) => state === worst.state && aqi >= 0 && (categoryOf(aqi)?.level ?? 0) >= floor)
    .map(({ unit }) => unit.id);
  return { kind: 'aqi', jurisdiction: worst.state.jurisdiction, unitId: worst.unit.id, aqi: worst.aqi, ids };
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
