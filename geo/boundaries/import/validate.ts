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

const formatPosition = (position: number[]) => `(${position[0]}, ${position[1]})`;

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
  // Repeated consecutive vertices are harmless and common in surveys: drop them before looking for kinks.
  const crossings = kinks(cleanCoords({ type: 'Feature', properties: {}, geometry })).features;
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
