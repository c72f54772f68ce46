import type { EnterpriseCheckInput } from '../../../geo/layers/enterprise-check';
import {
  type ForecastIngest,
  forecastIngestSchema,
  type Session,
  sessionSchema,
} from '../../../shared/api/responses';
import type { Jurisdiction } from '../../../shared/units/schema';
import { postFile, postJson } from './http';
import { noBody } from './queries';
import { queryClient } from './query-client';

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

/** POST /api/forecasts as CSV: the forecasting office's table, one issue (its time and source in the query). */
export async function importForecastTable(
  table: Blob,
  issue: { issuedAt: string; source: string },
  csrfToken: string,
): Promise<ForecastIngest> {
  const query = new URLSearchParams(issue).toString();
  return postFile(`/api/forecasts?${query}`, table, 'text/csv', forecastIngestSchema, { csrfToken });
}
