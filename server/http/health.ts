import { Router } from 'express';
import type { ClusterStatus } from '../cluster';
import type { EngineFault } from '../engine/faults';
import type { AuditVerification } from '../store/types';
import { version } from '../version';

type StorageStatus = { kind: string; ok: boolean };

export type HealthOptions = {
  startedAt: number;
  storage: () => StorageStatus;
  /** Several processes: the Socket.IO adapter, Redis, and who holds the engine lease (server/cluster). */
  cluster: () => ClusterStatus;
  /** Jurisdictions the engine could not compute, or whose stored events it left out. */
  engine: () => EngineFault[];
  /** The audit chain as last verified (at start, and at each GET /api/audit/verify). */
  audit: () => AuditVerification;
};

/**
 * GET /health: 503 only when storage is unusable (nothing can be served); a degraded engine, a broken
 * audit chain or Redis away answer 200 with status "degraded", because the rest still serves the command
 * room (without Redis, each process its own clients).
 */
export function healthRouter(options: HealthOptions): Router {
  const router = Router();
  router.get('/health', (_request, response) => {
    const storage = options.storage();
    const degraded = options.engine();
    const audit = options.audit();
    const cluster = options.cluster();
    const ok = storage.ok && degraded.length === 0 && audit.ok && cluster.redis?.ok !== false;
    response.status(storage.ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      version,
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
      storage,
      adapter: cluster.adapter,
      redis: cluster.redis,
      engine: { degraded, leader: cluster.leader, leaseHolder: cluster.leaseHolder },
      audit,
    });
  });
  return router;
}
