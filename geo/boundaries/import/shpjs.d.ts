declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  /** Reads a zipped shapefile (reprojecting by its .prj); one collection per layer when several. */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
  ): Promise<(FeatureCollection & { fileName?: string }) | (FeatureCollection & { fileName?: string })[]>;
}
