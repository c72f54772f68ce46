import type Database from 'better-sqlite3';
import type { AuditEntry, AuditStore } from '../types';
import { canonicalJson, sha256 } from './canonical';

const genesisHash = '0'.repeat(64);

type AuditRecord = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  detail: string;
  previous_hash: string;
  hash: string;
};

/** hash = sha256(previousHash + canonical JSON of { seq, at, actor, action, detail }). */
function entryHash(
  previousHash: string,
  entry: Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'detail'>,
) {
  const { seq, at, actor, action, detail } = entry;
  return sha256(previousHash + canonicalJson({ seq, at, actor, action, detail }));
}

function toEntry(record: AuditRecord): AuditEntry {
  return {
    seq: record.seq,
    at: record.at,
    actor: record.actor,
    action: record.action,
    detail: JSON.parse(record.detail),
    previousHash: record.previous_hash,
    hash: record.hash,
  };
}

export function auditStore(database: Database.Database): AuditStore & {
  verifyAudit(): { ok: true; entries: number } | { ok: false; brokenAt: number };
} {
  const last = database.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1',
  );
  const insert = database.prepare(
    'INSERT INTO audit (seq, at, actor, action, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const append = database.transaction((entry: Parameters<AuditStore['appendAudit']>[0]): AuditEntry => {
    const previous = last.get();
    const seq = (previous?.seq ?? 0) + 1;
    const previousHash = previous?.hash ?? genesisHash;
    // Round-trip the detail through JSON so the hash covers exactly what is stored.
    const detail = JSON.parse(JSON.stringify(entry.detail ?? null));
    const hash = entryHash(previousHash, { ...entry, seq, detail });
    insert.run(seq, entry.at, entry.actor, entry.action, JSON.stringify(detail), previousHash, hash);
    return { seq, at: entry.at, actor: entry.actor, action: entry.action, detail, previousHash, hash };
  });

  return {
    appendAudit: (entry) => append(entry),
    audit(filter = {}) {
      const conditions: string[] = [];
      const parameters: (string | number)[] = [];
      if (filter.from !== undefined) {
        conditions.push('at >= ?');
        parameters.push(filter.from);
      }
      if (filter.to !== undefined) {
        conditions.push('at <= ?');
        parameters.push(filter.to);
      }
      if (filter.text) {
        conditions.push(
          "(actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')",
        );
        const pattern = `%${filter.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
        parameters.push(pattern, pattern, pattern);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      return database
        .prepare<(string | number)[], AuditRecord>(`SELECT * FROM audit ${where} ORDER BY seq DESC LIMIT ?`)
        .all(...parameters, filter.limit ?? 500)
        .map(toEntry);
    },
    verifyAudit() {
      let previousHash = genesisHash;
      let entries = 0;
      for (const record of database.prepare<[], AuditRecord>('SELECT * FROM audit ORDER BY seq').iterate()) {
        const entry = toEntry(record);
        if (entry.previousHash !== previousHash || entryHash(previousHash, entry) !== entry.hash) {
          return { ok: false, brokenAt: entry.seq };
        }
        previousHash = entry.hash;
        entries += 1;
      }
      return { ok: true, entries };
    },
  };
}
