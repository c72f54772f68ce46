import type { AttemptStore } from '../store/types';

/**
 * A sliding-window limit per key: at most `limit` attempts per `windowMs`, counted in the store so that a
 * limit holds across every server process (issue 19). `name` keeps two limits' keys apart.
 */
export function createRateLimit(store: AttemptStore, name: string, limit: number, windowMs: number) {
  return {
    /** Records an attempt; returns the seconds to wait when over the limit, otherwise null. */
    hit(key: string, now: number): number | null {
      const oldest = store.recordAttempt(`${name}|${key}`, now, windowMs, limit);
      return oldest === null ? null : Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    },
  };
}
