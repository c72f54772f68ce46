import type { SqlDatabase } from '../sql';
import type { AttemptStore } from '../types';

export function attemptStore(database: SqlDatabase): AttemptStore {
  const forget = database.prepare('DELETE FROM login_attempts WHERE at <= ?');
  const recent = database.prepare<[string], { count: number; oldest: number | null }>(
    'SELECT count(*) AS count, min(at) AS oldest FROM login_attempts WHERE key = ?',
  );
  const insert = database.prepare('INSERT INTO login_attempts (key, at) VALUES (?, ?)');
  // One transaction (the write lock on PostgreSQL): attempts on two processes at once are both counted.
  const record = database.transaction((key: string, now: number, windowMs: number, limit: number) => {
    forget.run(now - windowMs);
    const { count, oldest } = recent.get(key)!;
    if (Number(count) >= limit) return oldest;
    insert.run(key, now);
    return null;
  });
  return { recordAttempt: (key, now, windowMs, limit) => record(key, now, windowMs, limit) };
}
