import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportPlanOf } from './jobs';

/** Why an import produced no plan: it ran out of time or memory, crashed, or too many are waiting. */
export type ImportFailure = { reason: 'timeout' | 'crashed' | 'busy'; message: string };
export type ImportOutcome<Job extends ImportJob> =
  | { ok: true; plan: ImportPlanOf<Job> }
  | { ok: false; failure: ImportFailure };

export type ImportRunnerOptions = {
  /** How long one file may take to read and check. */
  timeoutMs: number;
  /** Imports waiting behind the running one before new ones are refused. */
  maxQueued: number;
  /** The worker's heap ceiling: a file that needs more fails alone. */
  maxHeapMb: number;
  /** An idle worker is stopped after this long, returning its memory. */
  idleMs: number;
  /** The worker module (tests substitute one that misbehaves). */
  entry?: URL;
};

export const importRunnerDefaults: ImportRunnerOptions = {
  timeoutMs: 20_000,
  maxQueued: 8,
  maxHeapMb: 768,
  idleMs: 60_000,
};

/** Loading the worker's modules is not the file's fault, but a worker that never comes up is a failure. */
const startupMs = 60_000;

type Outcome = ImportOutcome<ImportJob>;
type Pending = { id: number; job: ImportJob; settle: (outcome: Outcome) => void; timer?: NodeJS.Timeout };
type Reply = { ready?: true; id?: number; ok?: boolean; plan?: unknown; error?: string };

const failed = (reason: ImportFailure['reason'], message: string): Outcome => ({
  ok: false,
  failure: { reason, message },
});

// Worker threads do not inherit tsx's module hooks: register them in the worker before loading the entry.
function spawn(entry: URL, maxHeapMb: number): Worker {
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(source, {
    eval: true,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
}

/**
 * Runs boundary and layer imports in a worker thread (issue 14, item 2): a file that makes a parser spin or
 * swell stops its own worker at the time limit or the heap ceiling, never the event loop that serves the
 * wall's live feed. One import runs at a time; a stopped worker is replaced at the next import.
 */
export function createImportRunner(options: ImportRunnerOptions = importRunnerDefaults) {
  const entry = options.entry ?? new URL('./worker.ts', import.meta.url);
  const queue: Pending[] = [];
  let worker: { thread: Worker; ready: boolean } | null = null;
  let running: Pending | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;

  function stopWorker(): void {
    if (!worker) return;
    void worker.thread.terminate();
    worker = null;
  }

  function finish(pending: Pending, outcome: Outcome): void {
    if (running !== pending) return;
    clearTimeout(pending.timer);
    running = null;
    pending.settle(outcome);
    startNext();
  }

  /** The clock for the running job: on expiry its worker is stopped, whatever it is doing. */
  function arm(pending: Pending, ms: number, outcome: Outcome): void {
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      stopWorker();
      finish(pending, outcome);
    }, ms).unref();
  }

  function dispatch(pending: Pending): void {
    const thread = worker!.thread;
    arm(
      pending,
      options.timeoutMs,
      failed('timeout', `reading the file took longer than ${options.timeoutMs / 1000} s`),
    );
    const bytes = pending.job.file.bytes.slice();
    thread.postMessage({ id: pending.id, job: { ...pending.job, file: { ...pending.job.file, bytes } } }, [
      bytes.buffer,
    ]);
  }

  function startWorker(): void {
    const thread = spawn(entry, options.maxHeapMb);
    const current = { thread, ready: false };
    worker = current;
    thread.on('message', (reply: Reply) => {
      if (reply.ready) {
        current.ready = true;
        if (running && worker === current) dispatch(running);
        return;
      }
      if (!running || running.id !== reply.id) return;
      finish(
        running,
        reply.ok
          ? { ok: true, plan: reply.plan as ImportPlanOf<ImportJob> }
          : failed('crashed', `the file could not be read: ${reply.error}`),
      );
    });
    // A worker that dies on its own (out of memory, a crash) fails the job it was running; one we stopped does not.
    const lost = (message: string) => {
      if (worker !== current) return;
      worker = null;
      if (running) finish(running, failed('crashed', message));
    };
    thread.on('error', (error: Error & { code?: string }) =>
      lost(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `reading the file needed more than ${options.maxHeapMb} MB of memory`
          : `the file could not be read: ${error.message}`,
      ),
    );
    thread.on('exit', () => lost('the import worker stopped'));
  }

  function startNext(): void {
    if (running) return;
    const pending = queue.shift();
    if (!pending) {
      if (worker && !idleTimer) idleTimer = setTimeout(stopWorker, options.idleMs).unref();
      return;
    }
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    running = pending;
    if (worker?.ready) dispatch(pending);
    else {
      if (!worker) startWorker();
      arm(pending, startupMs, failed('crashed', 'the import worker did not start'));
    }
  }

  return {
    run<Job extends ImportJob>(job: Job): Promise<ImportOutcome<Job>> {
      if (queue.length >= options.maxQueued)
        return Promise.resolve({
          ok: false,
          failure: { reason: 'busy', message: `${queue.length} imports are waiting; retry in a minute` },
        });
      return new Promise((resolve) => {
        queue.push({ id: nextId++, job, settle: resolve as (outcome: Outcome) => void });
        startNext();
      });
    },
    close(): void {
      if (idleTimer) clearTimeout(idleTimer);
      for (const pending of queue.splice(0)) pending.settle(failed('busy', 'the server is stopping'));
      if (running) finish(running, failed('busy', 'the server is stopping'));
      stopWorker();
    },
  };
}

export type ImportRunner = ReturnType<typeof createImportRunner>;
