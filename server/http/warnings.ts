import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../../shared/rules';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import { officeRecordsAccess } from '../auth/access';
import { actorName, readOnlyRoles } from '../auth/principal';
import type { Store, StoredEvent } from '../store/types';
import {
  actionSchema,
  confirmDustEvent,
  confirmDustSchema,
  eventForAction,
  proposeEvent,
  proposeSchema,
  warningActions,
} from '../warnings/actions';
import { bookOf, jurisdictionOfWarning } from '../warnings/book';
import { recordWarningEvent } from '../warnings/record';
import { HttpError, parseOr400 } from './errors';
import { enforce, requireJurisdiction, requirePrincipal } from './guards';

export type WarningOptions = {
  store: Store;
  /** The instant events are stamped with: the engine's now for the jurisdiction (CLOCK=data follows the data). */
  now: (jurisdiction: Jurisdiction) => number;
  /** After an event is stored: the engine re-folds and the live module sends it (engine.eventsAppended). */
  appended: (events: StoredEvent[]) => void;
};

/** Warning actions for signed-in command and office accounts; press and the wall are read-only (403). */
function actorOf(request: Request, jurisdiction: Jurisdiction): { actor: Actor; name: string } {
  const principal = requirePrincipal(request);
  if (principal.kind === 'feeder') throw new HttpError(403, { error: 'API keys may not act on warnings' });
  if (readOnlyRoles.includes(principal.account.role)) {
    throw new HttpError(403, { error: `role ${principal.account.role} is read-only for warnings` });
  }
  requireJurisdiction(principal, jurisdiction);
  return {
    actor: { userId: principal.account.username, role: principal.account.role },
    name: actorName(principal),
  };
}

export function warningsRouter(options: WarningOptions): Router {
  const { store } = options;
  const router = Router();
  const respond = (stored: StoredEvent) => {
    options.appended([stored]);
    const event = stored.payload as { warningId?: string };
    const warning = event.warningId
      ? bookOf(store, stored.jurisdiction).warnings[event.warningId]
      : undefined;
    return { seq: stored.seq, event: stored.payload, warning: warning ?? null };
  };

  router.get('/warnings', (request, response) => {
    const { jurisdiction } = parseOr400(
      z.object({ jurisdiction: jurisdictionSchema }),
      request.query,
      'query',
    );
    enforce(officeRecordsAccess(request.principal ?? null, jurisdiction));
    response.json(bookOf(store, jurisdiction));
  });

  router.post('/warnings/propose', (request, response) => {
    const body = parseOr400(proposeSchema, request.body, 'proposal');
    const { actor, name } = actorOf(request, body.jurisdiction);
    const event = proposeEvent(body, actor, options.now(body.jurisdiction));
    response.status(201).json(respond(recordWarningEvent(store, body.jurisdiction, event, name)));
  });

  router.post('/warnings/confirm-dust', (request, response) => {
    const body = parseOr400(confirmDustSchema, request.body, 'dust confirmation');
    const { actor, name } = actorOf(request, body.jurisdiction);
    const event = confirmDustEvent(body, actor, options.now(body.jurisdiction));
    response.status(201).json(respond(recordWarningEvent(store, body.jurisdiction, event, name)));
  });

  router.post('/warnings/:id/:action', (request, response) => {
    const action = parseOr400(z.enum(warningActions), request.params.action, 'action');
    const warningId = String(request.params.id);
    const jurisdiction = jurisdictionOfWarning(store, warningId);
    if (!jurisdiction) throw new HttpError(404, { error: `no warning ${warningId}` });
    const { actor, name } = actorOf(request, jurisdiction);
    const body = parseOr400(actionSchema(action), request.body, action);
    const event = eventForAction(
      store,
      jurisdiction,
      warningId,
      action,
      body,
      actor,
      options.now(jurisdiction),
    );
    response.json(respond(recordWarningEvent(store, jurisdiction, event, name)));
  });
  return router;
}
