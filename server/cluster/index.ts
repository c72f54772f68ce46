import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Engine } from '../engine';
import type { LiveSequence } from '../live';
import type { Store } from '../store/types';
import { engineFeed } from './engine-feed';
import { type Lease, startLease } from './lease';
import { connectRedis, type RedisLink } from './redis';

export type ClusterStatus = {
  adapter: 'redis-streams' | 'none';
  /** null without REDIS_URL. */
  redis: { ok: boolean } | null;
  /** Whether this process holds the engine lease, and who does. */
  leader: boolean;
  leaseHolder: string | null;
};

export type ClusterSettings = { databaseUrl: string | undefined; redisUrl: string | undefined };

/**
 * Several server processes on one PostgreSQL and one Redis (issue 19; docs/DEPLOY.md). The process holding
 * the engine lease (./lease.ts) sends the live deltas to every process's clients and runs the replay;
 * every engine hears every write (./engine-feed.ts) so that any process answers snapshots and state reads;
 * delta numbers come from the store, so they never go back across a takeover. While Redis is away every
 * process sends deltas to its own clients. On SQLite (one process) this process is the leader.
 */
export function startCluster(options: {
  settings: ClusterSettings;
  engine: Engine;
  store: Store;
  logger: Logger;
  /** Called when this process takes or loses the lease (the replay follows it). */
  leadership: (held: boolean) => void;
}) {
  const { settings, store, logger } = options;
  const name = `tianshan-air ${hostname()} pid ${process.pid}`;
  const redis: RedisLink | null = settings.redisUrl ? connectRedis(settings.redisUrl, logger) : null;
  const feed = redis ? engineFeed(options.engine, redis, name, logger) : null;
  let lease: Lease | null = null;
  const leader = () => (settings.databaseUrl ? (lease?.held() ?? false) : true);

  // The last numbers seen, for a snapshot while the store is away (they only ever grow).
  const known = new Map<Jurisdiction, number>();
  const remember = (jurisdiction: Jurisdiction, seq: number) => {
    known.set(jurisdiction, Math.max(seq, known.get(jurisdiction) ?? 0));
    return known.get(jurisdiction)!;
  };
  const sequence: LiveSequence = {
    current: (jurisdiction) => {
      try {
        return remember(jurisdiction, store.liveSequence(jurisdiction));
      } catch {
        return known.get(jurisdiction) ?? 0;
      }
    },
    advance: (jurisdiction) => {
      try {
        return remember(jurisdiction, store.advanceLiveSequence(jurisdiction));
      } catch (error) {
        logger.warn({ problem: (error as Error).message, jurisdiction }, 'delta not numbered: not sent');
        return null;
      }
    },
  };

  return {
    /** Once everything is wired: competes for the lease (PostgreSQL), or leads at once (SQLite, one process). */
    start(): void {
      if (settings.databaseUrl) lease = startLease(settings.databaseUrl, name, logger, options.leadership);
      else options.leadership(true);
    },
    /** The engine to tell about writes: on several processes, every process's engine hears them. */
    engine: feed?.engine ?? options.engine,
    sequence,
    attach: (io: Server) => redis?.attach(io),
    emits: (): 'cluster' | 'local' | false => {
      // Without Redis nothing reaches the other processes: each sends to its own clients.
      if (redis && !redis.ready()) return 'local';
      return leader() ? 'cluster' : false;
    },
    status: (): ClusterStatus => ({
      adapter: redis ? 'redis-streams' : 'none',
      redis: redis ? { ok: redis.ready() } : null,
      leader: leader(),
      leaseHolder: settings.databaseUrl ? (lease?.holder() ?? null) : name,
    }),
    async close() {
      feed?.close();
      await lease?.close();
      await redis?.close();
    },
  };
}
