import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Pages the writing connection may leave in the WAL before it checkpoints them itself, on the request that
 * crosses the mark: a safety valve for when the checkpointer thread falls behind (SQLite's default is 1,000).
 */
export const walPagesBeforeInlineCheckpoint = 20_000;

/** How long close() waits for the thread; past it (a thread that died mid-checkpoint) the writer closes anyway. */
const closeWaitMs = 10_000;

// Plain CommonJS for an eval worker (no TypeScript hooks needed): its own connection to the same file,
// synchronous=FULL like the writer's, so a checkpoint never lets the WAL be reused before the file is synced.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file);
database.pragma('synchronous = FULL');
database.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    database.close();
    const closed = new Int32Array(workerData.closed);
    Atomics.store(closed, 0, 1);
    Atomics.notify(closed, 0);
    parentPort.close();
    return;
  }
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
  parentPort.postMessage('done');
});
`;

/**
 * Moves committed WAL pages into the database file on a thread of its own. An hourly request of the whole
 * network dirties a page per station (the table is keyed by station, then time): 2,000 stations put ~8 MB in
 * the WAL, and SQLite's automatic checkpoint (every 1,000 pages, inside the commit that crosses the mark)
 * then wrote and synced them again before that request could be answered. The commit's own fsync of the WAL
 * stays on the request: a 2xx still means the write survives a crash. Started on the first commit.
 */
export function walCheckpointer(file: string) {
  let worker: Worker | null = null;
  let running = false;
  let again = false;
  let closed = false;
  let failed = false;
  // Set by the thread once its connection is closed, so that close() can wait for it without an event loop.
  const threadClosed = new Int32Array(new SharedArrayBuffer(4));

  function start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const started = new Worker(workerSource, {
      eval: true,
      execArgv: [],
      workerData: { file, driver, closed: threadClosed.buffer },
    });
    started.on('message', () => {
      running = false;
      if (again && !closed) post();
    });
    started.on('error', () => {
      // The writer's own automatic checkpoint (walPagesBeforeInlineCheckpoint) still bounds the WAL.
      failed = true;
      worker = null;
    });
    // After the listeners: adding one refs the worker again, and it must never keep the process alive.
    started.unref();
    return started;
  }

  let posting: NodeJS.Timeout | null = null;

  /** Checkpoints what is committed, once the checkpoint running now (if any) is done. */
  function post(): void {
    posting = null;
    if (closed || failed) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = true;
    worker ??= start();
    worker.postMessage('checkpoint');
  }

  /**
   * After a commit. Posted on a timer, i.e. after this turn's immediates: the request's answer and the engine
   * tick the commit scheduled come first. Waking the thread cost them ~0.15 ms on a busy machine, and its
   * checkpoint then shared the cores with their compute and emit (docs/PERFORMANCE.md, Live state).
   */
  function nudge(): void {
    if (closed || failed || posting) return;
    posting = setTimeout(post, 0);
    posting.unref();
  }

  return {
    nudge,
    /**
     * Waits (a checkpoint's length at most) until the thread's connection is closed: the writer's connection,
     * closed next, is then the last one, so the WAL is folded back and removed before close() returns and
     * nothing writes to the directory afterwards.
     */
    close(): void {
      closed = true;
      if (posting) clearTimeout(posting);
      posting = null;
      if (worker) {
        worker.postMessage('close');
        Atomics.wait(threadClosed, 0, 0, closeWaitMs);
      }
      worker = null;
    },
  };
}
