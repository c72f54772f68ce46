import { type Polygonal, polygonsOf } from '../boundaries/geometry';

type Position = number[];

/**
 * Squared distance from p to the segment a–b, longitudes scaled by `scale` (cos latitude). Scalar
 * arithmetic, no temporaries: it runs for every vertex of every boundary on the wall's cold start.
 */
function segmentDistanceSquared(p: Position, a: Position, b: Position, scale: number): number {
  const px = p[0]! * scale;
  const py = p[1]!;
  const ax = a[0]! * scale;
  const ay = a[1]!;
  const dx = b[0]! * scale - ax;
  const dy = b[1]! - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker on one closed ring (iterative); keeps at least four positions (a triangle). */
function simplifyRing(ring: readonly Position[], tolerance: number, scale: number): Position[] {
  if (ring.length <= 4) return [...ring];
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const limit = tolerance * tolerance;
  // A closed ring starts and ends at the same position: split it at the position farthest from the start.
  let far = 1;
  let farDistance = segmentDistanceSquared(ring[1]!, ring[0]!, ring[0]!, scale);
  for (let index = 2; index < ring.length - 1; index += 1) {
    const distance = segmentDistanceSquared(ring[index]!, ring[0]!, ring[0]!, scale);
    if (distance > farDistance) {
      far = index;
      farDistance = distance;
    }
  }
  keep[far] = 1;
  // Pending spans as index pairs on a flat stack (first, last), last pushed first popped, as before.
  const stack: number[] = [0, far, far, ring.length - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let worst = -1;
    let worstDistance = limit;
    const a = ring[first]!;
    const b = ring[last]!;
    for (let index = first + 1; index < last; index += 1) {
      const distance = segmentDistanceSquared(ring[index]!, a, b, scale);
      if (distance > worstDistance) {
        worst = index;
        worstDistance = distance;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push(first, worst, worst, last);
  }
  const kept: Position[] = [];
  for (let index = 0; index < ring.length; index += 1) if (keep[index] === 1) kept.push(ring[index]!);
  return kept.length >= 4 ? kept : [...ring];
}

/**
 * The outline as drawn (issue 16, the wall's frame cost): Douglas–Peucker, dropping every vertex within
 * `tolerance` Web Mercator pixels of the simplified line, for a map where a pixel spans
 * `degreesPerPixel` degrees of longitude. Without a GPU each vertex runs through deck.gl's projection
 * shader on the CPU, and the served boundaries carry far more vertices than a screen shows; under half a
 * pixel the picture is the same. Labels, probes and hatching keep the full boundary.
 */
export function simplifyPolygonal<Geometry extends Polygonal>(
  geometry: Geometry,
  tolerance: number,
  degreesPerPixel: number,
): Geometry {
  const polygons = polygonsOf(geometry).map((polygon) => {
    const latitude = polygon[0]!.reduce((sum, position) => sum + position[1]!, 0) / polygon[0]!.length;
    // In (longitude · cos latitude, latitude) a Mercator pixel spans degreesPerPixel · cos latitude both ways.
    const scale = Math.cos((latitude * Math.PI) / 180);
    return polygon.map((ring) => simplifyRing(ring, tolerance * degreesPerPixel * scale, scale));
  });
  return (
    geometry.type === 'Polygon'
      ? { ...geometry, coordinates: polygons[0]! }
      : { ...geometry, coordinates: polygons }
  ) as Geometry;
}

/** Positions in a polygonal geometry (how much a frame costs to project). */
export function vertexCount(geometry: Polygonal): number {
  return polygonsOf(geometry).reduce(
    (sum, polygon) => sum + polygon.reduce((rings, ring) => rings + ring.length, 0),
    0,
  );
}
