import { Router } from 'express';
import { z } from 'zod';
import {
  checkRecorders,
  type EnterpriseCheck,
  enterpriseCheckInputSchema,
} from '../../geo/layers/enterprise-check';
import type { OfficeChange } from '../../shared/live/events';
import { plans } from '../../shared/plans';
import { levelsInForce } from '../../shared/rules/level-since';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import { officeRecordsAccess } from '../auth/access';
import { actorName } from '../auth/principal';
import { currentLayer } from '../layers/layers';
import type { Store } from '../store/types';
import { bookOf } from '../warnings/book';
import { HttpError, parseOr400 } from './errors';
import { allow, enforce, requireJurisdiction, requirePrincipal } from './guards';

export const enterpriseChecksQuerySchema = z.object({ jurisdiction: jurisdictionSchema });

export type CheckOptions = {
  store: Store;
  /** The engine's now: checks are stamped with it, as warning events and reports are (replay runs in 2019). */
  now: (jurisdiction: Jurisdiction) => number;
  /** Tells the prefecture's live clients, so other staff's lists and the map update without a poll. */
  onChange: (change: OfficeChange) => void;
};

/** POST /enterprise-checks records an on-site check or self-report; GET lists the latest per enterprise. */
export function enterpriseChecksRouter({ store, now, onChange }: CheckOptions): Router {
  const router = Router();
  router.get('/enterprise-checks', (request, response) => {
    const { jurisdiction } = parseOr400(enterpriseChecksQuerySchema, request.query, 'query');
    enforce(officeRecordsAccess(request.principal ?? null, jurisdiction));
    const at = now(jurisdiction);
    response.json({
      jurisdiction,
      now: at,
      checks: store.latestEnterpriseChecks(jurisdiction),
      levels: levelsInForce(bookOf(store, jurisdiction), plans[jurisdiction].unitIds, at),
    });
  });
  router.post('/enterprise-checks', allow(checkRecorders), (request, response) => {
    const body = parseOr400(enterpriseCheckInputSchema, request.body, 'enterprise check');
    const principal = requirePrincipal(request);
    if (principal.kind !== 'account') throw new HttpError(403, { error: 'API keys may not record checks' });
    requireJurisdiction(principal, body.jurisdiction);
    const layer = currentLayer(store, body.jurisdiction, 'enterprise');
    if (!layer.records.some((enterprise) => enterprise.id === body.enterpriseId))
      throw new HttpError(400, {
        error: 'invalid enterprise check',
        issues: [
          {
            field: 'enterpriseId',
            message: `${body.enterpriseId} is not in the ${body.jurisdiction} enterprise layer (${layer.source}, version ${layer.version})`,
          },
        ],
      });
    const check: EnterpriseCheck = {
      enterpriseId: body.enterpriseId,
      jurisdiction: body.jurisdiction,
      observed: body.observed,
      loadPercent: body.loadPercent ?? null,
      note: body.note || null,
      checkedAt: now(body.jurisdiction),
      checkedBy: principal.account.username,
    };
    store.transaction(() => {
      store.addEnterpriseCheck(check);
      store.appendAudit({
        at: Date.now(),
        actor: actorName(principal),
        action: 'enterprise-check.record',
        detail: { check },
      });
    });
    onChange({ jurisdiction: body.jurisdiction, kind: 'enterprise-checks' });
    response.status(201).json({ check });
  });
  return router;
}
