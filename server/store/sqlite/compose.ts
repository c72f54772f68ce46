import type { SqlDatabase } from '../sql';
import type { Store } from '../types';
import { accountStore } from './accounts';
import { attemptStore } from './attempts';
import { auditStore } from './audit';
import { enterpriseCheckStore } from './enterprise-checks';
import { liveSequenceStore } from './live-sequences';
import { observationStore } from './observations';
import { packetStore } from './packets';
import { documentStore, eventStore, forecastStore, stationStore } from './records';
import { reportStore } from './reports';
import { warningDocumentStore } from './warning-documents';

export type ComposeOptions = {
  kind: 'sqlite' | 'postgres';
  dataDir: string;
  auditKey: Buffer;
  /** A process that joins a shared database starts its own anchor file at the current head. */
  adoptAuditHead: boolean;
  /** Whether the database answers (health). */
  probe: () => boolean;
  close: () => void;
  /** See ObservationStoreOptions. */
  copyStationsPerStep?: number;
  /**
   * Runs `fn`'s transaction with a commit that does not wait for the disk: only for derived data (the day
   * copy of observations), which a crash may set back to an earlier consistent state but not corrupt. The
   * next synced commit (any accepted write) makes it durable with its own.
   */
  unsynced: <T>(fn: () => T) => T;
};

/** The repository modules of this folder over either database (../sql.ts): one code path for both stores. */
export function composeStore(database: SqlDatabase, options: ComposeOptions): Store {
  let open = true;
  const audit = auditStore(database, options.dataDir, options.auditKey, options.adoptAuditHead);
  const { stopCompaction, ...observations } = observationStore(database, {
    compactOnIdle: true,
    copyStationsPerStep: options.copyStationsPerStep,
    unsynced: options.unsynced,
  });
  return {
    ...observations,
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
    ...liveSequenceStore(database, { oneProcess: options.kind === 'sqlite' }),
    ...attemptStore(database),
    transaction: (fn) => {
      const result = database.transaction(fn)();
      audit.anchorHead();
      return result;
    },
    status() {
      if (!open) return { kind: options.kind, ok: false };
      try {
        return { kind: options.kind, ok: options.probe() };
      } catch {
        return { kind: options.kind, ok: false };
      }
    },
    close() {
      if (!open) return;
      open = false;
      stopCompaction();
      options.close();
    },
  };
}
