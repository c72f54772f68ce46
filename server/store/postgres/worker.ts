import { type MessagePort, workerData } from 'node:worker_threads';
import pg from 'pg';
import type { Reply, Request } from './protocol';

/**
 * The thread that holds the PostgreSQL connection (./sync-connection.ts): one request at a time from the
 * blocked main thread, answered on its port, then the shared flag is raised and the main thread woken.
 * One connection, so a transaction's statements all run on it.
 */
const { url, flag, port, connectTimeoutMs, statementTimeoutMs } = workerData as {
  url: string;
  flag: Int32Array;
  port: MessagePort;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
};

// BIGINT columns hold epoch ms and counts, all below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

let client: pg.Client | null = null;
/** After a failed connection attempt, calls fail at once for a moment instead of each waiting the timeout. */
const retryPauseMs = 1_000;
let failedAt = 0;

async function connection(): Promise<pg.Client> {
  if (client) return client;
  if (Date.now() - failedAt < retryPauseMs) throw new Error('PostgreSQL is unreachable; retrying');
  const fresh = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    application_name: 'tianshan-air',
  });
  // A lost connection is noticed by the next query; the one after that reconnects.
  fresh.on('error', () => {
    if (client === fresh) client = null;
  });
  try {
    await fresh.connect();
  } catch (error) {
    failedAt = Date.now();
    throw error;
  }
  client = fresh;
  return fresh;
}

const connectionLost = (error: unknown): boolean => {
  const code = (error as { code?: string }).code ?? '';
  return (
    !code ||
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    /^E[A-Z]+$/.test(code)
  );
};

async function answer(request: Request): Promise<Reply> {
  let used: pg.Client | null = null;
  try {
    used = await connection();
    const result = request.arrays
      ? await used.query({ text: request.sql, values: request.params, rowMode: 'array' })
      : await used.query({ text: request.sql, values: request.params });
    const last = Array.isArray(result) ? result.at(-1) : result;
    return { id: request.id, ok: true, rows: last?.rows ?? [], changes: last?.rowCount ?? 0 };
  } catch (error) {
    const lost = connectionLost(error);
    if (lost && used) {
      if (client === used) client = null;
      void used.end().catch(() => {});
    }
    return {
      id: request.id,
      ok: false,
      lost,
      message: error instanceof Error ? error.message : String(error),
      code: (error as { code?: string }).code ?? null,
    };
  }
}

port.on('message', (request: Request) => {
  void answer(request).then((reply) => {
    port.postMessage(reply);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
});
