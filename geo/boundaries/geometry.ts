import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';

const positionSchema = z.array(z.number()).min(2);
const ringSchema = z.array(positionSchema);

/** A polygonal geometry as stored (zod-checked when read back from storage). */
export const polygonalSchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema)) }),
]);
export type Polygonal = Polygon | MultiPolygon;

export function polygonsOf(geometry: Polygonal): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function mapPositions(geometry: Polygonal, convert: (position: number[]) => number[]): Polygonal {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(convert)) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(convert))),
  };
}

type Box = [number, number, number, number];

export function boxOf(geometry: Polygonal): Box {
  const box: Box = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const polygon of polygonsOf(geometry))
    for (const position of polygon[0] ?? []) {
      box[0] = Math.min(box[0], position[0]!);
      box[1] = Math.min(box[1], position[1]!);
      box[2] = Math.max(box[2], position[0]!);
      box[3] = Math.max(box[3], position[1]!);
    }
  return box;
}

export function boxesOverlap(first: Box, second: Box): boolean {
  return first[0] <= second[2] && second[0] <= first[2] && first[1] <= second[3] && second[1] <= first[3];
}
