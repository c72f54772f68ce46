import { createHmac } from 'node:crypto';
import type { SqlDatabase } from '../sql';
import type { AuditEntry, AuditStore, AuditVerification } from '../types';
import { auditAnchor } from './audit-anchor';
import { canonicalJson, sha256 } from './canonical';

const genesisHash = '0'.repeat(64);

type Scheme = 'sha256' | 'hmac-sha256';

type AuditRecord = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  detail: string;
  previous_hash: string;
  hash: string;
  scheme: Scheme;
};

type HashedFields = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'detail'>;

/**
 * hash = HMAC-SHA256(key, previousHash + canonical JSON of { seq, at, actor, action, detail }). Entries
 * written before the key existed (scheme sha256) keep their plain SHA-256; once an HMAC entry exists no
 * plain one may follow, so a rewritten tail cannot fall back to the keyless scheme.
 */
function entryHash(key: Buffer, scheme: Scheme, previousHash: string, entry: HashedFields): string {
  const { seq, at, actor, action, detail } = entry;
  const text = previousHash + canonicalJson({ seq, at, actor, action, detail });
  return scheme === 'sha256' ? sha256(text) : createHmac('sha256', key).update(text).digest('hex');
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

export function auditStore(database: SqlDatabase, dataDir: string, key: Buffer, adoptHead: boolean) {
  const anchor = auditAnchor(dataDir);
  const last = database.prepare<[], { seq: number; hash: string; scheme: Scheme }>(
    'SELECT seq, hash, scheme FROM audit ORDER BY seq DESC LIMIT 1',
  );
  const insert = database.prepare(
    'INSERT INTO audit (seq, at, actor, action, detail, previous_hash, hash, scheme) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const append = database.transaction((entry: Parameters<AuditStore['appendAudit']>[0]): AuditEntry => {
    const previous = last.get();
    const seq = (previous?.seq ?? 0) + 1;
    const previousHash = previous?.hash ?? genesisHash;
    // Round-trip the detail through JSON so the hash covers exactly what is stored.
    const detail = JSON.parse(JSON.stringify(entry.detail ?? null));
    const hash = entryHash(key, 'hmac-sha256', previousHash, { ...entry, seq, detail });
    insert.run(
      seq,
      entry.at,
      entry.actor,
      entry.action,
      JSON.stringify(detail),
      previousHash,
      hash,
      'hmac-sha256',
    );
    return { seq, at: entry.at, actor: entry.actor, action: entry.action, detail, previousHash, hash };
  });
  let unanchored = false;
  /** After a commit: the head goes to the anchor file. */
  function anchorHead(): void {
    if (!unanchored || database.inTransaction) return;
    unanchored = false;
    const head = last.get();
    if (head && anchor.last()?.seq !== head.seq) anchor.append(head);
  }
  // A store that has never anchored (new, or written before anchors existed) starts its anchor now; so does
  // a process joining a shared PostgreSQL store, whose anchor file witnesses the chain from its first start.
  if (
    !anchor.exists() &&
    (adoptHead || !database.prepare("SELECT 1 FROM audit WHERE scheme = 'hmac-sha256' LIMIT 1").get())
  ) {
    anchor.create();
    unanchored = true;
    anchorHead();
  }

  function verifyAudit(): AuditVerification {
    let previousHash = genesisHash;
    let entries = 0;
    let keyed = false;
    const hashes = new Map<number, string>();
    const anchored = anchor.last();
    for (const record of database.prepare<[], AuditRecord>('SELECT * FROM audit ORDER BY seq').iterate()) {
      const entry = toEntry(record);
      keyed ||= record.scheme === 'hmac-sha256';
      const broken =
        entry.seq !== entries + 1 ||
        entry.previousHash !== previousHash ||
        (keyed && record.scheme !== 'hmac-sha256') ||
        entryHash(key, record.scheme, previousHash, entry) !== entry.hash;
      if (broken)
        return {
          ok: false,
          entries,
          brokenAt: entry.seq,
          problem: `entry ${entry.seq} does not follow from the one before it (edited, inserted or removed)`,
        };
      if (entry.seq === anchored?.seq) hashes.set(entry.seq, entry.hash);
      previousHash = entry.hash;
      entries += 1;
    }
    if (!anchor.exists() && entries > 0)
      return { ok: false, entries, brokenAt: null, problem: 'the anchor file audit.anchor is missing' };
    if (anchored && anchored.seq > entries)
      return {
        ok: false,
        entries,
        brokenAt: entries + 1,
        problem: `the anchor records entry ${anchored.seq} but the log ends at ${entries}: entries were removed`,
      };
    if (anchored && hashes.get(anchored.seq) !== anchored.hash)
      return {
        ok: false,
        entries,
        brokenAt: anchored.seq,
        problem: `entry ${anchored.seq} differs from the anchored head: it was rewritten`,
      };
    return { ok: true, entries };
  }

  return {
    appendAudit(entry: Parameters<AuditStore['appendAudit']>[0]): AuditEntry {
      const written = append(entry);
      unanchored = true;
      anchorHead();
      return written;
    },
    /** Called after a transaction commits: writes the head of the audit entries it appended. */
    anchorHead,
    audit(filter: Parameters<AuditStore['audit']>[0] = {}) {
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
    verifyAudit,
  };
}
