import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Jurisdiction } from '../../../shared/units/schema';
import { defaultBoundaries } from '../../boundaries/default';
import { units } from '../../units';

/**
 * Finds the warning unit of a point from the bundled boundaries. A regiment or the Kokdala core wins over
 * the county around it, in case a county polygon still covers it.
 */
export function unitLocator(jurisdiction: Jurisdiction): (lon: number, lat: number) => string | null {
  const kinds = new Map(
    units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => [unit.id, unit.kind]),
  );
  const features = defaultBoundaries()
    .features.filter((feature) => kinds.has(feature.properties.unitId))
    .sort(
      (a, b) =>
        Number(kinds.get(a.properties.unitId) === 'county') -
        Number(kinds.get(b.properties.unitId) === 'county'),
    );
  return (lon, lat) =>
    features.find((feature) => booleanPointInPolygon([lon, lat], feature))?.properties.unitId ?? null;
}

export function boundaryOf(unitId: string) {
  return defaultBoundaries().features.find((feature) => feature.properties.unitId === unitId);
}
