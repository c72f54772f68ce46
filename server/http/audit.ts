import { Router } from 'express';
import { z } from 'zod';
import { instantSchema } from '../../shared/time-schemas';
import { auditRoles } from '../auth/principal';
import type { AuditVerification, Store } from '../store/types';
import { parseOr400 } from './errors';
import { allow } from './guards';

export const auditQuerySchema = z.object({
  text: z.string().max(200).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

/**
 * GET /audit?text=&from=&to=&limit= (newest first), GET /audit/observation-changes?station= (replaced
 * station-hours, before and after) and GET /audit/verify, for the command and the office.
 */
export function auditRouter(store: Store, verified: (status: AuditVerification) => void): Router {
  const router = Router();
  router.get('/audit', allow(auditRoles), (request, response) => {
    const filter = parseOr400(auditQuerySchema, request.query, 'query');
    response.json({ entries: store.audit(filter) });
  });
  router.get('/audit/observation-changes', allow(auditRoles), (request, response) => {
    const { station } = parseOr400(
      z.object({ station: z.string().min(1).optional() }),
      request.query,
      'query',
    );
    response.json({ changes: store.observationChanges(station) });
  });
  router.get('/audit/verify', allow(auditRoles), (_request, response) => {
    const status = store.verifyAudit();
    verified(status);
    response.json(status);
  });
  return router;
}
