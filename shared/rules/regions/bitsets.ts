/**
 * Qualifying sets found so far at one level (node indices of the whole graph). A search may skip any
 * subtree whose sets all lie inside one of them: none of those can be maximal except that set itself.
 */
export class KnownSets {
  readonly sets: number[][] = [];

  add(set: readonly number[]): void {
    this.sets.push([...set]);
  }

  /** Each known set intersected with the component, as a bitset over the component's local numbering. */
  localBitsets(component: readonly number[]): Uint32Array[] {
    const local = new Map(component.map((node, index) => [node, index] as const));
    return this.sets.map((set) => {
      const bits = new Uint32Array(wordCount(component.length));
      for (const node of set) {
        const index = local.get(node);
        if (index !== undefined) bits[index >> 5] = bits[index >> 5]! | (1 << (index & 31));
      }
      return bits;
    });
  }
}

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
