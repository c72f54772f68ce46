import { type Polygonal, polygonsOf } from '../boundaries/geometry';

/** One unit's area: all its rings, outer and inner, are borders (Kokdala parts sit in county holes). */
export type UnitShape = { id: string; geometry: Polygonal };

/** Coordinates are quantised to 1e-6° (about 0.1 m) so that equal vertices compare as equal integers. */
export const quantum = 1e6;

/**
 * Every boundary segment of every ring in flat typed arrays: four quantised integers per segment
 * (endpoints ordered so that a segment and its reverse are the same key) and the owning unit's index.
 */
export type SegmentTable = {
  count: number;
  coordinates: Int32Array;
  unit: Int32Array;
  unitIds: string[];
};

function countSegments(shapes: readonly UnitShape[]): number {
  let count = 0;
  for (const shape of shapes)
    for (const polygon of polygonsOf(shape.geometry))
      for (const ring of polygon) count += Math.max(0, ring.length - 1);
  return count;
}

export function segmentTable(shapes: readonly UnitShape[]): SegmentTable {
  const capacity = countSegments(shapes);
  const coordinates = new Int32Array(capacity * 4);
  const unit = new Int32Array(capacity);
  const unitIndex = new Map<string, number>();
  let count = 0;
  for (const shape of shapes) {
    let index = unitIndex.get(shape.id);
    if (index === undefined) {
      index = unitIndex.size;
      unitIndex.set(shape.id, index);
    }
    for (const polygon of polygonsOf(shape.geometry)) {
      for (const ring of polygon) {
        if (ring.length < 2) continue;
        let ax = Math.round(ring[0]![0]! * quantum);
        let ay = Math.round(ring[0]![1]! * quantum);
        for (let vertex = 1; vertex < ring.length; vertex += 1) {
          const position = ring[vertex]!;
          const bx = Math.round(position[0]! * quantum);
          const by = Math.round(position[1]! * quantum);
          if (ax !== bx || ay !== by) {
            const forward = ax < bx || (ax === bx && ay < by);
            const offset = count * 4;
            coordinates[offset] = forward ? ax : bx;
            coordinates[offset + 1] = forward ? ay : by;
            coordinates[offset + 2] = forward ? bx : ax;
            coordinates[offset + 3] = forward ? by : ay;
            unit[count] = index;
            count += 1;
          }
          ax = bx;
          ay = by;
        }
      }
    }
  }
  return { count, coordinates, unit, unitIds: [...unitIndex.keys()] };
}
