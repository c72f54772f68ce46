import type { z } from 'zod';
import type { Jurisdiction } from '../../../shared/units/schema';
import { pointNearUnit, type UnitBoxes } from '../../boundaries/locate';
import { unitOf } from '../common';
import { type LayerKind, type LayerRecord, layerRecordSchemas } from '../kinds';
import { cellText } from './cells';
import { type ColumnSpec, columnLabel, layerColumns } from './columns';
import type { LocatedColumn } from './header';
import type { ImportIssue } from './report';

/** A data row with its cells already mapped to column specs (from a sheet or a GeoJSON feature). */
export interface SourceRow {
  number: number;
  cells: { column: LocatedColumn; cell: unknown }[];
}

export interface ParsedRows<Kind extends LayerKind> {
  records: { row: number; record: LayerRecord<Kind> }[];
  issues: ImportIssue[];
  rejectedRows: number;
}

/** Parses each row into a record of the kind, reporting every bad cell and every rule a row breaks. */
export function parseRows<Kind extends LayerKind>(
  kind: Kind,
  rows: readonly SourceRow[],
  jurisdiction?: Jurisdiction,
  unitBoxes?: UnitBoxes,
): ParsedRows<Kind> {
  const specs = layerColumns[kind];
  const schema = layerRecordSchemas[kind] as unknown as z.ZodType<LayerRecord<Kind>>;
  const issues: ImportIssue[] = [];
  const parsed: { row: number; record: LayerRecord<Kind> }[] = [];
  const rejected = new Set<number>();
  for (const row of rows) {
    const rowIssues: ImportIssue[] = [];
    const record: Record<string, unknown> = {};
    for (const spec of specs) {
      const found = row.cells.find(({ column }) => column.spec === spec);
      if (!found) {
        setPath(record, spec.field, spec.fallback);
        continue;
      }
      const result = spec.parse(found.cell);
      if ('error' in result)
        rowIssues.push({
          row: row.number,
          column: found.column.header,
          value: cellText(found.cell),
          message: `${spec.field} ${result.error}`,
        });
      else setPath(record, spec.field, result.value);
    }
    if (rowIssues.length === 0) {
      const result = schema.safeParse(record);
      const elsewhere = result.success && jurisdiction ? unitOf(result.data.unitId)?.jurisdiction : undefined;
      if (result.success && elsewhere && elsewhere !== jurisdiction) {
        const found = row.cells.find(({ column }) => column.spec.field === 'unitId');
        rowIssues.push({
          row: row.number,
          column: found?.column.header ?? 'unitId',
          // The cell as the office wrote it (伊宁市), which the report must let them find; the id is in the message.
          value: found ? cellText(found.cell) : result.data.unitId,
          message: `unitId ${result.data.unitId} is a unit of ${elsewhere}; this is the ${jurisdiction} layer`,
        });
      } else if (result.success && !nearItsUnit(result.data, unitBoxes)) {
        const { unitId, lon, lat } = result.data as unknown as { unitId: string; lon: number; lat: number };
        const found = row.cells.find(({ column }) => column.spec.field === 'lon');
        rowIssues.push({
          row: row.number,
          column: found?.column.header ?? 'lon',
          value: `${lon}, ${lat}`,
          message: `the point (${lon}, ${lat}) is not in or near ${unitOf(unitId)?.nameZh ?? unitId} (${unitId}): check the coordinates and the unit`,
        });
      } else if (result.success) parsed.push({ row: row.number, record: result.data });
      else rowIssues.push(...result.error.issues.map((issue) => schemaIssue(row, specs, record, issue)));
    }
    if (rowIssues.length > 0) rejected.add(row.number);
    issues.push(...rowIssues);
  }
  const duplicates = duplicateIds(parsed, rows);
  for (const issue of duplicates) rejected.add(issue.row);
  return {
    records: parsed.filter(({ row }) => !rejected.has(row)),
    issues: [...issues, ...duplicates].sort((a, b) => a.row - b.row),
    rejectedRows: rejected.size,
  };
}

/** A record placed by a point (an enterprise, a dust source) lies in or near the unit it is filed under. */
function nearItsUnit(record: object, unitBoxes: UnitBoxes | undefined): boolean {
  const { unitId, lon, lat } = record as { unitId?: unknown; lon?: unknown; lat?: unknown };
  if (!unitBoxes || typeof unitId !== 'string' || typeof lon !== 'number' || typeof lat !== 'number')
    return true;
  return pointNearUnit(unitBoxes, unitId, lon, lat);
}

function schemaIssue(
  row: SourceRow,
  specs: readonly ColumnSpec[],
  record: Record<string, unknown>,
  issue: z.core.$ZodIssue,
): ImportIssue {
  const path = issue.path.map(String).join('.');
  const spec = [...specs]
    .sort((a, b) => b.field.length - a.field.length)
    .find((candidate) => path.startsWith(candidate.field));
  const found = spec && row.cells.find(({ column }) => column.spec === spec);
  return {
    row: row.number,
    column: found ? found.column.header : spec ? columnLabel(spec) : path,
    value: found ? cellText(found.cell) : cellText(spec ? getPath(record, spec.field) : undefined),
    message: `${path || 'row'} ${issue.message}`,
  };
}

/** Two rows with one id: neither can be right, so both are reported, each naming the other. */
function duplicateIds<Kind extends LayerKind>(
  parsed: { row: number; record: LayerRecord<Kind> }[],
  rows: readonly SourceRow[],
): ImportIssue[] {
  const byId = new Map<string, number[]>();
  for (const { row, record } of parsed) byId.set(record.id, [...(byId.get(record.id) ?? []), row]);
  return [...byId].flatMap(([id, numbers]) =>
    numbers.length < 2
      ? []
      : numbers.map((number) => ({
          row: number,
          column:
            rows.find((row) => row.number === number)?.cells.find(({ column }) => column.spec.field === 'id')
              ?.column.header ?? 'id',
          value: id,
          message: `duplicate id: rows ${numbers.join(', ')} share it`,
        })),
  );
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], source);
}
