import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO options for live state. No connection state recovery: it would replay every delta a client
 * missed while away; a reconnecting client joins again and gets one snapshot instead (issue 16.3).
 */
export const liveServerOptions: Partial<ServerOptions> = { serveClient: false };
