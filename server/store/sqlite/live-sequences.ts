import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { LiveSequenceStore } from '../types';

export function liveSequenceStore(database: SqlDatabase): LiveSequenceStore {
  const current = database.prepare<[string], { seq: number }>(
    'SELECT seq FROM live_sequences WHERE jurisdiction = ?',
  );
  // One statement: two processes advancing at once get consecutive numbers, never the same one.
  const advance = database.prepare<[string], { seq: number }>(
    `INSERT INTO live_sequences (jurisdiction, seq) VALUES (?, 1)
     ON CONFLICT (jurisdiction) DO UPDATE SET seq = live_sequences.seq + 1 RETURNING seq`,
  );
  return {
    liveSequence: (jurisdiction: Jurisdiction) => current.get(jurisdiction)?.seq ?? 0,
    advanceLiveSequence: (jurisdiction: Jurisdiction) => advance.get(jurisdiction)!.seq,
  };
}
