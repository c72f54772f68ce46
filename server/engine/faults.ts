import { type WarningEvent, warningEventSchema } from '../../shared/rules';
import { epochInstantSchema } from '../../shared/time-schemas';
import type { Jurisdiction } from '../../shared/units/schema';
import type { StoredEvent } from '../store/types';

/** A jurisdiction the engine could not compute, or whose stored events it had to leave out (issue 14). */
export type EngineFault = {
  jurisdiction: Jurisdiction;
  /** The last computation's error, or null when only events were left out. */
  error: string | null;
  since: number | null;
  /** Stored events left out of the warning book: seq and why. */
  skippedEvents: { seq: number; problem: string }[];
};

const instantFields = ['at', 'effectiveAt', 'from', 'to'] as const;

/** Why a stored event cannot be applied (not an event, or an instant outside the plausible range), or null. */
function eventProblem(stored: StoredEvent): string | null {
  const parsed = warningEventSchema.safeParse(stored.payload);
  if (!parsed.success) return `not a warning event: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  for (const field of instantFields) {
    const value = (parsed.data as Record<string, unknown>)[field];
    if (value !== undefined && !epochInstantSchema.safeParse(value).success)
      return `${field} ${String(value)} is outside 2013–2099`;
  }
  return null;
}

/**
 * Keeps the engine serving when one jurisdiction's computation fails: the failure is logged, the
 * jurisdiction is reported degraded (GET /api/health) and keeps its last good state, and stored events that
 * cannot be applied are left out of the fold instead of stopping every later tick — and every restart,
 * since the event log forbids DELETE.
 */
export function createFaults(log: (error: unknown, jurisdiction: Jurisdiction) => void) {
  const failures = new Map<Jurisdiction, { error: string; since: number }>();
  const skipped = new Map<Jurisdiction, Map<number, string>>();
  return {
    /** Runs one jurisdiction's work; a throw is logged and recorded instead of escaping. */
    guard(jurisdiction: Jurisdiction, work: () => void): void {
      try {
        work();
        failures.delete(jurisdiction);
      } catch (error) {
        log(error, jurisdiction);
        const message = error instanceof Error ? error.message : String(error);
        failures.set(jurisdiction, {
          error: message,
          since: failures.get(jurisdiction)?.since ?? Date.now(),
        });
      }
    },
    /** The stored events the fold can apply; the others are recorded as skipped. */
    applicable(jurisdiction: Jurisdiction, events: readonly StoredEvent[]): WarningEvent[] {
      return events.flatMap((stored) => {
        const problem = eventProblem(stored);
        if (problem === null) return [stored.payload as WarningEvent];
        if (!skipped.get(jurisdiction)?.has(stored.seq)) {
          log(new Error(`warning event ${stored.seq} left out: ${problem}`), jurisdiction);
          skipped.set(jurisdiction, (skipped.get(jurisdiction) ?? new Map()).set(stored.seq, problem));
        }
        return [];
      });
    },
    list(): EngineFault[] {
      const jurisdictions = [...new Set([...failures.keys(), ...skipped.keys()])].sort();
      return jurisdictions.map((jurisdiction) => ({
        jurisdiction,
        error: failures.get(jurisdiction)?.error ?? null,
        since: failures.get(jurisdiction)?.since ?? null,
        skippedEvents: [...(skipped.get(jurisdiction) ?? [])].map(([seq, problem]) => ({ seq, problem })),
      }));
    },
  };
}
