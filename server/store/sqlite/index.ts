import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../types';
import { accountStore } from './accounts';
import { auditStore } from './audit';
import { auditKey } from './audit-anchor';
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
 * the WAL on every commit. The audit key (AUDIT_KEY, else DATA_DIR/audit.key) signs the audit chain.
 */
export function createStore(dataDir: string, options: { auditKey?: string } = {}): Store {
  mkdirSync(dataDir, { recursive: true });
  const database = new Database(join(dataDir, 'tianshan.db'));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  migrate(database);
  let open = true;
  const audit = auditStore(database, dataDir, auditKey(dataDir, options.auditKey));
  return {
    ...observationStore(database),
    ...forecastStore(database),
    ...stationStore(database),
    ...eventStore(database),
    appendAudit: audit.appendAudit,
    audit: audit.audit,
    verifyAudit: audit.verifyAudit,
    ...accountStore(database),
    ...documentStore(database),
    ...reportStore(database),
    ...enterpriseCheckStore(database),
    ...packetStore(database),
    ...warningDocumentStore(database),
    transaction: (fn) => {
      const result = database.transaction(fn)();
      audit.anchorHead();
      return result;
    },
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
