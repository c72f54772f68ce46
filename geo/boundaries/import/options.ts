import { z } from 'zod';

/** What the office tells us about its file (file import boundary: every field checked). */
export const boundaryImportOptionsSchema = z.object({
  /** The feature property that names the unit: an id (654002, xpcc4-r69) or a Chinese or English name. */
  idProperty: z.string().min(1).default('unitId'),
  /** WGS84 and CGCS2000 differ by centimetres and are treated as one; GCJ-02 is converted. */
  crs: z.enum(['wgs84', 'cgcs2000', 'gcj02']).default('wgs84'),
  /** Shown with the boundary wherever it is drawn, e.g. the office and the survey year. */
  source: z.string().trim().min(1),
  importedAt: z.number().int(),
});
export type BoundaryImportOptions = z.input<typeof boundaryImportOptionsSchema>;

export const boundaryFileSchema = z.object({
  name: z.string().min(1),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the file bytes'),
});
export type BoundaryFile = z.infer<typeof boundaryFileSchema>;

export type BoundaryImportProblem = {
  /** Index of the feature in the file (0-based), or null for a problem with the whole file. */
  feature: number | null;
  unitId: string | null;
  problem: string;
};
