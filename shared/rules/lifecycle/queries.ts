import { higherLevel, levelRank, type WarningLevel } from '../../levels';
import type { Period } from '../dust';
import type { Warning, WarningBook } from './state';

export type WarningStatus = Warning['status'] | 'active';

/** Issued warnings become active when their effective time passes (derived from now, not stored). */
export function statusAt(warning: Warning, now: number): WarningStatus {
  if (warning.status === 'issued' && now >= warning.segments[0]!.from) return 'active';
  return warning.status;
}

/** The level in force at now: the last approved segment already effective, or 'none'. */
export function levelInForce(warning: Warning, now: number): WarningLevel {
  if (warning.status !== 'issued') return 'none';
  let level: WarningLevel = 'none';
  for (const segment of warning.segments) if (segment.from <= now) level = segment.level;
  return level;
}

/** The latest approved level, effective or not (what a level change is measured against). */
export function approvedLevel(warning: Warning): WarningLevel {
  return warning.segments.at(-1)?.level ?? 'none';
}

/** A unit's own warning level in force at now (its unit warning, not regions). */
export function unitLevel(book: WarningBook, unitId: string, now: number): WarningLevel {
  let level: WarningLevel = 'none';
  for (const warning of Object.values(book.warnings)) {
    if (warning.target.kind === 'unit' && warning.target.unitId === unitId)
      level = higherLevel(level, levelInForce(warning, now));
  }
  return level;
}

/**
 * The response floor a region puts on a member (Ili 3.3.3: no lower than the region's level), less any
 * recorded override for that member (4.2 特殊情况).
 */
export function responseFloor(book: WarningBook, unitId: string, now: number): WarningLevel {
  let floor: WarningLevel = 'none';
  for (const warning of Object.values(book.warnings)) {
    if (warning.target.kind !== 'region' || !warning.target.members.includes(unitId)) continue;
    const override = book.overrides.findLast(
      (candidate) => candidate.warningId === warning.id && candidate.unitId === unitId,
    );
    const regionLevel = levelInForce(warning, now);
    const kept =
      override && levelRank(override.level) < levelRank(regionLevel) ? override.level : regionLevel;
    floor = higherLevel(floor, kept);
  }
  return floor;
}

export function dustPeriodsFor(book: WarningBook, unitId: string): Period[] {
  return book.dust
    .filter((confirmation) => confirmation.unitId === unitId)
    .map(({ from, to }) => ({ from, to }));
}

/** Warnings still in play (proposed, under approval or issued) for a target key. */
export function openWarnings(book: WarningBook): Warning[] {
  return Object.values(book.warnings).filter((warning) =>
    ['proposed', 'under-approval', 'issued'].includes(warning.status),
  );
}
