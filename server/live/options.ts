import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO options for live state: connection state recovery restores a briefly disconnected client's
 * rooms and the deltas it missed (issue 6, "reconnection restores state"); beyond two minutes it resyncs.
 */
export const liveServerOptions: Partial<ServerOptions> = {
  serveClient: false,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
};
