import { z } from 'zod';

/** One problem in an imported file: row as the user sees it (1-based, header included), column as written. */
export const importIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;
