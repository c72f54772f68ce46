import type { Guard, Warning } from '../../shared/rules';
import type { Jurisdiction } from '../../shared/units/schema';
import type { NowEvaluation } from '../engine/jurisdiction-state';
import type { PacketRow, StoredEvent } from '../store/types';
import { evidenceFor, frozen, membersOf, unitSeriesAt } from './evidence';

/** The outcomes that put a level in force or end one: each freezes the evidence the signers saw. */
const decisive = ['issued', 'raised', 'lowered', 'lifted'] as const;

/** The packet's map is drawn on request from its frozen state (GET /api/packets/:id/map.png). */
const mapSnapshot = {
  status: 'frozen-state' as const,
  note: 'drawn from the state frozen in this packet: GET /api/packets/:id/map.png',
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
    mapSnapshot,
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
