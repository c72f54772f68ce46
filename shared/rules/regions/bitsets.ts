/** Sets of local node numbers as bitsets (32 nodes a word). */
export function wordCount(size: number): number {
  return (size + 31) >> 5;
}

/** True when `bits` ⊆ some cover. */
export function coveredBy(bits: Uint32Array, covers: readonly Uint32Array[]): boolean {
  for (const cover of covers) {
    let inside = true;
    for (let index = 0; index < bits.length && inside; index += 1)
      inside = (bits[index]! & ~cover[index]!) === 0;
    if (inside) return true;
  }
  return false;
}
