import { plans } from '../../shared/plans';
import { emptyBook, foldWarningEvents, type WarningBook, warningEventSchema } from '../../shared/rules';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Store } from '../store/types';

/**
 * The warning book of a jurisdiction: the fold of every stored event (shared/rules lifecycle), or of those
 * up to `at` (a past hour's state).
 */
export function bookOf(store: Store, jurisdiction: Jurisdiction, at: number | null = null): WarningBook {
  const events = store.events(jurisdiction).flatMap((stored) => {
    const parsed = warningEventSchema.safeParse(stored.payload);
    return parsed.success && (at === null || parsed.data.at <= at) ? [parsed.data] : [];
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
