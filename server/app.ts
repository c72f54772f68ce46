import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { Server as SocketServer } from 'socket.io';
import { pointNearUnit, unitContaining } from '../geo/boundaries/locate';
import type { OfficeChange } from '../shared/live/events';
import { type DemoAccount, ensureDemoAccounts } from './auth/accounts';
import { socketAuthorizer } from './auth/socket';
import { createBoundaryService } from './boundaries';
import { startCluster } from './cluster';
import type { ServerConfig } from './config';
import { createEngine } from './engine';
import { restoreExternalWarning } from './external-warning';
import { auditRouter } from './http/audit';
import { authRouter } from './http/auth';
import { boundariesRouter } from './http/boundaries';
import { enterpriseChecksRouter } from './http/enterprise-checks';
import { errorHandler, notFound } from './http/errors';
import { externalWarningRouter } from './http/external-warning';
import { authenticate } from './http/guards';
import { healthRouter } from './http/health';
import { bodyLimit, ingestRouter } from './http/ingest';
import { layersRouter } from './http/layers';
import { pressRouter } from './http/press';
import { reportsRouter } from './http/reports';
import { securityHeaders } from './http/security-headers';
import { stateRouter } from './http/state';
import { clientRouter } from './http/static';
import { unitsRouter } from './http/units';
import { warningsRouter } from './http/warnings';
import { createImportRunner } from './imports/runner';
import { createIngest } from './ingest/service';
import { attachLive, liveServerOptions } from './live';
import { replayIngestFor, startReplay } from './replay';
import { openStore } from './store';

export type RunningServer = {
  http: Server;
  io: SocketServer;
  url: string;
  /** Demo mode only: the demo accounts in the store, with their passwords. */
  demoAccounts: DemoAccount[];
  close: () => Promise<void>;
};

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel });
  const store = openStore(config);
  // The audit chain is checked at every start; a broken chain is logged and shown in /api/health.
  const audit = { status: store.verifyAudit() };
  if (!audit.status.ok) logger.error({ audit: audit.status }, 'audit chain broken');
  // Demo mode: the default start (replay on) with no accounts yet gets one account per role.
  const demoAccounts = config.replay ? await ensureDemoAccounts(store) : [];
  const boundaries = createBoundaryService(store);
  const localEngine = createEngine({
    store,
    clock: config.clock,
    adjacency: boundaries.adjacency,
    logError: (error, jurisdiction) =>
      logger.error({ err: error, jurisdiction }, 'engine computation failed'),
  });
  // The replay runs on the lease holder only (several processes: server/cluster); it starts once the lease is known.
  let replay: ReturnType<typeof startReplay> | null = null;
  const cluster = startCluster({
    settings: config,
    engine: localEngine,
    store,
    logger,
    leadership: (held) => {
      if (!config.replay) return;
      if (held && !replay) {
        replay = startReplay(replayIngestFor(ingest, engine, store), config.replaySettings);
        replay.running.catch((error: unknown) => logger.error({ err: error }, 'replay stopped'));
      } else if (!held && replay) {
        replay.stop();
        replay = null;
      }
    },
  });
  // Every write is told to this engine, and through the cluster's feed to every other process's.
  const engine = cluster.engine;
  // Each process restores it from the store itself: nothing for the other engines to hear.
  const unrestored = restoreExternalWarning(store, localEngine);
  if (unrestored) logger.error({ problem: unrestored }, 'external regional warning not restored');
  // A station's unit is looked up in the boundaries in force (official ones once imported).
  const ingest = createIngest(store, logger, {
    unitAt: (lon, lat) => unitContaining(boundaries.registry().features, lon, lat),
    near: (unitId, lon, lat) => pointNearUnit(boundaries.boxes(), unitId, lon, lat),
  });
  const imports = createImportRunner();
  ingest.listen(engine);

  const app = express();
  app.disable('x-powered-by');
  // No ETag hashed from every API body: the API answers live data, no client revalidates it, and hashing a
  // station's year (1.5 MB) cost more than reading it from the cache would save. /api/boundaries sets its own.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config.basemapStyleUrl));
  app.use('/api', express.json({ limit: bodyLimit }), authenticate(store, config.feederKey));
  app.use(
    '/api',
    healthRouter({
      startedAt: Date.now(),
      storage: () => store.status(),
      cluster: cluster.status,
      engine: engine.faults,
      audit: () => audit.status,
    }),
  );
  app.get('/api/config', (_request, response) => {
    response.json({ basemapStyleUrl: config.basemapStyleUrl ?? null });
  });
  app.use('/api', unitsRouter(boundaries));
  app.use(
    '/api',
    boundariesRouter({
      store,
      boundaries,
      imports,
      boundariesChanged: () => {
        ingest.stationsRewritten();
        engine.stationsChanged();
      },
    }),
  );
  app.use('/api', externalWarningRouter(store, engine));
  app.use('/api', authRouter(store, { cookieSecure: config.cookieSecure }));
  app.use('/api', ingestRouter(ingest, store));
  app.use(
    '/api',
    warningsRouter({
      store,
      now: engine.now,
      evaluation: engine.evaluation,
      appended: engine.eventsAppended,
    }),
  );
  // The routers exist before the sockets do; office changes reach the live clients once they are attached.
  let officeChanged: (change: OfficeChange) => void = () => {};
  const onChange = (change: OfficeChange) => officeChanged(change);
  app.use('/api', reportsRouter({ store, now: engine.now, onChange }));
  app.use('/api', enterpriseChecksRouter({ store, now: engine.now, onChange }));
  app.use('/api', layersRouter(store, imports, boundaries));
  app.use(
    '/api',
    auditRouter(store, (status) => (audit.status = status)),
  );
  app.use('/api', stateRouter(engine));
  app.use('/api', pressRouter({ store, engine, exercise: config.replay }));
  app.use('/api', notFound);
  app.use(clientRouter());
  app.use(errorHandler(logger));

  // Node closes an idle kept-alive connection after 5 s; a reverse proxy (or a client whose request was
  // queued behind a busy event loop) that reuses it at that moment gets a reset. Outlast the usual proxy
  // idle timeout (60 s) instead.
  const http = createHttpServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, app);
  const io = new SocketServer(http, liveServerOptions);
  cluster.attach(io);
  const live = attachLive({
    io,
    engine,
    authorize: socketAuthorizer(store),
    sequence: cluster.sequence,
    emits: cluster.emits,
    recheckMs: config.liveRecheckSeconds * 1000,
  });
  officeChanged = live.officeChanged;

  cluster.start();
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const { port } = http.address() as AddressInfo;
  return {
    http,
    io,
    url: `http://localhost:${port}`,
    demoAccounts,
    close: async () => {
      replay?.stop();
      await cluster.close();
      await io.close();
      http.closeAllConnections();
      // Let a scheduled engine tick finish before the store it reads is closed.
      await engine.settled();
      live.close();
      imports.close();
      engine.close();
      store.close();
    },
  };
}
