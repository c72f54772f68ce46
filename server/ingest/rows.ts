import { z } from 'zod';
import { type Issue, issuesOf } from '../../shared/issues';
import { HOUR, isWholeHour, parseInstant } from '../../shared/time';
import { parseCsv } from './csv';
import { accepted, type IngestResult, invalid } from './result';

/** An hour end with its UTC offset, e.g. 2019-01-05T13:00:00+08:00 (hour-ending Beijing time). */
export const hourEndSchema = z
  .string()
  .describe('hour end, ISO 8601 with UTC offset, e.g. 2019-01-05T13:00:00+08:00')
  .transform((value, context) => {
    try {
      const time = parseInstant(value);
      if (isWholeHour(time)) return time;
      context.addIssue({
        code: 'custom',
        message: `${value} is not the end of an hour (minutes and seconds must be 0)`,
      });
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
    return z.NEVER;
  });

/** Any instant with its UTC offset. */
export const instantSchema = z
  .string()
  .describe('instant, ISO 8601 with UTC offset')
  .transform((value, context) => {
    try {
      return parseInstant(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** Reads a CSV body into records keyed by its header; an unreadable file is one refusal. */
export function csvRecords(text: string): IngestResult<Record<string, string>[]> {
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text);
  } catch (error) {
    return invalid('unreadable CSV', [{ field: '(body)', message: (error as Error).message }]);
  }
  const { header, rows } = table;
  return accepted(
    rows.map((row) => {
      const record: Record<string, string> = {};
      for (let column = 0; column < header.length; column += 1) record[header[column]!] = row[column]!;
      return record;
    }),
  );
}

/** CSV cells are text: an empty cell is "not measured" (null), anything else must be a number. */
export function csvNumber(cell: string | undefined): number | null | string {
  if (cell === undefined || cell === '') return null;
  const value = Number(cell);
  return Number.isNaN(value) ? cell : value;
}

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
  return time <= now + HOUR;
}
