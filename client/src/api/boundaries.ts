import { z } from 'zod';
import type { BoundaryCollection } from '../map/geometry';

const isPosition = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.every((coordinate) => typeof coordinate === 'number' && Number.isFinite(coordinate));

/**
 * One ring's positions checked in one pass (issue 16: the wall's cold start): the boundaries hold ~37,000
 * positions, and a schema object per position cost 50–130 ms of the first load; this costs 10–20 ms.
 */
const ring = z.custom<number[][]>(
  (value) => Array.isArray(value) && value.every(isPosition),
  'expected a ring of [longitude, latitude] positions (finite numbers)',
);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
]);

/** GET /api/boundaries: the units' polygons in force (approximate or imported) and their attribution. */
export const boundaryCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  attribution: z.string(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry,
      properties: z.looseObject({ unitId: z.string() }),
    }),
  ),
}) satisfies z.ZodType<BoundaryCollection>;
