import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { units } from '../units';

const kindOf = new Map(units.map((unit) => [unit.id, unit.kind] as const));

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
