/** Seeded randomness so a replay is the same every time (and every loop writes the same values). */
function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 16777619);
  }
  return value >>> 0;
}

/** mulberry32: one uniform number in (0, 1) for a key. */
function uniform(key: string): number {
  let state = (hash(key) + 0x6d2b79f5) | 0;
  state = Math.imul(state ^ (state >>> 15), state | 1);
  state ^= state + Math.imul(state ^ (state >>> 7), state | 61);
  return (((state ^ (state >>> 14)) >>> 0) + 0.5) / 4294967297;
}

/** A standard normal draw for a key (Box–Muller). */
export function gaussian(key: string): number {
  return Math.sqrt(-2 * Math.log(uniform(`${key}:a`))) * Math.cos(2 * Math.PI * uniform(`${key}:b`));
}
