import { plans } from '../../shared/plans';
import {
  emptyBook,
  foldWarningEvents,
  type WarningBook,
  type WarningEvent,
  warningEventSchema,
} from '../../shared/rules';
import { epochInstantSchema } from '../../shared/time-schemas';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Store, StoredEvent } from '../store/types';

const instantFields = ['at', 'effectiveAt', 'from', 'to'] as const;

/** A stored event the fold can apply, or why not (not an event, or an instant outside 2013–2099). */
function readStoredEvent(stored: StoredEvent): { event: WarningEvent } | { problem: string } {
  const parsed = warningEventSchema.safeParse(stored.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'not a warning event'}` };
  }
  for (const field of instantFields) {
    const value = (parsed.data as Record<string, unknown>)[field];
    if (value !== undefined && !epochInstantSchema.safeParse(value).success)
      return { problem: `${field} ${String(value)} is outside 2013–2099` };
  }
  return { event: parsed.data };
}

/**
 * The warning book of a jurisdiction: the fold of every stored event (shared/rules lifecycle), or of those
 * up to `at` (a past hour's state). An event that cannot be applied is left out (the event log forbids
 * DELETE, so one poisoned row must not stop every later fold) and reported to `leftOut`.
 */
export function bookOf(
  store: Store,
  jurisdiction: Jurisdiction,
  at: number | null = null,
  leftOut?: (stored: StoredEvent, problem: string) => void,
): WarningBook {
  const events = store.events(jurisdiction).flatMap((stored) => {
    const read = readStoredEvent(stored);
    if ('problem' in read) {
      leftOut?.(stored, read.problem);
      return [];
    }
    return at === null || read.event.at <= at ? [read.event] : [];
  });
  return foldWarningEvents(emptyBook(plans[jurisdiction].id), events).state;
}

/** Which jurisdiction's log holds a warning id, or null. */
export function jurisdictionOfWarning(store: Store, warningId: string): Jurisdiction | null {
  for (const jurisdiction of ['ili', 'kizilsu'] as const) {
    if (bookOf(store, jurisdiction).warnings[warningId]) return jurisdiction;
  }
  return null;
}
