import type { LayerKind } from '../kinds';
import { cellText } from './cells';
import { type ColumnSpec, columnLabel, layerColumns } from './columns';
import { type LocatedHeader, locateHeader } from './header';
import type { ImportIssue } from './report';
import type { SourceRow } from './rows';
import type { TableRow } from './table';

export type SheetRows =
  | { rows: SourceRow[]; issues: [] }
  | { rows: []; issues: ImportIssue[]; dataRows: number; headerFound: boolean };

/** The data rows of a sheet under its header, or file-level issues (no header, missing or doubled columns). */
export function sheetRows(kind: LayerKind, table: readonly TableRow[]): SheetRows {
  const specs = layerColumns[kind];
  const header = locateHeader(table, specs);
  const filled = (row: TableRow) => row.cells.some((cell) => cellText(cell) !== '');
  if (!header)
    return {
      rows: [],
      dataRows: table.filter(filled).length,
      headerFound: false,
      issues: [
        {
          row: 1,
          column: '',
          value: cellText(table[0]?.cells[0]),
          message: `no header row found; expected columns such as ${specs.slice(0, 4).map(columnLabel).join(', ')}`,
        },
      ],
    };
  const dataRows = table.slice(header.lastHeaderRow + 1).filter(filled);
  const issues = headerIssues(header, specs);
  if (issues.length > 0) return { rows: [], issues, dataRows: dataRows.length, headerFound: true };
  return {
    issues: [],
    rows: dataRows.map((row) => ({
      number: row.number,
      cells: header.columns.map((column) => ({ column, cell: row.cells[column.index] ?? null })),
    })),
  };
}

export function headerIssues(header: LocatedHeader, specs: readonly ColumnSpec[]): ImportIssue[] {
  const missing = specs
    .filter((spec) => spec.required && !header.columns.some((column) => column.spec === spec))
    .map((spec) => ({
      row: header.headerRowNumber,
      column: columnLabel(spec),
      value: '',
      message: `missing column ${columnLabel(spec)}`,
    }));
  const doubled = specs.flatMap((spec) => {
    const columns = header.columns.filter((column) => column.spec === spec);
    return columns.length < 2
      ? []
      : [
          {
            row: header.headerRowNumber,
            column: columns.map((column) => column.header).join(', '),
            value: '',
            message: `columns ${columns.map((column) => column.header).join(' and ')} both give ${spec.field}; keep one`,
          },
        ];
  });
  return [...missing, ...doubled];
}
