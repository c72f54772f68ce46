import type { DieselZone } from '../../../geo/layers/diesel-zone';
import type { DustSource } from '../../../geo/layers/dust-source';
import type { Enterprise } from '../../../geo/layers/enterprise';
import { sampleLayer } from '../../../geo/layers/sample';
import { syntheticLabel } from '../../../geo/layers/sample-file';
import { higherLevel, levelRank, type WarningLevel } from '../../../shared/levels';
import type { UnitState } from '../../../shared/state/schema';
import { BEIJING_OFFSET } from '../../../shared/time';

export type SampleLayers = { enterprises: Enterprise[]; zones: DieselZone[]; dust: DustSource[] };

/** Shown wherever a sample layer is drawn (geo/layers/sample-file.ts). */
export const syntheticLabelText = syntheticLabel;

/** The bundled synthetic layers of both prefectures (geo/data/sample-layers), labelled as such on screen. */
export function loadSampleLayers(): SampleLayers {
  const both = ['ili', 'kizilsu'] as const;
  return {
    enterprises: both.flatMap((jurisdiction) => sampleLayer(jurisdiction, 'enterprise').records),
    zones: both.flatMap((jurisdiction) => sampleLayer(jurisdiction, 'diesel-zone').records),
    dust: both.flatMap((jurisdiction) => sampleLayer(jurisdiction, 'dust-source').records),
  };
}

/** The level a unit's measures follow: its own issued warning or the region's floor, whichever is higher. */
export function levelInForce(unit: UnitState | undefined): WarningLevel {
  return unit ? higherLevel(unit.issuedLevel, unit.regionFloor) : 'none';
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
