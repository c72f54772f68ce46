/** A binary min-heap of (key, node) pairs for Dijkstra over node costs; typed arrays, reusable. */
export class MinHeap {
  private keys = new Float64Array(64);
  private nodes = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      [this.keys, this.nodes] = [keys, nodes];
    }
    let child = this.size;
    this.size += 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[child] = this.keys[parent]!;
      this.nodes[child] = this.nodes[parent]!;
      child = parent;
    }
    this.keys[child] = key;
    this.nodes[child] = node;
  }

  /** Removes the smallest pair and returns its node; read its key with peekKey() first. */
  pop(): number {
    const top = this.nodes[0]!;
    this.size -= 1;
    const key = this.keys[this.size]!;
    const node = this.nodes[this.size]!;
    let parent = 0;
    for (;;) {
      let child = parent * 2 + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child += 1;
      if (this.keys[child]! >= key) break;
      this.keys[parent] = this.keys[child]!;
      this.nodes[parent] = this.nodes[child]!;
      parent = child;
    }
    this.keys[parent] = key;
    this.nodes[parent] = node;
    return top;
  }

  peekKey(): number {
    return this.keys[0]!;
  }
}
