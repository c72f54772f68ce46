import type { Jurisdiction } from '../../shared/units/schema';
import type { Store } from '../store/types';

/**
 * Starts a new exercise for a jurisdiction: a replay pass whose clock goes back to an episode's start
 * would otherwise find the last pass's warnings in its future and refuse every new action. The old
 * events stay in the store and the audit; only the book folds from here on.
 */
export function startExercise(store: Store, jurisdiction: Jurisdiction, actor: string, now: number): void {
  store.transaction(() => {
    store.startExercise(jurisdiction, now);
    store.appendAudit({
      at: now,
      actor,
      action: 'warning.exercise',
      detail: { jurisdiction, note: 'a replay pass starts over: earlier warnings archived' },
    });
  });
}
