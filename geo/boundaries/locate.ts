import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { units } from '../units';
import { boxOf } from './geometry';

const kindOf = new Map(units.map((unit) => [unit.id, unit.kind] as const));
const hostOf = new Map(units.map((unit) => [unit.id, unit.hostCounty] as const));

/**
 * The warning unit whose boundary contains the point, among `features` (the boundaries in force: an
 * office's imported official ones over the bundled approximate ones), or null. A regiment or the Kokdala
 * core wins over the county around it, in case a county polygon still covers it.
 */
export function unitContaining(
  features: readonly Feature<Polygon | MultiPolygon, { unitId: string }>[],
  lon: number,
  lat: number,
): string | null {
  let county: string | null = null;
  for (const feature of features) {
    if (!booleanPointInPolygon([lon, lat], feature)) continue;
    const unitId = feature.properties.unitId;
    if (kindOf.get(unitId) !== 'county') return unitId;
    county ??= unitId;
  }
  return county;
}

/** How far (degrees, about 20 km) a point may lie outside a unit's box: approximate borders miss by a few km. */
const nearMarginDegrees = 0.25;

/** Each drawn unit's bounding box [west, south, east, north], from the boundaries in force. */
export type UnitBoxes = Readonly<Record<string, [number, number, number, number]>>;

export function unitBoxes(
  features: readonly Feature<Polygon | MultiPolygon, { unitId: string }>[],
): UnitBoxes {
  return Object.fromEntries(features.map((feature) => [feature.properties.unitId, boxOf(feature.geometry)]));
}

/**
 * Whether a point can belong to the unit given for it (a station, an enterprise, a dust source): it lies
 * in the box, grown by about 20 km, of the unit's boundary in force (a regiment with no boundary yet: its
 * host county's). A record filed under the wrong unit or prefecture, or with wrong coordinates, fails; one
 * just across an approximate border does not. A unit with no boundary to judge by passes.
 */
export function pointNearUnit(boxes: UnitBoxes, unitId: string, lon: number, lat: number): boolean {
  const host = hostOf.get(unitId);
  const box = boxes[unitId] ?? (host ? boxes[host] : undefined);
  if (!box) return true;
  const [west, south, east, north] = box;
  return (
    lon >= west - nearMarginDegrees &&
    lon <= east + nearMarginDegrees &&
    lat >= south - nearMarginDegrees &&
    lat <= north + nearMarginDegrees
  );
}

export type PlacedStation = { id: string; lon: number; lat: number; unitId: string | null };
export type StationMove = { id: string; from: string | null; to: string };

/**
 * The stations an import of official boundaries moves: each filed under a redrawn unit, or whose point a
 * redrawn boundary now holds, goes to the unit whose boundary (in the new set) contains it — a farm's
 * station counts for the farm once the farm has a boundary. A station filed under a unit with no boundary
 * of its own (a regiment pending) stays where the office put it, as does one whose point lies in no unit.
 */
export function stationMoves(
  features: readonly Feature<Polygon | MultiPolygon, { unitId: string }>[],
  redrawn: ReadonlySet<string>,
  stations: readonly PlacedStation[],
): StationMove[] {
  const drawn = new Set(features.map((feature) => feature.properties.unitId));
  const redrawnFeatures = features.filter((feature) => redrawn.has(feature.properties.unitId));
  const moves: StationMove[] = [];
  for (const station of stations) {
    if (station.unitId !== null && !drawn.has(station.unitId)) continue;
    const point = [station.lon, station.lat];
    const touched =
      (station.unitId !== null && redrawn.has(station.unitId)) ||
      redrawnFeatures.some((feature) => booleanPointInPolygon(point, feature));
    if (!touched) continue;
    const to = unitContaining(features, station.lon, station.lat);
    if (to !== null && to !== station.unitId) moves.push({ id: station.id, from: station.unitId, to });
  }
  return moves;
}
