import { type Polygonal, polygonsOf } from '../boundaries/geometry';

/**
 * Diagonal hatch lines clipped to a polygonal geometry (even–odd rule), `spacing` degrees of latitude
 * apart, as [lon, lat] segments. A warning's hatching is drawn with the same path shader as outlines,
 * so it costs no extra GPU program. Longitudes are scaled by cos(latitude) so the lines run at 45° on
 * the ground and keep their spacing both ways.
 */
export type Segment = [[number, number], [number, number]];

export function hatchSegments(geometry: Polygonal, spacing: number): Segment[] {
  const polygons = polygonsOf(geometry);
  const latitudes = polygons.flatMap((polygon) => polygon[0]!.map((position) => position[1]!));
  const middle = (Math.min(...latitudes) + Math.max(...latitudes)) / 2;
  const scale = Math.cos((middle * Math.PI) / 180);
  // In scaled coordinates (u = lon·scale, v = lat) the lines are u + v = c.
  const edges: [number, number, number, number][] = [];
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let index = 1; index < ring.length; index += 1) {
        const [x1, y1] = ring[index - 1]!;
        const [x2, y2] = ring[index]!;
        edges.push([x1! * scale, y1!, x2! * scale, y2!]);
      }
  if (edges.length === 0) return [];
  const sums = edges.flatMap(([u1, v1, u2, v2]) => [u1 + v1, u2 + v2]);
  const step = spacing * Math.SQRT2;
  const segments: Segment[] = [];
  for (let c = Math.ceil(Math.min(...sums) / step) * step; c <= Math.max(...sums); c += step) {
    // Where each edge crosses the line u + v = c, ordered along the line by u.
    const crossings: number[] = [];
    for (const [u1, v1, u2, v2] of edges) {
      const s1 = u1 + v1 - c;
      const s2 = u2 + v2 - c;
      if ((s1 < 0 && s2 >= 0) || (s2 < 0 && s1 >= 0)) crossings.push(u1 + ((u2 - u1) * s1) / (s1 - s2));
    }
    crossings.sort((a, b) => a - b);
    for (let index = 0; index + 1 < crossings.length; index += 2) {
      const [from, to] = [crossings[index]!, crossings[index + 1]!];
      segments.push([
        [from / scale, c - from],
        [to / scale, c - to],
      ]);
    }
  }
  return segments;
}
