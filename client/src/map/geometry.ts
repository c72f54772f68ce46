import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { labelAnchors } from '../../../geo/placement/label-anchor';
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
/** A unit's label anchor, with its unit (a fuller label must fit inside it). */
export type Label = { unitId: string; position: [number, number]; feature: UnitFeature };

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
  // Inside its own unit (issue 16): the pole of inaccessibility, computed once per boundary set in geo/, on
  // first use: after the first coloured frame, not before it.
  let labels: Label[] | null = null;
  return {
    features,
    seats,
    get labels() {
      labels ??= features.flatMap((feature) => {
        const anchor = labelAnchors(collection).get(feature.properties.unitId);
        return anchor ? [{ unitId: feature.properties.unitId, position: anchor.position, feature }] : [];
      });
      return labels;
    },
  };
}

export type RegionOutline = { region: RegionState; outline: Feature<Polygon | MultiPolygon> | null };

/** Merges each group's member polygons into one outline (Turf union), reusing outlines already merged. */
export class MergedOutlines {
  private readonly merged = new Map<string, Feature<Polygon | MultiPolygon> | null>();

  constructor(private readonly features: Map<string, UnitFeature>) {}

  outlines<Group extends { members: readonly string[] }>(
    groups: readonly Group[],
  ): { group: Group; outline: Feature<Polygon | MultiPolygon> | null }[] {
    const keys = new Set<string>();
    const result = groups.map((group) => {
      const key = [...group.members].sort().join(',');
      keys.add(key);
      if (!this.merged.has(key)) this.merged.set(key, this.merge(group.members));
      return { group, outline: this.merged.get(key)! };
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
