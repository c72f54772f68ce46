import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Someone with direct access to the database: an UPDATE of the audit log is refused by its append-only
 * guard (the error is returned), then the guard is dropped and entry `seq` rewritten with `from` → `to`
 * in its detail.
 */
export async function rewriteAuditEntry(
  server: { dataDir: string; databaseUrl?: string | undefined },
  seq: number,
  from: string,
  to: string,
): Promise<Error | null> {
  if (!server.databaseUrl) {
    const database = new Database(join(server.dataDir, 'tianshan.db'));
    try {
      let refused: Error | null = null;
      try {
        database.prepare(`UPDATE audit SET actor = 'nobody' WHERE seq = ${seq}`).run();
      } catch (error) {
        refused = error as Error;
      }
      database.exec('DROP TRIGGER audit_no_update');
      database.prepare('UPDATE audit SET detail = replace(detail, ?, ?) WHERE seq = ?').run(from, to, seq);
      return refused;
    } finally {
      database.close();
    }
  }
  const client = new pg.Client(server.databaseUrl);
  await client.connect();
  try {
    const refused = await client.query(`UPDATE audit SET actor = 'nobody' WHERE seq = ${seq}`).then(
      () => null,
      (error: Error) => error,
    );
    await client.query('ALTER TABLE audit DISABLE TRIGGER audit_append_only');
    await client.query('UPDATE audit SET detail = replace(detail, $1, $2) WHERE seq = $3', [from, to, seq]);
    return refused;
  } finally {
    await client.end();
  }
}
