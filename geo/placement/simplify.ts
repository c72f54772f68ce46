import { type Polygonal, polygonsOf } from '../boundaries/geometry';

type Position = number[];

/** Squared distance from p to the segment a–b, longitudes scaled by `scale` (cos latitude). */
function segmentDistanceSquared(p: Position, a: Position, b: Position, scale: number): number {
  const [px, py] = [p[0]! * scale, p[1]!];
  const [ax, ay] = [a[0]! * scale, a[1]!];
  const [bx, by] = [b[0]! * scale, b[1]!];
  const [dx, dy] = [bx - ax, by - ay];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  const [ex, ey] = [ax + t * dx - px, ay + t * dy - py];
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
  for (let index = 1; index < ring.length - 1; index += 1)
    if (
      segmentDistanceSquared(ring[index]!, ring[0]!, ring[0]!, scale) >
      segmentDistanceSquared(ring[far]!, ring[0]!, ring[0]!, scale)
    )
      far = index;
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, ring.length - 1],
  ];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = limit;
    for (let index = first + 1; index < last; index += 1) {
      const distance = segmentDistanceSquared(ring[index]!, ring[first]!, ring[last]!, scale);
      if (distance > worstDistance) [worst, worstDistance] = [index, distance];
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([first, worst], [worst, last]);
  }
  const kept = ring.filter((_, index) => keep[index] === 1);
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
