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

/** Unit hatchings kept (a unit at one level, zoom step and screen scale each): the wall's views and more. */
const kept = 256;

/**
 * Hatch lines for the warned units at a zoom: spacing is kept in screen pixels, so it is computed again
 * only when the zoom settles at another quarter step (never per frame). Each unit's lines are kept for the
 * steps seen recently, so the wall's view cycle finds them ready when a view comes back, and the same set
 * of lines is the same array (deck.gl keeps its buffers).
 */
export class Hatching {
  private readonly cache = new Map<string, HatchLine[]>();
  private last: { key: string; lines: HatchLine[] } | null = null;

  lines(
    warned: readonly { feature: UnitFeature; level: Exclude<WarningLevel, 'none'> }[],
    zoom: number,
    scale: number,
  ): HatchLine[] {
    const step = Math.round(zoom * 4) / 4;
    const keyOf = (unitId: string, level: string) => `${unitId}/${level}/${step}/${scale.toFixed(2)}`;
    const key = warned.map(({ feature, level }) => keyOf(feature.properties.unitId, level)).join('|');
    if (this.last?.key === key) return this.last.lines;
    const lines = warned.flatMap(({ feature, level }) => {
      const unitKey = keyOf(feature.properties.unitId, level);
      let unitLines = this.cache.get(unitKey);
      if (unitLines) this.cache.delete(unitKey);
      else {
        const box = boxOf(feature.geometry);
        const latitude = (box[1] + box[3]) / 2;
        const spacing = (hatchSpacing[level] * scale) / pixelsPerDegree(step, latitude);
        unitLines = hatchSegments(feature.geometry, spacing).map((path) => ({
          unitId: feature.properties.unitId,
          path,
        }));
      }
      // Most recently used last: the oldest go first when the cache is full.
      this.cache.set(unitKey, unitLines);
      return unitLines;
    });
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= kept) break;
      this.cache.delete(oldest);
    }
    this.last = { key, lines };
    return lines;
  }
}
