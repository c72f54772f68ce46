import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  type BigIntStats,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
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

/** Whether the file is as it was: another writer's append changes its size, a rewrite its time or inode. */
function unchanged(before: BigIntStats, now: BigIntStats): boolean {
  return (
    before.size === now.size &&
    before.ino === now.ino &&
    before.dev === now.dev &&
    before.mtimeNs === now.mtimeNs
  );
}

export function auditAnchor(dataDir: string) {
  const path = join(dataDir, auditAnchorFile);
  const stat = () => statSync(path, { bigint: true, throwIfNoEntry: false }) ?? null;

  /** The last complete line (a torn last line from a crash is skipped), and whether the file ends a line. */
  function tail(): { head: AnchoredHead | null; endsLine: boolean } {
    if (!existsSync(path)) return { head: null, endsLine: true };
    const descriptor = openSync(path, 'r');
    try {
      const size = fstatSync(descriptor).size;
      const length = Math.min(size, 4096);
      const buffer = Buffer.alloc(length);
      readSync(descriptor, buffer, 0, length, size - length);
      const text = buffer.toString('utf8');
      const endsLine = length === 0 || text.endsWith('\n');
      for (const line of text.split('\n').slice(0, -1).reverse()) {
        const match = anchorLine.exec(line);
        if (match) return { head: { seq: Number(match[1]), hash: match[2]! }, endsLine };
      }
      return { head: null, endsLine };
    } finally {
      closeSync(descriptor);
    }
  }

  // The head this process appended last, and the file's stat right after: while the file is unchanged since
  // (no other process appended, nothing rewrote it), its last line is that head and the tail need not be read.
  let own: { seq: number; after: BigIntStats } | null = null;

  return {
    exists: () => existsSync(path),
    create(): void {
      writeFileSync(path, '', { flag: 'a', mode: 0o600 });
    },
    /**
     * After a committed write: appends the head unless it is the file's last line already (the head is
     * anchored once, whoever wrote it: the CLI beside the server appends to the same file). A crash before
     * it leaves the anchor behind, never ahead.
     */
    anchor(head: AnchoredHead): void {
      const before = stat();
      let last: number | undefined;
      let endsLine = true;
      if (own && before && unchanged(own.after, before)) last = own.seq;
      else {
        const read = tail();
        last = read.head?.seq;
        endsLine = read.endsLine;
      }
      if (last === head.seq) return;
      const line = `${head.seq} ${head.hash}\n`;
      appendFileSync(path, line, { mode: 0o600 });
      const after = stat();
      // Ours is the last line only if nothing else was appended between the look and the stat after it, and
      // it did not continue a torn line.
      const alone =
        before !== null &&
        after !== null &&
        endsLine &&
        after.ino === before.ino &&
        after.size === before.size + BigInt(Buffer.byteLength(line));
      own = alone ? { seq: head.seq, after } : null;
    },
    /** The last complete line (a torn last line from a crash is skipped), or null when none. */
    last: (): AnchoredHead | null => tail().head,
  };
}
