import { applyWarningEvent, type WarningEvent } from '../../shared/rules';
import type { Jurisdiction } from '../../shared/units/schema';
import { HttpError } from '../http/errors';
import type { Store, StoredEvent } from '../store/types';
import { bookOf } from './book';

/**
 * Checks an event that no plan guard weighs (a dust confirmation) against the fold of the log and appends
 * it with its audit entry in one transaction. Node runs this synchronously, so no other action can slip
 * between the check and the append. Refusals about who may act are 403, about the state 409.
 */
export function recordWarningEvent(
  store: Store,
  jurisdiction: Jurisdiction,
  event: WarningEvent,
  auditActor: string,
): StoredEvent {
  const result = applyWarningEvent(bookOf(store, jurisdiction), event);
  if (!result.ok) {
    store.appendAudit({
      at: Date.now(),
      actor: auditActor,
      action: `warning.${event.type}.refused`,
      detail: { jurisdiction, event, error: result.error, code: result.refusal.code },
    });
    const { code, zh, en, forbidden } = result.refusal;
    throw new HttpError(forbidden ? 403 : 409, { error: en, code, zh, en });
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
