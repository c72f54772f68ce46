import { area } from '@turf/area';
import { cleanCoords } from '@turf/clean-coords';
import { kinks } from '@turf/kinks';
import type { Feature } from 'geojson';
import { type Polygonal, polygonalSchema, polygonsOf } from '../geometry';

// Xinjiang's bounding box with a margin: a boundary outside it is in the wrong CRS or the wrong place.
const xinjiang = { west: 73.4, south: 34.3, east: 96.4, north: 49.2 };
// The smallest 4th Division units cover a few km²; no county in Xinjiang exceeds 250,000 km².
const minimumKm2 = 0.1;
const maximumKm2 = 250_000;

// Six decimals (about 0.1 m): a computed crossing point prints as 81.02, not 81.02000000000001.
const formatPosition = (position: number[]) =>
  `(${position
    .slice(0, 2)
    .map((degrees) => Number(degrees.toFixed(6)))
    .join(', ')})`;

const samePosition = (a: number[] | undefined, b: number[] | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** A closed ring without its spikes: a vertex whose path comes straight back (A, B, A) loses B and one A. */
function ringWithoutSpikes(ring: number[][]): number[][] {
  const kept: number[][] = [];
  for (const position of ring.slice(0, -1)) {
    if (samePosition(kept.at(-1), position)) continue;
    if (samePosition(kept.at(-2), position)) kept.pop();
    else kept.push(position);
  }
  // The ring may start on a spike's tip (X, A, …, A, X): drop the tip, then the repeated closing vertex.
  while (kept.length > 3 && samePosition(kept.at(-1), kept[1])) kept.shift();
  while (kept.length > 1 && samePosition(kept.at(-1), kept[0])) kept.pop();
  return [...kept, kept[0]!];
}

function withoutSpikes(geometry: Polygonal): Polygonal {
  return geometry.type === 'Polygon'
    ? { ...geometry, coordinates: geometry.coordinates.map(ringWithoutSpikes) }
    : { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(ringWithoutSpikes)) };
}

/**
 * Whether the ring only touches itself at `point`: it passes through that vertex more than once, and no pass
 * crosses another there (each pass's way in and way out lie on one side of every other pass). The bundled
 * boundaries do this where a small lobe or a sliver hangs off a vertex (察布查尔县, 昭苏县, 63·64团, 68团); the area
 * they enclose is still one, so it is not a crossing.
 */
function touchesAt(ring: number[][], point: number[]): boolean {
  const open = ring.slice(0, -1);
  const passes = open.flatMap((position, index) => {
    if (!samePosition(position, point)) return [];
    const angle = (other: number[]) => Math.atan2(other[1]! - point[1]!, other[0]! - point[0]!);
    const before = open[(index - 1 + open.length) % open.length]!;
    const after = open[(index + 1) % open.length]!;
    return [[angle(before), angle(after)] as const];
  });
  if (passes.length < 2) return false;
  // Angles measured counter-clockwise from a pass's way in: another pass crosses it when exactly one of its
  // two directions lies strictly between this pass's way in and way out.
  const turn = (from: number, to: number) => (to - from + 4 * Math.PI) % (2 * Math.PI);
  return passes.every(([inward, outward], index) =>
    passes.every((other, otherIndex) => {
      if (otherIndex === index) return true;
      const span = turn(inward, outward);
      const inside = other.filter((angle) => {
        const at = turn(inward, angle);
        return at > 0 && at < span;
      });
      return inside.length !== 1;
    }),
  );
}

/** Shape problems a file can carry before any conversion: wrong type, bad numbers, open rings. */
export function shapeProblems(feature: Feature): string[] {
  const geometry = feature.geometry;
  if (!geometry) return ['no geometry'];
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
    return [`geometry is a ${geometry.type}, expected a Polygon or MultiPolygon`];
  if (!polygonalSchema.safeParse(geometry).success)
    return [`the ${geometry.type}'s coordinates are not nested arrays of [longitude, latitude] numbers`];
  const problems: string[] = [];
  polygonsOf(geometry).forEach((polygon, polygonIndex) => {
    if (polygon.length === 0) problems.push(`polygon ${polygonIndex} has no rings`);
    polygon.forEach((ring, ringIndex) => {
      const where = `ring ${ringIndex} of polygon ${polygonIndex}`;
      if (!ring.every((position) => position.length >= 2 && position.every(Number.isFinite)))
        problems.push(`${where} has a coordinate that is not a number`);
      else if (ring.length < 4)
        problems.push(`${where} has ${ring.length} positions, a closed ring needs at least 4`);
      else if (ring[0]![0] !== ring.at(-1)![0] || ring[0]![1] !== ring.at(-1)![1])
        problems.push(
          `${where} is not closed: it starts at ${formatPosition(ring[0]!)} and ends at ${formatPosition(ring.at(-1)!)}`,
        );
    });
  });
  return problems;
}

/** Where the geometry lies (WGS84): inside Xinjiang, of a plausible size, without self-intersections. */
export function placementProblems(geometry: Polygonal): string[] {
  for (const polygon of polygonsOf(geometry))
    for (const ring of polygon)
      for (const position of ring) {
        const [longitude, latitude] = position as [number, number];
        if (
          longitude < xinjiang.west ||
          longitude > xinjiang.east ||
          latitude < xinjiang.south ||
          latitude > xinjiang.north
        )
          return [
            `position ${formatPosition(position)} lies outside Xinjiang: is the file in longitude/latitude (WGS84, CGCS2000 or GCJ-02)?`,
          ];
      }
  // Repeated vertices and zero-width spikes (out to a vertex and straight back) are harmless and common in
  // digitised boundaries (the bundled ones have them): drop them before looking for real crossings.
  // Dropping a vertex on a straight line can turn a spike with a stop on its way back into a plain one.
  const cleaned = cleanCoords({ type: 'Feature', properties: {}, geometry: withoutSpikes(geometry) });
  const clean = withoutSpikes((cleaned as Feature<Polygonal>).geometry);
  const crossings = kinks(clean).features.filter(
    (kink) =>
      !polygonsOf(clean).some((polygon) =>
        polygon.some((ring) => touchesAt(ring, kink.geometry.coordinates)),
      ),
  );
  if (crossings.length > 0)
    return [
      `the boundary crosses itself at ${crossings.length} point(s), first at ${formatPosition(crossings[0]!.geometry.coordinates)}`,
    ];
  const squareKm = area(geometry) / 1e6;
  if (squareKm < minimumKm2 || squareKm > maximumKm2)
    return [
      `area ${squareKm.toFixed(3)} km² is not plausible for a county or regiment (${minimumKm2}–${maximumKm2} km²)`,
    ];
  return [];
}
