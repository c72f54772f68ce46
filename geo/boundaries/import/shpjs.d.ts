declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Reads a .shp (reprojected to WGS84 by the .prj text when given). */
  export function parseShp(shp: Uint8Array | DataView, prj?: string): Geometry[];
  /** Reads a .dbf's records, decoding text in the given encoding label (the .cpg's content). */
  export function parseDbf(dbf: Uint8Array | DataView, encoding?: string): Record<string, unknown>[];
}
