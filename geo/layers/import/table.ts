import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { decodeOfficeText } from '../../../shared/office-text';
import { readZip } from '../../archive/zip';

/** A row as the user sees it: `number` is the 1-based row (line) number in the file. */
export interface TableRow {
  number: number;
  cells: unknown[];
}

/** A file that cannot be read at all: the reason, for a row-0 issue. */
export type Unreadable = { problem: string };

export function readCsv(bytes: Uint8Array): TableRow[] | Unreadable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeOfficeText(bytes), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { problem: `not readable as CSV: ${(error as Error).message}` };
  }
  // info.lines is where a record ends; the user sees it where it starts (a quoted cell may span lines).
  return records.map(({ record }, index) => ({
    number: (records[index - 1]?.info.lines ?? 0) + 1,
    cells: record,
  }));
}

/**
 * The sheets of a workbook, each as rows numbered as Excel numbers them. exceljs unzips without limits, so
 * the archive is first inflated within the upload caps (geo/archive/zip) and refused when over them.
 */
export async function readXlsx(
  bytes: Uint8Array,
): Promise<{ sheet: string; rows: TableRow[] }[] | Unreadable> {
  const inflated = readZip(bytes, () => true);
  if (!inflated.ok) return { problem: `not a readable XLSX workbook: ${inflated.problem}` };
  // Loaded on first use: exceljs is large, and most imports are CSV or GeoJSON.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { problem: `not a readable XLSX workbook: ${(error as Error).message}` };
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: TableRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellValue(cell.value);
      });
      rows.push({ number, cells: Array.from(cells, (cell) => cell ?? null) });
    });
    return { sheet: worksheet.name, rows };
  });
}

/** Formulas give their cached result, rich text and hyperlinks their text, errors nothing. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || value instanceof Date) return value ?? null;
  if (typeof value !== 'object') return value;
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return value.text;
  return null;
}
