import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import boundaries from '../data/boundaries.json' with { type: 'json' };

export type UnitBoundary = Feature<Polygon | MultiPolygon, { unitId: string }>;

/** The bundled approximate boundaries (see geo/data/ATTRIBUTION.md). */
export function defaultBoundaries(): { attribution: string; features: UnitBoundary[] } {
  const collection = boundaries as unknown as FeatureCollection & { attribution: string };
  return { attribution: collection.attribution, features: collection.features as UnitBoundary[] };
}
