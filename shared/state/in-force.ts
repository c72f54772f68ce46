import { higherLevel, levelRank, type WarningLevel } from '../levels';
import { plans } from '../plans';
import type { Jurisdiction } from '../units/schema';
import type { UnitState } from './schema';

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
