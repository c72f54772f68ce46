import type { IssuedLevel, Role } from '../plans/schema';
import type { Warning } from '../rules/lifecycle/state';
import { HOUR } from '../time';
import { beijingDate, dateStart } from './format';

/** One level a warning held: when it took effect, and when and by whom it was approved (issued, raised, lowered). */
export type LevelSegment = {
  level: IssuedLevel;
  from: number;
  approvedAt: number;
  approvedBy: Role;
  kind: 'issued' | 'raised' | 'lowered';
};

/**
 * The warning's levels with their approval: the n-th segment is the n-th issued/raised/lowered entry of the
 * history (shared/rules lifecycle appends both at the chain's last signature). The red segment of an
 * orange-then-red warning is approved when the raise was, not when the orange warning was issued.
 */
export function levelSegments(warning: Warning): LevelSegment[] {
  const approvals = warning.history.filter(
    (entry) => entry.outcome === 'issued' || entry.outcome === 'raised' || entry.outcome === 'lowered',
  );
  return warning.segments.map((segment, index) => {
    const approval = approvals[index];
    return {
      level: segment.level,
      from: segment.from,
      approvedAt: approval?.at ?? segment.from,
      approvedBy: approval?.actor.role ?? 'office-director',
      kind: (approval?.outcome ?? 'issued') as LevelSegment['kind'],
    };
  });
}

/** The segment announced at a data time: the last one approved by then (an issue in advance counts before it takes effect). */
export function segmentAt(warning: Warning, at: number): { index: number; segment: LevelSegment } | null {
  const segments = levelSegments(warning);
  let found: { index: number; segment: LevelSegment } | null = null;
  segments.forEach((segment, index) => {
    if (segment.approvedAt <= at) found = { index, segment };
  });
  return found;
}

/** Day N of a response on a Beijing calendar date: the start date is day 1. */
export function responseDay(startedAt: number, date: string): number {
  return Math.floor((dateStart(date) - dateStart(beijingDate(startedAt))) / (24 * HOUR)) + 1;
}
