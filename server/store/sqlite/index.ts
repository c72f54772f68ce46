import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../types';
import { accountStore } from './accounts';
import { auditStore } from './audit';
import { enterpriseCheckStore } from './enterprise-checks';
import { migrate } from './migrations';
import { observationStore } from './observations';
import { packetStore } from './packets';
import { documentStore, eventStore, forecastStore, stationStore } from './records';
import { reportStore } from './reports';
import { warningDocumentStore } from './warning-documents';

/**
 * The SQLite store: `${dataDir}/tianshan.db`, WAL journal. synchronous=FULL because an acknowledged write
 * must survive a crash (issue 6): in WAL mode NORMAL may lose the last commits on power loss, FULL fsyncs
 * the WAL on every commit.
 */
export function createStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const database = new Database(join(dataDir, 'tianshan.db'));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  migrate(database);
  let open = true;
  return {
    ...observationStore(database),
    ...forecastStore(database),
    ...stationStore(database),
    ...eventStore(database),
    ...auditStore(database),
    ...accountStore(database),
    ...documentStore(database),
    ...reportStore(database),
    ...enterpriseCheckStore(database),
    ...packetStore(database),
    ...warningDocumentStore(database),
    transaction: (fn) => database.transaction(fn)(),
    status() {
      if (!open) return { kind: 'sqlite', ok: false };
      try {
        database.prepare('SELECT 1').get();
        return { kind: 'sqlite', ok: true };
      } catch {
        return { kind: 'sqlite', ok: false };
      }
    },
    close() {
      if (!open) return;
      open = false;
      database.close();
    },
  };
}
