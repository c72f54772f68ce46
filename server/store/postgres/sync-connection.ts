import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../unavailable';
import type { Reply, Request } from './protocol';

export type QueryResult = { rows: unknown[]; changes: number };

export type SyncConnection = {
  /** Runs one statement (or, without params, several) and returns when PostgreSQL has answered. */
  query(sql: string, params?: readonly unknown[], options?: { arrays?: boolean }): QueryResult;
  close(): void;
};

export type SyncConnectionOptions = {
  /** How long a (re)connection may take before the call fails as unavailable. */
  connectTimeoutMs: number;
  /** PostgreSQL's statement_timeout on the connection. */
  statementTimeoutMs: number;
};

/** A PostgreSQL error: the statement failed, the connection is fine (a constraint, a trigger, bad SQL). */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

// Worker threads do not inherit tsx's module hooks: register them in the worker before loading the entry.
function spawn(workerData: unknown, transferList: MessagePort[]): Worker {
  const entry = new URL('./worker.ts', import.meta.url);
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(source, { eval: true, execArgv: [], workerData, transferList });
}

/**
 * The store's interface is synchronous (better-sqlite3, ~70 call sites and store.transaction(fn) with a
 * synchronous fn). On PostgreSQL the same interface blocks the main thread on Atomics.wait while a worker
 * thread that owns the one connection runs the statement: a request handler's writes, and its COMMIT, are
 * done when the call returns, so a 2xx always follows a commit. The cost is one thread hop per statement
 * and a main thread that waits for the database, as it waits for the disk with SQLite.
 */
export function openSyncConnection(url: string, options: SyncConnectionOptions): SyncConnection {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1: port, port2: workerPort } = new MessageChannel();
  const worker = spawn({ url, flag, port: workerPort, ...options }, [workerPort]);
  worker.unref();
  let nextId = 0;
  let closed = false;
  // The worker's own module loading comes first; after that a call waits as long as PostgreSQL may take.
  const replyMs = options.connectTimeoutMs + options.statementTimeoutMs + 1_000;
  let started = false;

  function query(sql: string, params: readonly unknown[] = [], queryOptions: { arrays?: boolean } = {}) {
    if (closed) throw new StoreUnavailableError('the store is closed');
    const request: Request = { id: ++nextId, sql, params: [...params], arrays: queryOptions.arrays ?? false };
    Atomics.store(flag, 0, 0);
    port.postMessage(request);
    const deadline = Date.now() + (started ? replyMs : replyMs + 60_000);
    for (;;) {
      const waited = Atomics.wait(flag, 0, 0, Math.max(0, deadline - Date.now()));
      // Lower the flag before reading: an answer posted after this raises it again (the worker posts, then raises).
      Atomics.store(flag, 0, 0);
      for (;;) {
        const message = receiveMessageOnPort(port)?.message as Reply | undefined;
        if (!message) break;
        // A late answer to a call that timed out before is dropped.
        if (message.id !== request.id) continue;
        started = true;
        if (message.ok) return { rows: message.rows, changes: message.changes };
        if (message.lost) throw new StoreUnavailableError(message.message);
        throw new PostgresError(message.message, message.code);
      }
      if (waited === 'timed-out') throw new StoreUnavailableError('no answer from PostgreSQL in time');
    }
  }

  return {
    query,
    close() {
      if (closed) return;
      closed = true;
      port.close();
      void worker.terminate();
    },
  };
}
