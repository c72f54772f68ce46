import { cellText } from './cells';
import { type ColumnSpec, normalizeHeader } from './columns';
import type { TableRow } from './table';

export interface LocatedColumn {
  index: number;
  /** The header as the file writes it (both rows of a two-row header). */
  header: string;
  spec: ColumnSpec;
}

export interface LocatedHeader {
  /** Position in the table's rows of the last header row; data follows it. */
  lastHeaderRow: number;
  headerRowNumber: number;
  columns: LocatedColumn[];
}

const searchedRows = 10;

/**
 * Finds the header among the first rows: a title row above it is skipped, and a two-row header (a merged
 * "年排放量（t/a）" over SO2, NOx, …) is read as one. The candidate naming the most known columns wins;
 * on a tie the single row does.
 */
export function locateHeader(rows: readonly TableRow[], specs: readonly ColumnSpec[]): LocatedHeader | null {
  const resolve = headerResolver(specs);
  const window = rows.slice(0, searchedRows + 1);
  const singles = window.map((row) => singleRowHeader(row, resolve));
  let best: LocatedHeader | null = null;
  let bestScore = 1;
  const consider = (columns: LocatedColumn[], last: number) => {
    const score = distinctColumns(columns);
    if (score <= bestScore) return;
    bestScore = score;
    best = { lastHeaderRow: last, headerRowNumber: rows[last]!.number, columns };
  };
  for (let position = 0; position < Math.min(rows.length, searchedRows); position++) {
    consider(singles[position]!, position);
    const lower = rows[position + 1];
    if (!lower) continue;
    // A two-row reading must name more columns than its lower row alone, or a title row would join the header.
    const double = twoRowHeader(rows[position]!, lower, resolve);
    if (distinctColumns(double) > distinctColumns(singles[position + 1]!)) consider(double, position + 1);
  }
  return best;
}

function distinctColumns(columns: readonly LocatedColumn[]): number {
  return new Set(columns.map((located) => located.spec)).size;
}

type Resolve = (header: string) => ColumnSpec | undefined;

export function headerResolver(specs: readonly ColumnSpec[]): Resolve {
  const lookup = new Map(
    specs.flatMap((spec) => spec.names.map((name) => [normalizeHeader(name), spec] as const)),
  );
  return (header) => lookup.get(normalizeHeader(header));
}

function singleRowHeader(row: TableRow, resolve: Resolve): LocatedColumn[] {
  return row.cells.flatMap((cell, index) => {
    const header = cellText(cell);
    const spec = header ? resolve(header) : undefined;
    return spec ? [{ index, header, spec }] : [];
  });
}

function twoRowHeader(upperRow: TableRow, lowerRow: TableRow, resolve: Resolve): LocatedColumn[] {
  const width = Math.max(upperRow.cells.length, lowerRow.cells.length);
  const located: LocatedColumn[] = [];
  let upper = '';
  for (let index = 0; index < width; index++) {
    // A CSV export of a merged cell leaves the cells it covered blank: they belong to the text on their left.
    upper = cellText(upperRow.cells[index]) || upper;
    const lower = cellText(lowerRow.cells[index]);
    const candidates = lower ? [lower, `${upper}${lower}`, `${lower}${upper}`] : [upper];
    const match = candidates.map((candidate) => resolve(candidate)).find((spec) => spec !== undefined);
    if (match)
      located.push({
        index,
        header: lower && upper !== lower ? `${upper} ${lower}` : lower || upper,
        spec: match,
      });
  }
  return located;
}
