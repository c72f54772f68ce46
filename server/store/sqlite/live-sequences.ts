import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { LiveSequenceStore } from '../types';

/** Numbers a one-process store reserves at a time (one durable write per this many deltas). */
export const liveSequenceBlock = 1_000;

/**
 * `oneProcess` (SQLite: one server process owns the file): the numbers are handed out from memory and the
 * store keeps only a high-water mark, reserved `liveSequenceBlock` at a time, so a delta does not wait for
 * a commit and its fsync of its own (issue 16.3). After a restart numbers go on above the mark: never back,
 * never repeated, with a gap that clients, who resync on reconnecting anyway, answer with a snapshot.
 * Otherwise (PostgreSQL, several processes) each number is taken in the store, so that a takeover by
 * another process goes on from the last one sent with no gap.
 */
export function liveSequenceStore(
  database: SqlDatabase,
  options: { oneProcess: boolean },
): LiveSequenceStore {
  const current = database.prepare<[string], { seq: number }>(
    'SELECT seq FROM live_sequences WHERE jurisdiction = ?',
  );
  // One statement: two processes advancing at once get distinct numbers, never the same one.
  const advanceBy = database.prepare<[string, number, number], { seq: number }>(
    `INSERT INTO live_sequences (jurisdiction, seq) VALUES (?, ?)
     ON CONFLICT (jurisdiction) DO UPDATE SET seq = live_sequences.seq + ? RETURNING seq`,
  );
  const stored = (jurisdiction: Jurisdiction) => Number(current.get(jurisdiction)?.seq ?? 0);
  const advanceStored = (jurisdiction: Jurisdiction, count: number) =>
    Number(advanceBy.get(jurisdiction, count, count)!.seq);
  if (!options.oneProcess) {
    return { liveSequence: stored, advanceLiveSequence: (jurisdiction) => advanceStored(jurisdiction, 1) };
  }
  /** Per jurisdiction: the last number handed out, and the last one reserved in the store. */
  const handed = new Map<Jurisdiction, { last: number; reserved: number }>();
  return {
    liveSequence: (jurisdiction) => handed.get(jurisdiction)?.last ?? stored(jurisdiction),
    advanceLiveSequence(jurisdiction) {
      let entry = handed.get(jurisdiction);
      if (!entry || entry.last === entry.reserved) {
        const reserved = advanceStored(jurisdiction, liveSequenceBlock);
        // Above every number handed out before, by this process or one that had the file before it.
        entry = { last: Math.max(entry?.last ?? 0, reserved - liveSequenceBlock), reserved };
        handed.set(jurisdiction, entry);
      }
      entry.last += 1;
      return entry.last;
    },
  };
}
