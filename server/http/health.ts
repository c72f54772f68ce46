import { Router } from 'express';
import type { EngineFault } from '../engine/faults';
import type { AuditVerification } from '../store/types';
import { version } from '../version';

type StorageStatus = { kind: string; ok: boolean };

export type HealthOptions = {
  startedAt: number;
  storage: () => StorageStatus;
  /** Jurisdictions the engine could not compute, or whose stored events it left out. */
  engine: () => EngineFault[];
  /** The audit chain as last verified (at start, and at each GET /api/audit/verify). */
  audit: () => AuditVerification;
};

/**
 * GET /health: 503 only when storage is unusable (nothing can be served); a degraded engine or a broken
 * audit chain answer 200 with status "degraded", because the rest still serves the command room.
 */
export function healthRouter(options: HealthOptions): Router {
  const router = Router();
  router.get('/health', (_request, response) => {
    const storage = options.storage();
    const degraded = options.engine();
    const audit = options.audit();
    const ok = storage.ok && degraded.length === 0 && audit.ok;
    response.status(storage.ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      version,
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
      storage,
      engine: { degraded },
      audit,
    });
  });
  return router;
}
