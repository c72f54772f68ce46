import pg from 'pg';
import type { Logger } from 'pino';

/** The engine lease: a session-level advisory lock, released by PostgreSQL when its holder's connection ends. */
const leaseKey = 7_317_021;
const pollMs = 1_000;

export type Lease = {
  /** Whether this process holds the lease now. */
  held: () => boolean;
  /** The holder's name (its application_name), as last seen; null when nobody holds it. */
  holder: () => string | null;
  close: () => Promise<void>;
};

/**
 * The engine tick's and the replay's lease across processes (issue 19). A killed holder's connection is
 * closed by its kernel, PostgreSQL drops its lock, and the next poll of another process (every second) takes
 * it: well within the 10 s the issue allows. A holder that loses its connection stops holding at once.
 */
export function startLease(
  url: string,
  name: string,
  logger: Logger,
  changed: (held: boolean) => void,
): Lease {
  let client: pg.Client | null = null;
  let held = false;
  let holder: string | null = null;
  let closed = false;

  function setHeld(next: boolean): void {
    if (next === held) return;
    held = next;
    logger.info({ lease: name, held }, next ? 'engine lease taken' : 'engine lease lost');
    changed(next);
  }

  async function poll(): Promise<void> {
    try {
      if (!client) {
        const fresh = new pg.Client({
          connectionString: url,
          application_name: name,
          connectionTimeoutMillis: 3_000,
        });
        fresh.on('error', () => {
          if (client === fresh) client = null;
          setHeld(false);
        });
        await fresh.connect();
        client = fresh;
      }
      if (!held) {
        const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [
          leaseKey,
        ]);
        setHeld(rows[0]!.taken);
      }
      const { rows } = await client.query<{ name: string }>(
        `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = $1 AND l.granted`,
        [leaseKey],
      );
      holder = rows[0]?.name ?? null;
    } catch (error) {
      logger.debug({ problem: (error as Error).message }, 'engine lease: poll failed');
      const lost = client;
      client = null;
      holder = null;
      setHeld(false);
      await lost?.end().catch(() => {});
    }
  }

  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    await poll();
    if (!closed) timer = setTimeout(() => void loop(), pollMs);
  };
  void loop();

  return {
    held: () => held,
    holder: () => holder,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      setHeld(false);
      await client?.end().catch(() => {});
    },
  };
}
