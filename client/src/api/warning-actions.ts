import { z } from 'zod';
import { guardAnswerSchema } from '../../../shared/api/responses';
import { warningSchema } from '../../../shared/rules/lifecycle/book-schema';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { postJson } from './http';
import { queries } from './queries';
import { queryClient } from './query-client';

const actionAnswerSchema = z.object({
  seq: z.number().nullable(),
  event: z.unknown(),
  warning: warningSchema.nullable(),
  guards: z.array(guardAnswerSchema),
  dryRun: z.boolean().optional(),
});
export type ActionAnswer = z.infer<typeof actionAnswerSchema>;

/** After an action: the answer's warning goes into the cached book at once, then the book is read again. */
async function acted(jurisdiction: Jurisdiction, answer: ActionAnswer): Promise<void> {
  const warning = answer.warning;
  if (warning) {
    queryClient.setQueryData(queries.warningBook(jurisdiction).queryKey, (book) =>
      book ? { ...book, warnings: { ...book.warnings, [warning.id]: warning } } : book,
    );
  }
  await queryClient.invalidateQueries({ queryKey: ['warnings', jurisdiction] });
  await queryClient.invalidateQueries({ queryKey: ['audit'] });
  // An issue, change or lift may have frozen a decision packet and moved the lifting outlook.
  await queryClient.invalidateQueries({ queryKey: ['packets'] });
  await queryClient.invalidateQueries({ queryKey: ['outlook'] });
}

export type ActionOptions = { csrfToken: string; dryRun?: boolean; signal?: AbortSignal };

/**
 * POST /api/warnings/propose, or POST /api/warnings/:id/:action (sign, issue, reject, raise, lower, lift,
 * cancel, override). A dry run asks what the server would answer and stores nothing; the guards it finds
 * come back in a 200 answer (the action itself is refused by them with 409).
 * Errors are ApiError with the server's code, both languages and, for 409 guards, the guards.
 */
export async function warningAction(
  jurisdiction: Jurisdiction,
  target: { action: 'propose' } | { action: string; warningId: string },
  body: Record<string, unknown>,
  options: ActionOptions,
): Promise<ActionAnswer> {
  const path =
    'warningId' in target
      ? `/api/warnings/${encodeURIComponent(target.warningId)}/${target.action}`
      : '/api/warnings/propose';
  const payload = 'warningId' in target ? body : { jurisdiction, ...body };
  const answer = await postJson(
    `${path}${options.dryRun ? '?dryRun=true' : ''}`,
    payload,
    actionAnswerSchema,
    {
      csrfToken: options.csrfToken,
      signal: options.signal,
    },
  );
  if (!options.dryRun) await acted(jurisdiction, answer);
  return answer;
}

const dustAnswerSchema = z.object({ seq: z.number(), event: z.unknown(), warning: z.null() });

/**
 * POST /api/warnings/confirm-dust: the office confirms sand and dust for a unit's hours; the engine then
 * leaves them out of grading and the state that comes over the socket says so.
 */
export async function confirmDust(
  body: { jurisdiction: Jurisdiction; unitId: string; from: number; to: number; reason: string },
  csrfToken: string,
): Promise<void> {
  await postJson(
    '/api/warnings/confirm-dust',
    { ...body, from: toBeijingIso(body.from), to: toBeijingIso(body.to) },
    dustAnswerSchema,
    { csrfToken },
  );
  await queryClient.invalidateQueries({ queryKey: ['warnings', body.jurisdiction] });
  await queryClient.invalidateQueries({ queryKey: ['audit'] });
}
