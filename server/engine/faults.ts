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
    /** Records a stored event the fold left out (server/warnings/book), logged once. */
    leftOut(jurisdiction: Jurisdiction, stored: StoredEvent, problem: string): void {
      if (skipped.get(jurisdiction)?.has(stored.seq)) return;
      log(new Error(`warning event ${stored.seq} left out: ${problem}`), jurisdiction);
      skipped.set(jurisdiction, (skipped.get(jurisdiction) ?? new Map()).set(stored.seq, problem));
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
