import { higherLevel, levelRank, type WarningLevel } from '../levels';
import { plans } from '../plans';
import type { Jurisdiction } from '../units/schema';
import type { JurisdictionState, UnitState } from './schema';

/** The warnings in force on one unit at the state's now, as a screen must show them. */
export type UnitInForce = {
  /** The prefecture's own response: its unit warning raised by its issued regional warnings (issuedLevel). */
  response: WarningLevel;
  /**
   * Kizilsu plan 3.3.2: the autonomous region's regional warning, in force from the region's issue whether
   * or not the prefecture has responded yet; 'none' elsewhere (an Ili region the engine finds is a
   * recommendation until the prefecture issues it).
   */
  external: WarningLevel;
  /** The higher of the two: what the unit is under. */
  highest: WarningLevel;
  /** The region's warning is above the prefecture's own response: a response at no lower level is due. */
  responseDue: boolean;
};

export function unitInForce(jurisdiction: Jurisdiction, unit: UnitState): UnitInForce {
  const external = plans[jurisdiction].regional.kind === 'external-floor' ? unit.regionFloor : 'none';
  return {
    response: unit.issuedLevel,
    external,
    highest: higherLevel(unit.issuedLevel, external),
    responseDue: levelRank(external) > levelRank(unit.issuedLevel),
  };
}

/**
 * Ili: the units whose region found (at the unit's regionFloor) starts after now, with its first window
 * end. The engine finds regions over the whole forecast, so one may start days ahead, beyond the plan's
 * lead time, with nothing due yet: a screen must say "from then", not that the area meets it now.
 */
export function regionFoundAhead(state: JurisdictionState): Map<string, number> {
  const floors = new Map(state.units.map((unit) => [unit.id, unit.regionFloor] as const));
  const starts = new Map<string, number>();
  for (const region of state.regions) {
    const start = region.firstWindowEnd ?? state.now;
    for (const id of region.members) {
      if (floors.get(id) !== region.level) continue;
      starts.set(id, Math.min(starts.get(id) ?? start, start));
    }
  }
  for (const [id, start] of starts) if (start <= state.now) starts.delete(id);
  return starts;
}
