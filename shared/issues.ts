import type { z } from 'zod';

/** One problem with an input: the row (1-based, for lists and files) and field it concerns, in words. */
export type Issue = { row?: number; field: string; message: string };

/** A zod error's issues, each naming its field (its path; "(body)" for the whole input) and row. */
export function issuesOf(error: z.ZodError, row?: number): Issue[] {
  return error.issues.map((issue) => ({
    ...(row === undefined ? {} : { row }),
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
}
