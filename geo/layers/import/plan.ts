import { decodeOfficeText } from '../../../shared/office-text';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { UnitBoxes } from '../../boundaries/locate';
import type { LayerKind, LayerRecord } from '../kinds';
import { geojsonRows } from './geojson';
import type { ImportIssue } from './report';
import { parseRows, type SourceRow } from './rows';
import { sheetRows } from './sheet';
import { readCsv, readXlsx, type TableRow } from './table';

export interface LayerFile {
  name: string;
  bytes: Uint8Array;
}

export interface LayerImportOptions {
  /** Import the rows that are valid and skip the others; by default one bad row stops the whole file. */
  validOnly?: boolean;
  /** The prefecture whose layer this is: a record of a unit elsewhere belongs in the other layer. */
  jurisdiction?: Jurisdiction;
  /** The units' boxes in the boundaries in force: a record's point must lie in or near its unit. */
  unitBoxes?: UnitBoxes;
}

export interface LayerImportPlan<Kind extends LayerKind> {
  /** Whether `next` should be persisted: the file applied cleanly, or validOnly applied its valid rows. */
  ok: boolean;
  /** The layer after the import (equal to `current` when nothing applies); persist it in one write. */
  next: LayerRecord<Kind>[];
  report: ImportIssue[];
  /** Records applied: new ones plus replaced ones. */
  imported: number;
  /** Of those, how many replaced a record with the same id. */
  replaced: number;
  /** Data rows (or features) that were not imported because of an issue. */
  rejected: number;
}

/**
 * Plans the import of a CSV, XLSX or GeoJSON file into a layer without side effects: the server persists
 * `next` atomically, so nothing is half-applied. Re-importing an id replaces that record in place.
 */
export async function planLayerImport<Kind extends LayerKind>(
  kind: Kind,
  current: readonly LayerRecord<Kind>[],
  file: LayerFile,
  options: LayerImportOptions = {},
): Promise<LayerImportPlan<Kind>> {
  const source = await sourceRows(kind, file);
  const rejectedFile = { ok: false, next: [...current], imported: 0, replaced: 0 };
  const inSheet = (issue: ImportIssue) =>
    source.sheet === undefined ? issue : { ...issue, message: `sheet ${source.sheet}: ${issue.message}` };
  if ('dataRows' in source)
    return { ...rejectedFile, report: source.issues.map(inSheet), rejected: source.dataRows };
  const parsed = parseRows(kind, source.rows, options.jurisdiction, options.unitBoxes);
  const report = [...source.issues, ...parsed.issues].sort((a, b) => a.row - b.row).map(inSheet);
  const rejected = parsed.rejectedRows + new Set(source.issues.map((issue) => issue.row)).size;
  if (report.length > 0 && !options.validOnly) return { ...rejectedFile, report, rejected };
  const incoming = new Map(parsed.records.map(({ record }) => [record.id, record]));
  const next = current.map((record) => incoming.get(record.id) ?? record);
  const replaced = current.filter((record) => incoming.has(record.id)).length;
  const known = new Set(current.map((record) => record.id));
  next.push(...parsed.records.map(({ record }) => record).filter((record) => !known.has(record.id)));
  return { ok: true, next, report, imported: incoming.size, replaced, rejected };
}

/** Rows to parse, or a file that cannot be read at all; `sheet` names the sheet read when a workbook has several. */
type Source = ({ rows: SourceRow[]; issues: ImportIssue[] } | { issues: ImportIssue[]; dataRows: number }) & {
  sheet?: string;
};

async function sourceRows(kind: LayerKind, file: LayerFile): Promise<Source> {
  const format = formatOf(file);
  if (format === 'geojson') {
    const result = geojsonRows(kind, decodeOfficeText(file.bytes));
    return result.issues.some((issue) => issue.row === 0) ? { issues: result.issues, dataRows: 0 } : result;
  }
  if (format === 'csv') {
    const table = readCsv(file.bytes);
    return 'problem' in table ? unreadable(table.problem) : sheetRows(kind, table);
  }
  const sheets = await readXlsx(file.bytes);
  return 'problem' in sheets ? unreadable(sheets.problem) : workbookRows(kind, sheets);
}

function unreadable(problem: string): Source {
  return { issues: [{ row: 0, column: '', value: '', message: problem }], dataRows: 0 };
}

type Sheets = { sheet: string; rows: TableRow[] }[];

/**
 * A workbook's list is the first sheet that reads cleanly, else the first with a recognisable header
 * (an instructions sheet before the list is common). With several sheets, issues name theirs.
 */
function workbookRows(kind: LayerKind, sheets: Sheets): Source {
  const read = sheets.map(({ sheet, rows }) => ({ sheet, result: sheetRows(kind, rows) }));
  const chosen =
    read.find(({ result }) => result.issues.length === 0) ??
    read.find(({ result }) => 'headerFound' in result && result.headerFound) ??
    read[0];
  if (!chosen)
    return {
      issues: [{ row: 0, column: '', value: '', message: 'the workbook has no sheets' }],
      dataRows: 0,
    };
  return sheets.length < 2 ? chosen.result : { ...chosen.result, sheet: chosen.sheet };
}

function formatOf(file: LayerFile): 'csv' | 'xlsx' | 'geojson' {
  const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (extension === 'csv') return 'csv';
  // Unknown name: a zip (PK) is a workbook, a brace is JSON, anything else CSV.
  if (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b) return 'xlsx';
  return file.bytes[0] === 0x7b ? 'geojson' : 'csv';
}
