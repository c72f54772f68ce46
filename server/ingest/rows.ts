import { z } from 'zod';
import { readDecimal } from '../../shared/decimal';
import { type Issue, issuesOf } from '../../shared/issues';
import { futureProblem } from '../../shared/time-schemas';
import { parseCsv } from './csv';
import { looseName } from './headers';
import { accepted, type IngestResult, invalid } from './result';

export { hourEndSchema, instantSchema } from '../../shared/time-schemas';

/** Reads a CSV body into records keyed by its header; an unreadable file, or one with no data row, is one refusal. */
export function csvRecords(text: string): IngestResult<Record<string, string>[]> {
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text);
  } catch (error) {
    return invalid('unreadable CSV', [{ field: '(body)', message: (error as Error).message }]);
  }
  const { header, rows } = table;
  if (rows.length === 0)
    return invalid('unreadable CSV', [
      { field: '(body)', message: 'no data rows: send a header line and at least one row' },
    ]);
  return accepted(
    rows.map((row) => {
      const record: Record<string, string> = {};
      for (let column = 0; column < header.length; column += 1) record[header[column]!] = row[column]!;
      return record;
    }),
  );
}

/** A JSON row's key that no field has: the field it is a spelling of ("PM2.5" → pm25), or the fields there are. */
export function unknownKeyIssue(key: string, fields: readonly string[]): Issue {
  const meant = fields.find((field) => field === looseName(key));
  return {
    field: key,
    message: meant
      ? `unknown key "${key}": name it "${meant}"`
      : `unknown key "${key}" (the keys are ${fields.join(', ')})`,
  };
}

/**
 * Each row whose key an earlier row already gave (an id, a unit and window), as an issue naming that row:
 * with two, which one stood would depend on row order.
 */
export function repeatedKeys(keys: readonly string[], field: string, what: string): Issue[] {
  const firstRow = new Map<string, number>();
  const issues: Issue[] = [];
  keys.forEach((key, index) => {
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, index + 1);
    else issues.push({ row: index + 1, field, message: `same ${what} as row ${first}` });
  });
  return issues;
}

/** CSV cells are text: an empty cell is "not measured" (null), anything else must be a decimal number. */
export function csvNumber(cell: string | undefined): number | null | string {
  if (cell === undefined || cell === '') return null;
  return readDecimal(cell) ?? cell;
}

/** A CSV cell holding a decimal number (readDecimal: 0x10 or 1e2 are not what offices write). */
export const csvDecimal = (schema: z.ZodNumber) =>
  z
    .string()
    .transform((cell, context) => {
      const value = readDecimal(cell);
      if (value !== null) return value;
      context.addIssue({ code: 'custom', message: `${cell || 'an empty cell'} is not a decimal number` });
      return z.NEVER;
    })
    .pipe(schema);

/** Parses each row with its schema; every failing row and field is listed, or the parsed rows returned. */
export function parseRows<Schema extends z.ZodType>(
  schema: Schema,
  rows: readonly unknown[],
  what: string,
): IngestResult<z.infer<Schema>[]> {
  const issues: Issue[] = [];
  const parsed: z.infer<Schema>[] = [];
  rows.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) parsed.push(result.data);
    else issues.push(...issuesOf(result.error, index + 1));
  });
  return issues.length > 0 ? invalid(`invalid ${what}: nothing was written`, issues) : accepted(parsed);
}

/** Parses a whole body with its schema, or refuses it naming every field. */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  what: string,
): IngestResult<z.infer<Schema>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? accepted(parsed.data) : invalid(`invalid ${what}`, issuesOf(parsed.error));
}

/** Data stamped more than an hour ahead of the wall clock is a typo, not an observation. */
export function notInFuture(time: number, now: number): boolean {
  return futureProblem(time, now) === null;
}
