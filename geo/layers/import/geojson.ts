import { z } from 'zod';
import type { LayerKind } from '../kinds';
import { type ColumnSpec, columnLabel, layerColumns } from './columns';
import { headerResolver, type LocatedColumn } from './header';
import type { ImportIssue } from './report';
import type { SourceRow } from './rows';

const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  crs: z.object({ properties: z.object({ name: z.string() }) }).optional(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.union([z.string(), z.number()]).optional(),
      properties: z.record(z.string(), z.unknown()).nullable(),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
    }),
  ),
});

/** Names of the CRSs whose coordinates are longitude/latitude degrees on WGS84 or CGCS2000. */
const degreeCrs = /CRS84|EPSG:*4326|EPSG:*4490/i;

/**
 * Each feature becomes a row numbered from 1 in file order; issues about the file as a whole carry row 0.
 * Properties are matched like spreadsheet headers; the geometry gives lon/lat (points) or the zone polygon.
 */
export function geojsonRows(kind: LayerKind, text: string): { rows: SourceRow[]; issues: ImportIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fileIssue('', `the file is not JSON: ${(error as Error).message}`);
  }
  const collection = featureCollectionSchema.safeParse(json);
  if (!collection.success) {
    const issue = collection.error.issues[0]!;
    return fileIssue(
      issue.path.join('.'),
      `not a GeoJSON FeatureCollection: ${issue.path.join('.')} ${issue.message}`,
    );
  }
  const crs = collection.data.crs?.properties.name;
  if (crs && !degreeCrs.test(crs))
    return fileIssue(
      'crs',
      `the file is in ${crs}; export it as WGS84 or CGCS2000 longitude/latitude (EPSG:4326 or 4490)`,
    );
  const specs = layerColumns[kind];
  const resolve = headerResolver(specs);
  const rows: SourceRow[] = [];
  const issues: ImportIssue[] = [];
  collection.data.features.forEach((feature, index) => {
    const number = index + 1;
    const geometryCells = cellsFromGeometry(kind, specs, feature.geometry);
    if ('error' in geometryCells) {
      issues.push({
        row: number,
        column: 'geometry',
        value: feature.geometry?.type ?? 'null',
        message: geometryCells.error,
      });
      return;
    }
    const propertyCells = Object.entries(feature.properties ?? {}).flatMap(([key, cell]) => {
      const spec = resolve(key);
      return spec && !geometryCells.some(({ column }) => column.spec === spec)
        ? [{ column: { index: -1, header: key, spec }, cell }]
        : [];
    });
    if (feature.id !== undefined && !propertyCells.some(({ column }) => column.spec.field === 'id'))
      propertyCells.push({
        column: { index: -1, header: 'id', spec: specs.find((spec) => spec.field === 'id')! },
        cell: feature.id,
      });
    const cells = [...geometryCells, ...propertyCells];
    const missing = specs.filter(
      (spec) => spec.required && !cells.some(({ column }) => column.spec === spec),
    );
    if (missing.length > 0) {
      for (const spec of missing)
        issues.push({
          row: number,
          column: columnLabel(spec),
          value: '',
          message: `missing property ${columnLabel(spec)}`,
        });
      return;
    }
    rows.push({ number, cells });
  });
  return { rows, issues };
}

type Geometry = { type: string; coordinates: unknown } | null;

function cellsFromGeometry(
  kind: LayerKind,
  specs: readonly ColumnSpec[],
  geometry: Geometry,
): SourceRow['cells'] | { error: string } {
  const column = (field: string): LocatedColumn => ({
    index: -1,
    header: 'geometry',
    spec: specs.find((spec) => spec.field === field)!,
  });
  if (kind === 'diesel-zone') {
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon')
      return { error: 'a restriction zone needs a Polygon or MultiPolygon' };
    return [{ column: column('geometry'), cell: geometry }];
  }
  if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates))
    return { error: 'needs a Point geometry' };
  const [lon, lat] = geometry.coordinates as unknown[];
  return [
    { column: column('lon'), cell: lon },
    { column: column('lat'), cell: lat },
  ];
}

function fileIssue(column: string, message: string): { rows: SourceRow[]; issues: ImportIssue[] } {
  return { rows: [], issues: [{ row: 0, column, value: '', message }] };
}
