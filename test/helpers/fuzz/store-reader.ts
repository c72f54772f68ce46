import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Every table's rows as one hash, and the audit's last entry: what the probe compares before and after. */
export type TableSnapshot = { tables: Map<string, string>; auditSeq: number };

/**
 * The fuzz probe's own look into the server's store, beside the server (never through it): the same
 * snapshot on SQLite and on PostgreSQL, so that "a refusal writes nothing" is checked on both stores.
 */
export type StoreReader = {
  snapshot: () => Promise<TableSnapshot>;
  /** The actions of the audit entries after `seq`. */
  auditActionsAfter: (seq: number) => Promise<string[]>;
  close: () => Promise<void>;
};

/**
 * What a refusal writes by design: its audit entry, and a failed sign-in's count for the login limit; and
 * what the store writes on its own between requests: the station-major copy of complete days, derived from
 * the observations (server/store/sqlite/observation-days.ts), filled while the server is idle.
 */
const writtenByDesign = [
  'audit',
  'login_attempts',
  'observation_days',
  'observation_days_through',
  'observation_days_pending',
];

function hashRows(rows: unknown[]): string {
  const lines = rows.map((row) => JSON.stringify(row)).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

function sqliteReader(dataDir: string): StoreReader {
  const database = new Database(join(dataDir, 'tianshan.db'), { readonly: true });
  return {
    async snapshot() {
      const tables = new Map<string, string>();
      const names = database
        .prepare<string[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN (${writtenByDesign.map(() => '?').join(', ')})`,
        )
        .all(...writtenByDesign);
      for (const { name } of names)
        tables.set(name, hashRows(database.prepare(`SELECT * FROM "${name}"`).all()));
      const { seq } = database
        .prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM audit')
        .get()!;
      return { tables, auditSeq: seq };
    },
    async auditActionsAfter(seq) {
      return database
        .prepare<[number], { action: string }>('SELECT action FROM audit WHERE seq > ?')
        .all(seq)
        .map(({ action }) => action);
    },
    async close() {
      database.close();
    },
  };
}

async function postgresReader(url: string): Promise<StoreReader> {
  const client = new pg.Client(url);
  await client.connect();
  return {
    async snapshot() {
      const tables = new Map<string, string>();
      const names = await client.query<{ name: string }>(
        'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND NOT tablename = ANY($1)',
        [writtenByDesign],
      );
      for (const { name } of names.rows)
        tables.set(name, hashRows((await client.query(`SELECT * FROM "${name}"`)).rows));
      const { rows } = await client.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM audit');
      return { tables, auditSeq: Number(rows[0]!.seq) };
    },
    async auditActionsAfter(seq) {
      const { rows } = await client.query<{ action: string }>('SELECT action FROM audit WHERE seq > $1', [
        seq,
      ]);
      return rows.map(({ action }) => action);
    },
    close: () => client.end(),
  };
}

/** The reader for the store a test server runs on: its PostgreSQL database, or the SQLite file in its DATA_DIR. */
export function storeReader(server: {
  dataDir: string;
  databaseUrl: string | undefined;
}): Promise<StoreReader> {
  return server.databaseUrl
    ? postgresReader(server.databaseUrl)
    : Promise.resolve(sqliteReader(server.dataDir));
}
