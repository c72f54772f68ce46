import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The audit chain's key and anchor, kept beside the database but outside it (issue 14, item 9): whoever
 * rewrites the audit table cannot recompute its HMACs without the key, and cannot drop its last entries
 * without the anchor file (one `seq hash` line per write, appended) disagreeing.
 */
export const auditKeyFile = 'audit.key';
export const auditAnchorFile = 'audit.anchor';

/** AUDIT_KEY when set, else DATA_DIR/audit.key, created at first start readable by the owner only. */
export function auditKey(dataDir: string, fromEnvironment: string | undefined): Buffer {
  if (fromEnvironment) return Buffer.from(fromEnvironment, 'utf8');
  const path = join(dataDir, auditKeyFile);
  if (!existsSync(path)) {
    try {
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process (the CLI beside the server) created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
}

export type AnchoredHead = { seq: number; hash: string };

const anchorLine = /^(\d+) ([0-9a-f]{64})$/;

export function auditAnchor(dataDir: string) {
  const path = join(dataDir, auditAnchorFile);
  return {
    exists: () => existsSync(path),
    create(): void {
      writeFileSync(path, '', { flag: 'a', mode: 0o600 });
    },
    /** Appends the head after a committed write; a crash before it leaves the anchor behind, never ahead. */
    append(head: AnchoredHead): void {
      appendFileSync(path, `${head.seq} ${head.hash}\n`, { mode: 0o600 });
    },
    /** The last complete line (a torn last line from a crash is skipped), or null when none. */
    last(): AnchoredHead | null {
      if (!existsSync(path)) return null;
      const descriptor = openSync(path, 'r');
      try {
        const size = fstatSync(descriptor).size;
        const length = Math.min(size, 4096);
        const buffer = Buffer.alloc(length);
        readSync(descriptor, buffer, 0, length, size - length);
        const lines = buffer.toString('utf8').split('\n').slice(0, -1).reverse();
        for (const line of lines) {
          const match = anchorLine.exec(line);
          if (match) return { seq: Number(match[1]), hash: match[2]! };
        }
        return null;
      } finally {
        closeSync(descriptor);
      }
    },
  };
}
