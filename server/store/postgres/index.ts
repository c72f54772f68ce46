import { mkdirSync } from 'node:fs';
import { auditKey } from '../sqlite/audit-anchor';
import { composeStore } from '../sqlite/compose';
import type { Store } from '../types';
import { postgresDatabase } from './database';
import { postgresMigrations } from './migrations';
import { openSyncConnection, type SyncConnection } from './sync-connection';

/** Held while one process migrates: the others wait, then find nothing left to do. */
const migrationLockKey = 7_317_020;

export function migratePostgres(connection: SyncConnection): number[] {
  connection.query(`SELECT pg_advisory_lock(${migrationLockKey})`);
  try {
    connection.query(
      'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const applied = new Set(
      (connection.query('SELECT version FROM migrations').rows as { version: number }[]).map(
        (row) => row.version,
      ),
    );
    const ran: number[] = [];
    for (const migration of postgresMigrations) {
      if (applied.has(migration.version)) continue;
      connection.query('BEGIN');
      try {
        connection.query(migration.sql);
        connection.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
        connection.query('COMMIT');
      } catch (error) {
        connection.query('ROLLBACK');
        throw error;
      }
      ran.push(migration.version);
    }
    return ran;
  } finally {
    connection.query(`SELECT pg_advisory_unlock(${migrationLockKey})`);
  }
}

/**
 * The PostgreSQL store (DATABASE_URL): the same repository code as SQLite (../sqlite/compose.ts) over a
 * synchronous connection (./sync-connection.ts). Tables are created at the first start on an empty
 * database. DATA_DIR still holds this process's audit anchor, and the audit key unless AUDIT_KEY is set:
 * every process of one installation needs the same key.
 */
export function createPostgresStore(
  url: string,
  options: { dataDir: string; auditKey?: string; copyStationsPerStep?: number },
): Store {
  mkdirSync(options.dataDir, { recursive: true });
  const connection = openSyncConnection(url, { connectTimeoutMs: 3_000, statementTimeoutMs: 30_000 });
  try {
    migratePostgres(connection);
  } catch (error) {
    connection.close();
    throw error;
  }
  return composeStore(postgresDatabase(connection), {
    kind: 'postgres',
    dataDir: options.dataDir,
    auditKey: auditKey(options.dataDir, options.auditKey),
    adoptAuditHead: true,
    copyStationsPerStep: options.copyStationsPerStep,
    // An asynchronous commit: PostgreSQL's WAL stays consistent, a crash may lose the last such commits.
    unsynced: (fn) => {
      connection.query('SET synchronous_commit = off');
      try {
        return fn();
      } finally {
        connection.query('RESET synchronous_commit');
      }
    },
    probe: () => connection.query('SELECT 1').rows.length === 1,
    close: () => connection.close(),
  });
}
