import { levelRank } from '../../../shared/levels';
import type { IssuedLevel } from '../../../shared/plans/schema';
import { unitInForce } from '../../../shared/state/in-force';
import type { JurisdictionState, WarningState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';

/** Something the wall saw happen, with its time (the warning's or the data's) for the "what changed" strip. */
export type Change = {
  at: number;
  jurisdiction: Jurisdiction;
} & (
  | { kind: 'issued' | 'raised' | 'lowered'; level: IssuedLevel; target: WarningState['target'] }
  | { kind: 'lifted'; target: WarningState['target'] }
  | { kind: 'external-set'; level: IssuedLevel }
  | { kind: 'external-lifted' }
  | { kind: 'station-stale' | 'station-back'; station: string }
  | { kind: 'clock-back' }
);

function inForce(state: JurisdictionState | undefined): Map<string, WarningState> {
  return new Map(
    (state?.warnings ?? [])
      .filter((warning) => warning.level !== 'none')
      .map((warning) => [warning.id, warning] as const),
  );
}

function externalLevel(state: JurisdictionState | undefined): IssuedLevel | null {
  let highest: IssuedLevel | null = null;
  for (const unit of state?.units ?? []) {
    const level = unitInForce(state!.jurisdiction, unit).external;
    if (level !== 'none' && (highest === null || levelRank(level) > levelRank(highest))) highest = level;
  }
  return highest;
}

/** When the warning's level in force was approved (its last `levels` entry), as the wall tells it. */
function approvedAt(warning: JurisdictionState['warnings'][number], fallback: number): number {
  const last = warning.levels.at(-1);
  return last && last.level === warning.level ? last.at : fallback;
}

/**
 * What changed from one state of a prefecture to the next: warnings issued, raised, lowered or lifted,
 * the autonomous region's warning set or lifted, stations gone stale or back. With no previous state (the
 * screen just opened), the prefecture's own warnings are told as their course so far, each level at its
 * approval, and silent stations at their last hour; the autonomous region's warning, whose time the state
 * does not carry, stays on the lists only (it is not stamped with the opening time as if just issued).
 */
export function changesBetween(previous: JurisdictionState | undefined, next: JurisdictionState): Change[] {
  const changes: Change[] = [];
  const { jurisdiction, now } = next;
  const before = inForce(previous);
  const after = inForce(next);
  for (const [id, warning] of after) {
    const earlier = before.get(id);
    const level = warning.level as IssuedLevel;
    if (!earlier && !previous)
      for (const approved of warning.levels)
        changes.push({ ...approved, jurisdiction, target: warning.target });
    else if (!earlier)
      changes.push({
        at: approvedAt(warning, now),
        jurisdiction,
        kind: 'issued',
        level,
        target: warning.target,
      });
    else if (levelRank(level) !== levelRank(earlier.level))
      changes.push({
        at: approvedAt(warning, now),
        jurisdiction,
        kind: levelRank(level) > levelRank(earlier.level) ? 'raised' : 'lowered',
        level,
        target: warning.target,
      });
  }
  for (const [id, warning] of before)
    if (!after.has(id)) changes.push({ at: now, jurisdiction, kind: 'lifted', target: warning.target });
  const external = externalLevel(next);
  const externalBefore = externalLevel(previous);
  if (previous && external && external !== externalBefore)
    changes.push({ at: now, jurisdiction, kind: 'external-set', level: external });
  if (!external && externalBefore) changes.push({ at: now, jurisdiction, kind: 'external-lifted' });
  const staleBefore = new Map(previous?.stations.map((station) => [station.id, station.stale]));
  for (const station of next.stations) {
    const was = staleBefore.get(station.id) ?? false;
    if (station.stale && !was)
      changes.push({
        at: previous ? now : (station.newestHour ?? now),
        jurisdiction,
        kind: 'station-stale',
        station: station.name,
      });
    else if (!station.stale && was)
      changes.push({ at: now, jurisdiction, kind: 'station-back', station: station.name });
  }
  return changes;
}

/** How many changes the strip keeps for each prefecture: the newest first. */
export const keptChanges = 8;

/**
 * The strip after new states arrive: their changes from the states before, newest first, up to
 * keptChanges for each prefecture (the wall shows one prefecture's at a time: the two may replay different
 * episodes, and one clock's dates between the other's would read as a jump). A state earlier than the one
 * before it starts a new pass (a replay loop sets the data clock back, and archives the pass's warnings):
 * that prefecture's earlier changes are dropped, the strip says so, and its state is read as if the wall
 * had just opened, so the new pass's changes are neither buried nor the old pass's warnings reported lifted.
 */
export function nextChanges(
  current: readonly Change[],
  previous: ReadonlyMap<string, JurisdictionState>,
  states: readonly JurisdictionState[],
): Change[] {
  const found: Change[] = [];
  const restarted = new Set<Jurisdiction>();
  for (const state of states) {
    const before = previous.get(state.jurisdiction);
    if (before === state) continue;
    const newPass = before !== undefined && state.now < before.now;
    if (newPass) {
      restarted.add(state.jurisdiction);
      found.push({ at: state.now, jurisdiction: state.jurisdiction, kind: 'clock-back' });
    }
    found.push(...changesBetween(newPass ? undefined : before, state));
  }
  const kept = current.filter((change) => !restarted.has(change.jurisdiction));
  if (found.length === 0 && kept.length === current.length) return current as Change[];
  const newestFirst = [...found, ...kept].sort((a, b) => b.at - a.at);
  const shown = new Map<Jurisdiction, number>();
  return newestFirst.filter((change) => {
    const count = (shown.get(change.jurisdiction) ?? 0) + 1;
    shown.set(change.jurisdiction, count);
    return count <= keptChanges;
  });
}
