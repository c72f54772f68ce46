import { levelRank, type WarningLevel } from '../levels';
import type { Warning, WarningBook } from './lifecycle/state';

export type LevelSince = { level: WarningLevel; since: number };

/** The segment of an issued warning in force at now, or null. */
function segmentAt(warning: Warning, now: number): Warning['segments'][number] | null {
  if (warning.status !== 'issued') return null;
  return warning.segments.findLast((segment) => segment.from <= now) ?? null;
}

/** What one warning puts on a unit at now, and since when; a region member's override lowers it from its time. */
function contribution(book: WarningBook, warning: Warning, unitId: string, now: number): LevelSince | null {
  const segment = segmentAt(warning, now);
  if (!segment) return null;
  if (warning.target.kind === 'unit')
    return warning.target.unitId === unitId ? { level: segment.level, since: segment.from } : null;
  if (!warning.target.members.includes(unitId)) return null;
  // Ili 4.2 特殊情况: a recorded override keeps the member below the region's level (as responseFloor reads it).
  const override = book.overrides.findLast(
    (candidate) => candidate.warningId === warning.id && candidate.unitId === unitId && candidate.at <= now,
  );
  if (override && levelRank(override.level) < levelRank(segment.level))
    return { level: override.level, since: Math.max(segment.from, override.at) };
  return { level: segment.level, since: segment.from };
}

/**
 * A unit's level in force at now (its own warning raised by the regions it belongs to, as the live state's
 * issuedLevel) and when that level came into force: the earliest start among the warnings giving it. A
 * raise or a lowering starts the level anew, so measures are checked again (issue 7).
 */
export function unitLevelSince(book: WarningBook, unitId: string, now: number): LevelSince {
  let result: LevelSince = { level: 'none', since: now };
  for (const warning of Object.values(book.warnings)) {
    const given = contribution(book, warning, unitId, now);
    if (!given || given.level === 'none') continue;
    const rank = levelRank(given.level) - levelRank(result.level);
    if (rank > 0 || (rank === 0 && given.since < result.since)) result = given;
  }
  return result;
}

/**
 * The units with a level in force at now and when each began (what GET /api/enterprise-checks reports and
 * the map's compliance rings count checks from).
 */
export function levelsInForce(
  book: WarningBook,
  unitIds: readonly string[],
  now: number,
): (LevelSince & { unitId: string })[] {
  return unitIds
    .map((unitId) => ({ unitId, ...unitLevelSince(book, unitId, now) }))
    .filter((entry) => entry.level !== 'none');
}
