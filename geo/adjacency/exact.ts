import { geodesicKm, type PairLengths } from './distance';
import type { SegmentTable } from './segments';

function hashSegment(coordinates: Int32Array, offset: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < 4; index += 1) {
    hash = Math.imul(hash ^ coordinates[offset + index]!, 0x01000193);
    hash ^= hash >>> 15;
  }
  return hash >>> 0;
}

function sameSegment(coordinates: Int32Array, first: number, second: number): boolean {
  const a = first * 4;
  const b = second * 4;
  return (
    coordinates[a] === coordinates[b] &&
    coordinates[a + 1] === coordinates[b + 1] &&
    coordinates[a + 2] === coordinates[b + 2] &&
    coordinates[a + 3] === coordinates[b + 3]
  );
}

/**
 * Exact pass: an open-addressing hash table keyed by the normalised segment finds every segment two
 * rings have in common. Adds the shared km per pair; returns which segments found a partner, so that
 * only the rest go to the tolerant pass.
 */
export function exactSharedSegments(table: SegmentTable, pairs: PairLengths): Uint8Array {
  const { count, coordinates, unit } = table;
  const matched = new Uint8Array(count);
  // Only a segment's first occurrence is stored (about half of them), so this keeps the load under 0.5.
  let size = 1;
  while (size < count) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  for (let segment = 0; segment < count; segment += 1) {
    let slot = hashSegment(coordinates, segment * 4) & mask;
    let partner = -1;
    while (slots[slot] !== 0) {
      const candidate = slots[slot]! - 1;
      if (sameSegment(coordinates, segment, candidate)) {
        partner = candidate;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (partner < 0) {
      slots[slot] = segment + 1;
      continue;
    }
    matched[segment] = 1;
    matched[partner] = 1;
    if (unit[segment] !== unit[partner]) {
      const offset = segment * 4;
      const km = geodesicKm(
        coordinates[offset]!,
        coordinates[offset + 1]!,
        coordinates[offset + 2]!,
        coordinates[offset + 3]!,
      );
      pairs.add(unit[segment]!, unit[partner]!, km);
    }
  }
  return matched;
}
