import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { simplifyPolygonal } from '../../../geo/placement/simplify';

type Polygonal = Feature<Polygon | MultiPolygon>;

/** Half a device pixel: a simplified outline is the same picture. */
const tolerancePixels = 0.5;

/**
 * Outlines as drawn at a zoom (issue 16): simplified to under half a device pixel at the deepest zoom of
 * their whole-zoom step, computed once per outline and step and kept, so a view that comes back (the wall's
 * cycle) finds its geometry ready and deck.gl's data keeps its identity within a step.
 */
export class DrawnGeometry {
  private readonly cache = new WeakMap<object, Map<number, Polygonal>>();
  private readonly lists = new WeakMap<readonly Polygonal[], Map<number, Polygonal[]>>();

  static step(zoom: number): number {
    return Math.floor(zoom);
  }

  of<F extends Polygonal>(feature: F, step: number): F {
    let byStep = this.cache.get(feature);
    if (!byStep) {
      byStep = new Map();
      this.cache.set(feature, byStep);
    }
    let drawn = byStep.get(step);
    if (!drawn) {
      const degreesPerPixel = 360 / (512 * 2 ** (step + 1));
      drawn = {
        ...feature,
        geometry: simplifyPolygonal(
          feature.geometry,
          tolerancePixels / window.devicePixelRatio,
          degreesPerPixel,
        ),
      };
      byStep.set(step, drawn);
    }
    return drawn as F;
  }

  /** The same list at a step: one array per list and step, so deck.gl sees unchanged data as unchanged. */
  list<F extends Polygonal>(features: readonly F[], step: number): F[] {
    let bySteps = this.lists.get(features);
    if (!bySteps) {
      bySteps = new Map();
      this.lists.set(features, bySteps);
    }
    let drawn = bySteps.get(step);
    if (!drawn) {
      drawn = features.map((feature) => this.of(feature, step));
      bySteps.set(step, drawn);
    }
    return drawn as F[];
  }
}
