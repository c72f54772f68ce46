import { earthRadiusKm, type PairLengths } from './distance';
import { quantum, type SegmentTable } from './segments';

// The same sphere as the exact pass's haversine, so both passes measure alike.
const kmPerDegree = (earthRadiusKm * Math.PI) / 180;
// Grid cells of 0.05° (about 4–5 km): border segments in county data are 0.1–2 km long.
const cellSize = 0.05 * quantum;
const cellOffset = 8000;

type Box = { minX: number; minY: number; maxX: number; maxY: number };

function expandedBox(coordinates: Int32Array, segment: number, margin: number): Box {
  const offset = segment * 4;
  const ax = coordinates[offset]!;
  const ay = coordinates[offset + 1]!;
  const bx = coordinates[offset + 2]!;
  const by = coordinates[offset + 3]!;
  return {
    minX: Math.min(ax, bx) - margin,
    minY: Math.min(ay, by) - margin,
    maxX: Math.max(ax, bx) + margin,
    maxY: Math.max(ay, by) + margin,
  };
}

const cellOf = (value: number) => Math.floor(value / cellSize);
const cellKey = (x: number, y: number) => (x + cellOffset) * 2 * cellOffset + (y + cellOffset);

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
  const { count, coordinates, unit } = table;
  // Half a degree of longitude at 60° N is the shortest a degree gets in China: a safe margin.
  const margin = Math.ceil((toleranceKm / (kmPerDegree * 0.5)) * quantum);
  const cells = new Map<number, number[]>();
  const boxes = new Map<number, Box>();
  for (let segment = 0; segment < count; segment += 1) {
    if (matched[segment] === 1) continue;
    const box = expandedBox(coordinates, segment, margin);
    boxes.set(segment, box);
    for (let x = cellOf(box.minX); x <= cellOf(box.maxX); x += 1) {
      for (let y = cellOf(box.minY); y <= cellOf(box.maxY); y += 1) {
        const key = cellKey(x, y);
        const list = cells.get(key);
        if (list) list.push(segment);
        else cells.set(key, [segment]);
      }
    }
  }
  for (const [key, members] of cells) {
    for (let i = 0; i < members.length; i += 1) {
      const first = members[i]!;
      const firstBox = boxes.get(first)!;
      for (let j = i + 1; j < members.length; j += 1) {
        const second = members[j]!;
        if (unit[first] === unit[second]) continue;
        const secondBox = boxes.get(second)!;
        const cornerX = Math.max(firstBox.minX, secondBox.minX);
        const cornerY = Math.max(firstBox.minY, secondBox.minY);
        if (cornerX > Math.min(firstBox.maxX, secondBox.maxX)) continue;
        if (cornerY > Math.min(firstBox.maxY, secondBox.maxY)) continue;
        if (cellKey(cellOf(cornerX), cellOf(cornerY)) !== key) continue;
        const km = overlapKm(coordinates, first, second, toleranceKm);
        if (km > 0) pairs.add(unit[first]!, unit[second]!, km);
      }
    }
  }
}
