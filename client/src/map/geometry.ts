import { centroid } from '@turf/centroid';
import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { units } from '../../../geo/units';
import type { RegionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';

export type UnitProperties = { unitId: string; nameZh: string; nameEn: string; jurisdiction: Jurisdiction };
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProperties>;
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, { unitId: string }> & {
  attribution: string;
};

/** A unit drawn as a point: a regiment whose boundary is pending, at its approximate seat (GEO.md). */
export type SeatPoint = { unitId: string; nameZh: string; nameEn: string; position: [number, number] };
export type Label = { unitId: string; position: [number, number] };

export type UnitGeometry = { features: UnitFeature[]; seats: SeatPoint[]; labels: Label[] };

/** Joins the served boundaries with the unit catalogue, once: geometry never changes after this. */
export function unitGeometry(collection: BoundaryCollection): UnitGeometry {
  const catalogue = new Map(units.map((unit) => [unit.id, unit]));
  const features: UnitFeature[] = [];
  for (const feature of collection.features) {
    const unit = catalogue.get(feature.properties.unitId);
    if (!unit) continue;
    features.push({
      ...feature,
      properties: {
        unitId: unit.id,
        nameZh: unit.nameZh,
        nameEn: unit.nameEn,
        jurisdiction: unit.jurisdiction,
      },
    });
  }
  const drawn = new Set(features.map((feature) => feature.properties.unitId));
  const seats: SeatPoint[] = units
    .filter((unit) => !drawn.has(unit.id) && unit.seat !== null)
    .map((unit) => ({
      unitId: unit.id,
      nameZh: unit.nameZh,
      nameEn: unit.nameEn,
      position: [unit.seat!.longitude, unit.seat!.latitude],
    }));
  const labels: Label[] = features.map((feature) => ({
    unitId: feature.properties.unitId,
    position: centroid(feature).geometry.coordinates as [number, number],
  }));
  return { features, seats, labels };
}

export type RegionOutline = { region: RegionState; outline: Feature<Polygon | MultiPolygon> | null };

/** Merges each region's member polygons into one outline (Turf union), reusing outlines already merged. */
export class RegionOutlines {
  private readonly merged = new Map<string, Feature<Polygon | MultiPolygon> | null>();

  constructor(private readonly features: Map<string, UnitFeature>) {}

  outlines(regions: readonly RegionState[]): RegionOutline[] {
    const keys = new Set<string>();
    const result = regions.map((region) => {
      const key = [...region.members].sort().join(',');
      keys.add(key);
      if (!this.merged.has(key)) this.merged.set(key, this.merge(region.members));
      return { region, outline: this.merged.get(key)! };
    });
    for (const key of this.merged.keys()) if (!keys.has(key)) this.merged.delete(key);
    return result;
  }

  private merge(members: readonly string[]): Feature<Polygon | MultiPolygon> | null {
    const parts = members.flatMap((member) => this.features.get(member) ?? []);
    if (parts.length === 0) return null;
    if (parts.length === 1) return parts[0]!;
    return union(featureCollection(parts));
  }
}
