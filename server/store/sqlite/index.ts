import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../types';
import { auditKey } from './audit-anchor';
import { walCheckpointer, walPagesBeforeInlineCheckpoint } from './checkpointer';
import { composeStore } from './compose';
import { migrate } from './migrations';

/**
 * The SQLite store: `${dataDir}/tianshan.db`, WAL journal. synchronous=FULL because an acknowledged write
 * must survive a crash (issue 6): in WAL mode NORMAL may lose the last commits on power loss, FULL fsyncs
 * the WAL on every commit. The audit key (AUDIT_KEY, else DATA_DIR/audit.key) signs the audit chain.
 */
export function createStore(
  dataDir: string,
  options: { auditKey?: string; copyStationsPerStep?: number } = {},
): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'tianshan.db');
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
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
    // In WAL mode NORMAL commits without an fsync; the WAL is still synced before every checkpoint, and
    // recovery keeps a consistent prefix of the commits. The day copy's steps took 3 of their 7 s in
    // those fsyncs after a bulk. Its pages are checkpointed on the thread too: left to the writer's own
    // checkpoint at walPagesBeforeInlineCheckpoint, a step held the event loop ~100 ms every 2 s.
    unsynced: (fn) => {
      if (database.inTransaction) return fn();
      database.pragma('synchronous = NORMAL');
      try {
        return fn();
      } finally {
        database.pragma('synchronous = FULL');
        checkpointer.nudge();
      }
    },
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
