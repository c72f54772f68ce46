import type { Guard, Warning } from '../../shared/rules';
import type { Jurisdiction } from '../../shared/units/schema';
import type { NowEvaluation } from '../engine/jurisdiction-state';
import type { PacketRow, StoredEvent } from '../store/types';
import { evidenceFor, frozen, membersOf, unitSeriesAt } from './evidence';

/** The outcomes that put a level in force or end one: each freezes the evidence the signers saw. */
const decisive = ['issued', 'raised', 'lowered', 'lifted'] as const;

/**
 * The map image of a packet. The press's server-side snapshot (GET /api/snapshot) is not on this branch:
 * the packet says so, and this is the one place to store the image once the server can render it.
 */
const mapSnapshotHook = {
  status: 'not-available' as const,
  note: 'map image pending: the server-side snapshot (GET /api/snapshot) is not available to the server yet',
};

/**
 * The decision packet of an event that issued, raised, lowered or lifted a warning (issue 15): the state,
 * the subject's series and each member's, and the guards overridden, as the engine had them at the event.
 */
export function packetFor(
  evaluation: NowEvaluation,
  jurisdiction: Jurisdiction,
  stored: StoredEvent,
  warning: Warning,
  guards: readonly Guard[],
): Omit<PacketRow, 'id'> | null {
  const last = warning.history.at(-1);
  const outcome = decisive.find((candidate) => candidate === last?.outcome);
  if (!outcome || last?.at !== stored.at) return null;
  const frozenAt = Date.now();
  const body = {
    jurisdiction,
    warningId: warning.id,
    eventSeq: stored.seq,
    outcome,
    at: stored.at,
    frozenAt,
    event: stored.payload,
    warning,
    evidence: {
      state: evaluation.state,
      subject: frozen(evidenceFor(evaluation, warning.target).series),
      members: membersOf(warning.target).map((unitId) => ({
        unitId,
        series: frozen(unitSeriesAt(evaluation, unitId)),
      })),
      guards: guards.map((guard) => ({ id: guard.id, explanation: guard.explanation })),
    },
    mapSnapshot: mapSnapshotHook,
  };
  return {
    jurisdiction,
    eventSeq: stored.seq,
    warningId: warning.id,
    outcome,
    at: stored.at,
    frozenAt,
    body,
  };
}
