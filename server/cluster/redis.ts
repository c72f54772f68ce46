import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Server } from 'socket.io';

export type RedisLink = {
  /** Whether Redis answers now (the adapter's connection is up). */
  ready: () => boolean;
  /** For the engine feed: commands wait for Redis while it is away, then go (offline queue). */
  feed: ReturnType<typeof createClient>;
  /** A blocking reader of the engine feed. */
  reader: ReturnType<typeof createClient>;
  /** Makes Socket.IO broadcast through Redis. */
  attach: (io: Server) => void;
  close: () => Promise<void>;
};

/** Reconnect every half second at most: Redis returning should be noticed at once. */
const reconnectStrategy = (retries: number) => Math.min(100 * (retries + 1), 500);

/**
 * REDIS_URL: Socket.IO's redis-streams adapter (a delta sent by one process reaches every process's clients,
 * and connection-state recovery works across processes) and the engine feed's connections. The adapter's
 * client has no offline queue: while Redis is away a broadcast fails at once and still reaches this
 * process's own clients, instead of waiting for Redis. Nothing here waits for Redis at start.
 */
export function connectRedis(url: string, logger: Logger): RedisLink {
  let lastError = 0;
  const logError = (error: Error) => {
    // One line every 10 s while Redis is away, not one per retry.
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    logger.warn({ problem: error.message }, 'redis unavailable');
  };
  const adapterClient = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy } });
  // The adapter reads its stream on a duplicate of this client in a loop that retries at once on an error:
  // without an offline queue that loop would spin while Redis is away, so the reader keeps its queue (its
  // XREAD waits for Redis to return).
  const duplicate = adapterClient.duplicate.bind(adapterClient);
  adapterClient.duplicate = ((overrides) =>
    duplicate({ ...overrides, disableOfflineQueue: false })) as typeof adapterClient.duplicate;
  const feed = createClient({ url, socket: { reconnectStrategy } });
  const reader = createClient({ url, socket: { reconnectStrategy } });
  for (const client of [adapterClient, feed, reader]) {
    client.on('error', logError);
    client.connect().catch(logError);
  }
  return {
    attach: (io) => {
      io.adapter(createAdapter(adapterClient, { streamName: 'tianshan:socket.io', blockTimeInMs: 2_000 }));
    },
    ready: () => adapterClient.isReady,
    feed,
    reader,
    async close() {
      for (const client of [adapterClient, feed, reader]) client.destroy();
    },
  };
}
