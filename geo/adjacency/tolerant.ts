import { earthRadiusKm, type PairLengths } from './distance';
import { quantum, type SegmentTable } from './segments';

// The same sphere as the exact pass's haversine, so both passes measure alike.
const kmPerDegree = (earthRadiusKm * Math.PI) / 180;
// Grid cells of 0.05° (about 4–5 km): border segments in county data are 0.1–2 km long.
const cellSize = 0.05 * quantum;
const cellsPerRow = 16_000;
const cellOf = (value: number) => Math.floor(value / cellSize);
const cellKey = (x: number, y: number) => (x + cellsPerRow / 2) * cellsPerRow + (y + cellsPerRow / 2);

/**
 * Length in km of the part of segment `first` that segment `second` runs along within `toleranceKm`
 * (in a local flat frame; fine at the scale of one segment). Zero when they only cross or touch.
 */
export function overlapKm(
  coordinates: Int32Array,
  first: number,
  second: number,
  toleranceKm: number,
): number {
  const f = first * 4;
  const s = second * 4;
  const latitude = ((coordinates[f + 1]! + coordinates[f + 3]!) / 2 / quantum) * (Math.PI / 180);
  const kx = (kmPerDegree * Math.cos(latitude)) / quantum;
  const ky = kmPerDegree / quantum;
  const originX = coordinates[f]!;
  const originY = coordinates[f + 1]!;
  const dx = (coordinates[f + 2]! - originX) * kx;
  const dy = (coordinates[f + 3]! - originY) * ky;
  const length = Math.hypot(dx, dy);
  if (length === 0) return 0;
  const ux = dx / length;
  const uy = dy / length;
  const px = (coordinates[s]! - originX) * kx;
  const py = (coordinates[s + 1]! - originY) * ky;
  const qx = (coordinates[s + 2]! - originX) * kx;
  const qy = (coordinates[s + 3]! - originY) * ky;
  const along0 = px * ux + py * uy;
  const along1 = qx * ux + qy * uy;
  const across0 = ux * py - uy * px;
  const across1 = ux * qy - uy * qx;
  const low = Math.max(0, Math.min(along0, along1));
  const high = Math.min(length, Math.max(along0, along1));
  if (high <= low) return 0;
  // The offset across is linear along the second segment: check it at both ends of the overlap.
  const span = along1 - along0;
  const acrossAt = (along: number) =>
    span === 0 ? across0 : across0 + ((across1 - across0) * (along - along0)) / span;
  if (Math.abs(acrossAt(low)) > toleranceKm || Math.abs(acrossAt(high)) > toleranceKm) return 0;
  return high - low;
}

/** Bounding boxes (minX, minY, maxX, maxY), grown by `margin`, of the listed segments. */
function boxesOf(coordinates: Int32Array, members: Int32Array, margin: number): Int32Array {
  const boxes = new Int32Array(members.length * 4);
  for (let member = 0; member < members.length; member += 1) {
    const offset = members[member]! * 4;
    boxes[member * 4] = Math.min(coordinates[offset]!, coordinates[offset + 2]!) - margin;
    boxes[member * 4 + 1] = Math.min(coordinates[offset + 1]!, coordinates[offset + 3]!) - margin;
    boxes[member * 4 + 2] = Math.max(coordinates[offset]!, coordinates[offset + 2]!) + margin;
    boxes[member * 4 + 3] = Math.max(coordinates[offset + 1]!, coordinates[offset + 3]!) + margin;
  }
  return boxes;
}

/** (cell, member) entries for every grid cell each box covers, sorted by cell: key = cell × n + member. */
function cellEntries(boxes: Int32Array, count: number): Float64Array {
  let size = 0;
  for (let b = 0; b < count * 4; b += 4)
    size +=
      (cellOf(boxes[b + 2]!) - cellOf(boxes[b]!) + 1) * (cellOf(boxes[b + 3]!) - cellOf(boxes[b + 1]!) + 1);
  const keys = new Float64Array(size);
  let next = 0;
  for (let member = 0; member < count; member += 1) {
    const b = member * 4;
    for (let x = cellOf(boxes[b]!); x <= cellOf(boxes[b + 2]!); x += 1)
      for (let y = cellOf(boxes[b + 1]!); y <= cellOf(boxes[b + 3]!); y += 1)
        keys[next++] = cellKey(x, y) * count + member;
  }
  return keys.sort();
}

/** The segments the exact pass left without a partner. */
function unmatchedSegments(matched: Uint8Array): Int32Array {
  let count = 0;
  for (let segment = 0; segment < matched.length; segment += 1) if (matched[segment] === 0) count += 1;
  const members = new Int32Array(count);
  let next = 0;
  for (let segment = 0; segment < matched.length; segment += 1)
    if (matched[segment] === 0) members[next++] = segment;
  return members;
}

/**
 * Tolerant pass for borders whose vertices do not line up: segments left unmatched by the exact pass
 * go into a grid; pairs of different units that run along each other within the tolerance add the
 * length of their overlap. Each pair is measured once, in the cell holding its boxes' common corner.
 */
export function tolerantSharedSegments(
  table: SegmentTable,
  matched: Uint8Array,
  toleranceKm: number,
  pairs: PairLengths,
): void {
  const { coordinates, unit } = table;
  const members = unmatchedSegments(matched.subarray(0, table.count));
  // Half a degree of longitude at 60° N is the shortest a degree gets in China: a safe margin.
  const boxes = boxesOf(coordinates, members, Math.ceil((toleranceKm / (kmPerDegree * 0.5)) * quantum));
  const entries = cellEntries(boxes, members.length);
  const n = members.length;
  // Entries of a cell are in segment order, and a unit's segments are consecutive in the table, so
  // each unit forms one run within a cell: skip the rest of one's own run instead of testing it.
  const memberOf = new Int32Array(entries.length);
  const unitOf = new Int32Array(entries.length);
  const runEnd = new Int32Array(entries.length);
  let start = 0;
  while (start < entries.length) {
    const cell = Math.floor(entries[start]! / n);
    let end = start;
    while (end < entries.length && Math.floor(entries[end]! / n) === cell) {
      memberOf[end] = entries[end]! - cell * n;
      unitOf[end] = unit[members[memberOf[end]!]!]!;
      end += 1;
    }
    for (let i = end - 1; i >= start; i -= 1)
      runEnd[i] = i + 1 < end && unitOf[i + 1] === unitOf[i] ? runEnd[i + 1]! : i + 1;
    for (let i = start; i < end; i += 1) {
      const a = memberOf[i]!;
      for (let j = runEnd[i]!; j < end; j += 1) {
        if (unitOf[j] === unitOf[i]) continue;
        const b = memberOf[j]!;
        const cornerX = Math.max(boxes[a * 4]!, boxes[b * 4]!);
        const cornerY = Math.max(boxes[a * 4 + 1]!, boxes[b * 4 + 1]!);
        if (cornerX > Math.min(boxes[a * 4 + 2]!, boxes[b * 4 + 2]!)) continue;
        if (cornerY > Math.min(boxes[a * 4 + 3]!, boxes[b * 4 + 3]!)) continue;
        if (cellKey(cellOf(cornerX), cellOf(cornerY)) !== cell) continue;
        const km = overlapKm(coordinates, members[a]!, members[b]!, toleranceKm);
        if (km > 0) pairs.add(unitOf[i]!, unitOf[j]!, km);
      }
    }
    start = end;
  }
}
