import { boxOf } from '../../../geo/boundaries/geometry';
import { hatchSegments } from '../../../geo/placement/hatch';
import type { WarningLevel } from '../../../shared/levels';
import { hatchSpacing } from './colours';
import type { UnitFeature } from './geometry';

export type HatchLine = { unitId: string; path: [number, number][] };

/** Web Mercator: CSS pixels per degree of latitude at a zoom and latitude (512-pixel tiles). */
function pixelsPerDegree(zoom: number, latitude: number): number {
  return (512 * 2 ** zoom) / 360 / Math.cos((latitude * Math.PI) / 180);
}

/**
 * Hatch lines for the warned units at a zoom: spacing is kept in screen pixels, so it is computed again
 * only when the zoom settles at another quarter step (never per frame), and each unit's lines are kept.
 */
export class Hatching {
  private readonly cache = new Map<string, HatchLine[]>();

  lines(
    warned: readonly { feature: UnitFeature; level: Exclude<WarningLevel, 'none'> }[],
    zoom: number,
    scale: number,
  ): HatchLine[] {
    const step = Math.round(zoom * 4) / 4;
    const used = new Set<string>();
    const lines = warned.flatMap(({ feature, level }) => {
      const box = boxOf(feature.geometry);
      const latitude = (box[1] + box[3]) / 2;
      const spacing = (hatchSpacing[level] * scale) / pixelsPerDegree(step, latitude);
      const key = `${feature.properties.unitId}/${level}/${step}/${scale.toFixed(2)}`;
      used.add(key);
      let unitLines = this.cache.get(key);
      if (!unitLines) {
        unitLines = hatchSegments(feature.geometry, spacing).map((path) => ({
          unitId: feature.properties.unitId,
          path,
        }));
        this.cache.set(key, unitLines);
      }
      return unitLines;
    });
    for (const key of this.cache.keys()) if (!used.has(key)) this.cache.delete(key);
    return lines;
  }
}
