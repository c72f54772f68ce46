import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import type { ServerConfig } from './config';
import { healthRouter } from './http/health';
import { unitsRouter } from './http/units';

const clientDist = fileURLToPath(new URL('../dist/client', import.meta.url));
const clientRoutes = ['/', '/wall', '/command', '/press'];

export type RunningServer = { http: Server; io: SocketServer; url: string; close: () => Promise<void> };

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const startedAt = Date.now();
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', healthRouter({ startedAt, storage: () => ({ kind: 'sqlite', ok: true }) }));
  app.use('/api', unitsRouter());
  app.get('/api/config', (_request, response) => {
    response.json({ basemapStyleUrl: config.basemapStyleUrl ?? null });
  });
  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: false }));
    app.get(clientRoutes, (_request, response) => response.sendFile('index.html', { root: clientDist }));
  }

  const http = createHttpServer(app);
  const io = new SocketServer(http, { serveClient: false });
  io.on('connection', (socket) => {
    socket.emit('hello', { serverTime: new Date().toISOString() });
  });

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const { port } = http.address() as AddressInfo;
  return {
    http,
    io,
    url: `http://localhost:${port}`,
    close: async () => {
      await io.close();
      http.closeAllConnections();
    },
  };
}
