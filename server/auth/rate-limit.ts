/** A sliding-window limit per key: at most `limit` attempts per `windowMs`. */
export function createRateLimit(limit: number, windowMs: number) {
  const attempts = new Map<string, number[]>();
  return {
    /** Records an attempt; returns the seconds to wait when over the limit, otherwise null. */
    hit(key: string, now: number): number | null {
      const recent = (attempts.get(key) ?? []).filter((time) => time > now - windowMs);
      if (recent.length >= limit) {
        attempts.set(key, recent);
        return Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
      }
      recent.push(now);
      attempts.set(key, recent);
      if (attempts.size > 10_000) {
        for (const [stale, times] of attempts)
          if (times.every((time) => time <= now - windowMs)) attempts.delete(stale);
      }
      return null;
    },
  };
}
