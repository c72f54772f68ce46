import { open } from 'node:fs/promises';

/**
 * `durable()` for a connection that commits with synchronous=NORMAL: fdatasync of the WAL file, where every
 * commit's pages are, on the libuv pool, so the event loop goes on meanwhile. Calls that arrive while a
 * sync runs share the next one (it may have started before their commit); that one serves them all.
 */
export function walSyncer(walFile: string): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  async function sync(): Promise<void> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(walFile, 'r');
    } catch (error) {
      // No WAL yet (nothing committed since the last connection closed and checkpointed it): nothing to sync.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  function durable(): Promise<void> {
    if (!running) {
      running = sync().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(
      () => {
        queued = null;
        return durable();
      },
      () => {
        queued = null;
        return durable();
      },
    );
    return queued;
  }
  return durable;
}
