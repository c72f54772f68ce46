import type { Jurisdiction } from '../../../shared/units/schema';
import { defaultBoundaries } from '../../boundaries/default';
import { unitContaining } from '../../boundaries/locate';
import { units } from '../../units';

/** Finds the warning unit of a point from the bundled boundaries (the sample layers are drawn on them). */
export function unitLocator(jurisdiction: Jurisdiction): (lon: number, lat: number) => string | null {
  const ids = new Set(units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => unit.id));
  const features = defaultBoundaries().features.filter((feature) => ids.has(feature.properties.unitId));
  return (lon, lat) => unitContaining(features, lon, lat);
}

export function boundaryOf(unitId: string) {
  return defaultBoundaries().features.find((feature) => feature.properties.unitId === unitId);
}
