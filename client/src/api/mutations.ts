import { z } from 'zod';
import type { EnterpriseCheckInput } from '../../../geo/layers/enterprise-check';
import { type Session, sessionSchema } from '../../../shared/api/responses';
import { warningSchema } from '../../../shared/rules/lifecycle/book-schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { postJson } from './http';
import { noBody, queries } from './queries';
import { queryClient } from './queryClient';

/** What one account read is not shown to the next (the session's own query stays observed). */
function forgetAnswersOfOtherSessions(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
}

/** POST /api/login: the session cookie is set by the server; the cached session becomes this one. */
export async function logIn(username: string, password: string): Promise<Session> {
  const session = await postJson('/api/login', { username, password }, sessionSchema);
  forgetAnswersOfOtherSessions();
  queryClient.setQueryData(['session'], session);
  return session;
}

export async function logOut(csrfToken: string): Promise<void> {
  await postJson('/api/logout', {}, noBody, { csrfToken });
  forgetAnswersOfOtherSessions();
  queryClient.setQueryData(['session'], null);
}

export async function recordDailyReport(
  report: { jurisdiction: Jurisdiction; reporter: string; date: string; summary?: string },
  csrfToken: string,
): Promise<void> {
  await postJson('/api/reports', report, noBody, { csrfToken });
  await queryClient.invalidateQueries({ queryKey: ['reports', report.jurisdiction] });
}

export async function recordEnterpriseCheck(check: EnterpriseCheckInput, csrfToken: string): Promise<void> {
  await postJson('/api/enterprise-checks', check, noBody, { csrfToken });
  await queryClient.invalidateQueries({ queryKey: ['enterprise-checks', check.jurisdiction] });
}

const actionAnswerSchema = z.object({
  seq: z.number(),
  event: z.unknown(),
  warning: warningSchema.nullable(),
});

/** After an action: the answer's warning goes into the cached book at once, then the book is read again. */
async function acted(jurisdiction: Jurisdiction, answer: z.infer<typeof actionAnswerSchema>): Promise<void> {
  const warning = answer.warning;
  if (warning) {
    queryClient.setQueryData(queries.warningBook(jurisdiction).queryKey, (book) =>
      book ? { ...book, warnings: { ...book.warnings, [warning.id]: warning } } : book,
    );
  }
  await queryClient.invalidateQueries({ queryKey: ['warnings', jurisdiction] });
}

/** POST /api/warnings/propose. */
export async function proposeWarning(
  jurisdiction: Jurisdiction,
  body: Record<string, unknown>,
  csrfToken: string,
): Promise<void> {
  await acted(
    jurisdiction,
    await postJson('/api/warnings/propose', { jurisdiction, ...body }, actionAnswerSchema, { csrfToken }),
  );
}

/** POST /api/warnings/:id/:action (sign, issue, reject, raise, lower, lift, cancel, override). */
export async function actOnWarning(
  jurisdiction: Jurisdiction,
  warningId: string,
  action: string,
  body: Record<string, unknown>,
  csrfToken: string,
): Promise<void> {
  const path = `/api/warnings/${encodeURIComponent(warningId)}/${action}`;
  await acted(jurisdiction, await postJson(path, body, actionAnswerSchema, { csrfToken }));
}
