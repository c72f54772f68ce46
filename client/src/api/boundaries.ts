import { z } from 'zod';
import type { BoundaryCollection } from '../map/geometry';

const position = z.array(z.number());
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
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
