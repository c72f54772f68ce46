import { Router } from 'express';
import { version } from '../version';

type StorageStatus = { kind: string; ok: boolean };

export function healthRouter(options: { startedAt: number; storage: () => StorageStatus }): Router {
  const router = Router();
  router.get('/health', (_request, response) => {
    const storage = options.storage();
    response.status(storage.ok ? 200 : 503).json({
      status: storage.ok ? 'ok' : 'degraded',
      version,
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
      storage,
    });
  });
  return router;
}
