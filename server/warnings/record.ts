import { applyWarningEvent, type WarningEvent } from '../../shared/rules';
import type { Jurisdiction } from '../../shared/units/schema';
import { HttpError } from '../http/errors';
import type { Store, StoredEvent } from '../store/types';
import { bookOf } from './book';

/**
 * Checks the event against the fold of the log (the plan's chain and the caller's role, shared/rules
 * lifecycle) and appends it with its audit entry in one transaction. Node runs this synchronously, so no
 * other action can slip between the check and the append.
 */
export function recordWarningEvent(
  store: Store,
  jurisdiction: Jurisdiction,
  event: WarningEvent,
  auditActor: string,
): StoredEvent {
  const result = applyWarningEvent(bookOf(store, jurisdiction), event);
  if (!result.ok) {
    // Refusals about who may act are 403; refusals about the warning's state are 409.
    const forbidden = /^(role |wrong order)/.test(result.error);
    store.appendAudit({
      at: Date.now(),
      actor: auditActor,
      action: `warning.${event.type}.refused`,
      detail: { jurisdiction, event, error: result.error },
    });
    throw new HttpError(forbidden ? 403 : 409, { error: result.error });
  }
  return store.transaction(() => {
    const stored = store.appendEvent(jurisdiction, event, event.at);
    store.appendAudit({
      at: Date.now(),
      actor: auditActor,
      action: `warning.${event.type}`,
      detail: { jurisdiction, seq: stored.seq, event },
    });
    return stored;
  });
}
