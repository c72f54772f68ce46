import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../types';
import { auditKey } from './audit-anchor';
import { walCheckpointer, walPagesBeforeInlineCheckpoint } from './checkpointer';
import { composeStore } from './compose';
import { migrate } from './migrations';
import { walSyncer } from './wal-sync';

/**
 * The SQLite store: `${dataDir}/tianshan.db`, WAL journal. An acknowledged write must survive a crash
 * (issue 6), power loss included: in WAL mode synchronous=NORMAL commits without an fsync (a power loss may
 * lose the last commits, never corrupt), so the WAL is synced by `durable()` on the libuv pool, which every
 * acknowledgement of a write waits for (server/http/durable-writes.ts). FULL fsynced inside the commit, on
 * the event loop: 4 ms typically and 45 ms at p90 on this machine's disk, before the engine could tick on
 * the new hour. The audit key (AUDIT_KEY, else DATA_DIR/audit.key) signs the audit chain.
 */
export function createStore(
  dataDir: string,
  options: { auditKey?: string; copyStationsPerStep?: number } = {},
): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'tianshan.db');
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // 64 MB of page cache instead of SQLite's 2 MB: one station's year is 8,760 lookups on as many leaf pages,
  // and with 2 MB even the tree's inner pages are read again through the WAL index on every lookup.
  database.pragma(`cache_size = ${-64 * 1024}`);
  // Checkpoints run on their own thread after each commit (./checkpointer.ts), not inside a request's commit.
  database.pragma(`wal_autocheckpoint = ${walPagesBeforeInlineCheckpoint}`);
  migrate(database);
  const checkpointer = walCheckpointer(file);
  const store = composeStore(database, {
    kind: 'sqlite',
    dataDir,
    auditKey: auditKey(dataDir, options.auditKey),
    adoptAuditHead: false,
    copyStationsPerStep: options.copyStationsPerStep,
    // Nobody waits for the day copy's steps to reach the disk (the next durable() takes them along).
    // Their pages are checkpointed on the thread too: left to the writer's own checkpoint at
    // walPagesBeforeInlineCheckpoint, a step held the event loop ~100 ms every 2 s.
    unsynced: (fn) => {
      if (database.inTransaction) return fn();
      try {
        return fn();
      } finally {
        checkpointer.nudge();
      }
    },
    durable: walSyncer(`${file}-wal`),
    probe: () => database.prepare('SELECT 1').get() !== undefined,
    close: () => {
      checkpointer.close();
      database.close();
    },
  });
  const { transaction } = store;
  store.transaction = (fn) => {
    const result = transaction(fn);
    if (!database.inTransaction) checkpointer.nudge();
    return result;
  };
  return store;
}
