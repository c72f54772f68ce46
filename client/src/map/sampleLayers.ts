import type { DieselZone } from '../../../geo/layers/diesel-zone';
import type { DustSource } from '../../../geo/layers/dust-source';
import type { Enterprise } from '../../../geo/layers/enterprise';
import { type Compliance, compliance } from '../../../geo/layers/enterprise-check';
import { unitById } from '../../../geo/units';
import { higherLevel, levelRank, type WarningLevel } from '../../../shared/levels';
import type { JurisdictionState } from '../../../shared/state/schema';
import { BEIJING_OFFSET } from '../../../shared/time';
import { checkKey, type EnterpriseChecks } from './enterpriseChecks';

/** The overlay layers as drawn; `label` is the synthetic-sample label when any record is synthetic. */
export type OverlayLayers = {
  enterprises: Enterprise[];
  zones: DieselZone[];
  dust: DustSource[];
  label: string | null;
};

/**
 * The level each unit's measures follow: its own issued warning, raised by an active regional warning it is
 * a member of. A region the engine merely finds (regionFloor) is drawn, but is not in force until issued.
 */
export function levelsInForce(state: JurisdictionState): Map<string, WarningLevel> {
  const levels = new Map(state.units.map((unit) => [unit.id, unit.issuedLevel]));
  for (const warning of state.warnings)
    if (warning.target.kind === 'region' && warning.level !== 'none')
      for (const member of warning.target.members)
        levels.set(member, higherLevel(levels.get(member) ?? 'none', warning.level));
  return levels;
}

function minutesOfDay(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** Plans 4.3.1.2: a zone restricts diesel trucks from its level upward, inside its daily time windows. */
export function zoneActive(zone: DieselZone, level: WarningLevel, now: number): boolean {
  if (levelRank(level) < levelRank(zone.fromLevel)) return false;
  const minute = Math.floor(((now + BEIJING_OFFSET) % 86_400_000) / 60_000);
  return zone.timeWindows.some((window) => {
    const start = minutesOfDay(window.slice(0, 5));
    const end = minutesOfDay(window.slice(6));
    return start < end ? minute >= start && minute < end : minute >= start || minute < end;
  });
}

/** Whether the enterprise's 一厂一策 list asks anything of it at the level in force. */
export function measureDue(enterprise: Enterprise, level: WarningLevel): boolean {
  return level !== 'none' && enterprise.measures[level].kind !== 'none';
}

/**
 * Issue 7: whether the enterprise carries out its measure at the level drawn. A check counts from the start of
 * that level as the server knows it; when the server's level differs (a past hour, or a change since the
 * last poll) the start is unknown and no check counts.
 */
export function enterpriseCompliance(
  enterprise: Enterprise,
  level: WarningLevel,
  checks: EnterpriseChecks | null,
): Compliance {
  const measure = level === 'none' ? ({ kind: 'none' } as const) : enterprise.measures[level];
  const jurisdiction = unitById.get(enterprise.unitId)?.jurisdiction;
  const check = jurisdiction ? checks?.checks.get(checkKey(jurisdiction, enterprise.id)) : undefined;
  const live = checks?.levels.get(enterprise.unitId);
  const since = live?.level === level ? live.since : Number.POSITIVE_INFINITY;
  return compliance(measure, check ?? null, level, since);
}
