import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { readDecimal } from '../../shared/decimal';
import { futureProblem } from '../../shared/time-schemas';
import { HttpError, type Issue, issuesOf } from '../http/errors';

/** Reads a CSV body into records keyed by its header; an unreadable file, or one with no data row, is one 400. */
export function csvRecords(text: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new HttpError(400, {
      error: 'unreadable CSV',
      issues: [{ field: '(body)', message: (error as Error).message }],
    });
  }
  if (records.length === 0)
    throw new HttpError(400, {
      error: 'unreadable CSV',
      issues: [{ field: '(body)', message: 'no data rows: send a header line and at least one row' }],
    });
  return records;
}

/** CSV cells are text: an empty cell is "not measured" (null), anything else must be a decimal number. */
export function csvNumber(cell: string | undefined): number | null | string {
  if (cell === undefined || cell === '') return null;
  return readDecimal(cell) ?? cell;
}

/** Parses each row with its schema; every failing row and field is listed, or the parsed rows returned. */
export function parseRows<Schema extends z.ZodType>(schema: Schema, rows: readonly unknown[], what: string) {
  const issues: Issue[] = [];
  const parsed: z.infer<Schema>[] = [];
  rows.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) parsed.push(result.data);
    else issues.push(...issuesOf(result.error, index + 1));
  });
  if (issues.length > 0) throw new HttpError(400, { error: `invalid ${what}: nothing was written`, issues });
  return parsed;
}

/** Data stamped more than an hour ahead of the wall clock is a typo, not an observation. */
export function notInFuture(time: number, now: number): boolean {
  return futureProblem(time, now) === null;
}
