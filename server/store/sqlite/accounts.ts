import type { Role } from '../../../shared/plans/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { AccountRow, AccountStore } from '../types';

type AccountRecord = {
  id: string;
  username: string;
  role: Role;
  jurisdiction: Jurisdiction | null;
  password_hash: string;
  demo: number;
  created_at: number;
  disabled_at: number | null;
};

function toAccount(record: AccountRecord | undefined): AccountRow | null {
  if (!record) return null;
  return {
    id: record.id,
    username: record.username,
    role: record.role,
    jurisdiction: record.jurisdiction,
    passwordHash: record.password_hash,
    demo: record.demo === 1,
    createdAt: record.created_at,
    disabledAt: record.disabled_at,
  };
}

export function accountStore(database: SqlDatabase): AccountStore {
  const byUsername = database.prepare<[string], AccountRecord>('SELECT * FROM accounts WHERE username = ?');
  const byId = database.prepare<[string], AccountRecord>('SELECT * FROM accounts WHERE id = ?');
  const session = database.prepare<
    [string, number],
    { id: string; account_id: string; csrf_token: string; created_at: number; expires_at: number }
  >('SELECT * FROM sessions WHERE id = ? AND expires_at > ?');
  return {
    addAccount(row) {
      database
        .prepare(
          `INSERT INTO accounts (id, username, role, jurisdiction, password_hash, demo, created_at, disabled_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.id,
          row.username,
          row.role,
          row.jurisdiction,
          row.passwordHash,
          row.demo ? 1 : 0,
          row.createdAt,
          row.disabledAt,
        );
    },
    accountByUsername: (username) => toAccount(byUsername.get(username)),
    accountById: (id) => toAccount(byId.get(id)),
    accounts: () =>
      database
        .prepare<[], AccountRecord>('SELECT * FROM accounts ORDER BY created_at, username')
        .all()
        .map((record) => toAccount(record)!),
    replacePasswordHash(id, passwordHash) {
      database.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, id);
    },
    setAccountDisabledAt(id, disabledAt) {
      database.prepare('UPDATE accounts SET disabled_at = ? WHERE id = ?').run(disabledAt, id);
    },
    setAccountRole(id, role, jurisdiction) {
      database
        .prepare('UPDATE accounts SET role = ?, jurisdiction = ? WHERE id = ?')
        .run(role, jurisdiction, id);
    },
    accountCount: () =>
      database.prepare<[], { count: number }>('SELECT count(*) AS count FROM accounts').get()!.count,
    addSession(row) {
      database.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(row.createdAt);
      database
        .prepare(
          'INSERT INTO sessions (id, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(row.id, row.accountId, row.csrfToken, row.createdAt, row.expiresAt);
    },
    sessionById(id, now) {
      const record = session.get(id, now);
      return record
        ? {
            id: record.id,
            accountId: record.account_id,
            csrfToken: record.csrf_token,
            createdAt: record.created_at,
            expiresAt: record.expires_at,
          }
        : null;
    },
    deleteSession(id) {
      database.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    },
    deleteSessionsOf: (accountId) =>
      database.prepare('DELETE FROM sessions WHERE account_id = ?').run(accountId).changes,
    addFeederKey(row) {
      database
        .prepare('INSERT INTO feeder_keys (id, label, key_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(row.id, row.label, row.keyHash, row.createdAt);
    },
    feederKeyByHash(keyHash) {
      const record = database
        .prepare<[string], { id: string; label: string; key_hash: string; created_at: number }>(
          'SELECT * FROM feeder_keys WHERE key_hash = ?',
        )
        .get(keyHash);
      return record
        ? { id: record.id, label: record.label, keyHash: record.key_hash, createdAt: record.created_at }
        : null;
    },
  };
}
