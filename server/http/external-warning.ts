import { Router } from 'express';
import { actorName } from '../auth/principal';
import type { Engine } from '../engine';
import {
  currentExternalWarning,
  type ExternalWarningInput,
  engineWarning,
  externalWarningDocumentKind,
  externalWarningInputSchema,
} from '../external-warning/external-warning';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { allow, requireJurisdiction, requirePrincipal } from './guards';

const setters = allow(['office-director', 'commander']);

/** GET, PUT and DELETE /external-regional-warning: Kizilsu's autonomous-region floor (plan 3.3.2). */
export function externalWarningRouter(store: Store, engine: Engine): Router {
  const router = Router();

  function record(warning: ExternalWarningInput | null, request: Parameters<typeof requirePrincipal>[0]) {
    const principal = requirePrincipal(request);
    requireJurisdiction(principal, 'kizilsu');
    const at = Date.now();
    const version = store.transaction(() => {
      const written = store.putDocument(externalWarningDocumentKind, warning, at);
      store.appendAudit({
        at,
        actor: actorName(principal),
        action: warning ? 'external-regional-warning.set' : 'external-regional-warning.clear',
        detail: { version: written, warning },
      });
      return written;
    });
    engine.setExternalRegionalWarning(warning && engineWarning(warning));
    return version;
  }

  router.get('/external-regional-warning', (_request, response) => {
    const stored = currentExternalWarning(store);
    if (!stored.ok) throw new HttpError(500, { error: stored.problem });
    response.json({ warning: stored.warning });
  });
  router.put('/external-regional-warning', setters, (request, response) => {
    const warning = parseOr400(externalWarningInputSchema, request.body, 'body');
    response.json({ version: record(warning, request), warning });
  });
  router.delete('/external-regional-warning', setters, (request, response) => {
    response.json({ version: record(null, request), warning: null });
  });
  return router;
}
