import type { EnterpriseCheck, EnterpriseCheckInput } from '../../../geo/layers/enterprise-check';
import type { Role } from '../../../shared/plans';
import type { WarningBook } from '../../../shared/rules';
import type { Jurisdiction } from '../../../shared/units/schema';
import { enterpriseChecksResponseSchema } from '../map/enterpriseChecks';

/** The signed-in account as GET /api/me and POST /api/login give it. */
export type Account = {
  id: string;
  username: string;
  role: Role;
  /** null: both prefectures. */
  jurisdiction: Jurisdiction | null;
  demo: boolean;
};
export type Session = { account: Account; csrfToken: string };

export type AuditEntry = { seq: number; at: number; actor: string; action: string; detail: unknown };

export type UnitListing = {
  id: string;
  nameZh: string;
  nameEn: string;
  jurisdiction: Jurisdiction;
  kind: string;
  neighbours: { id: string; sharedKm: number }[];
};

/** An HTTP error with the server's message (every error body is `{ error }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function parsed<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  throw new ApiError(response.status, body.error ?? `HTTP ${response.status}`);
}

export async function getJson<T>(path: string): Promise<T> {
  return parsed<T>(await fetch(path, { credentials: 'same-origin' }));
}

/** A state-changing request: the session cookie plus the synchronizer token (docs/API.md, CSRF). */
export async function postJson<T>(path: string, body: unknown, csrfToken: string): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  return parsed<T>(response);
}

export async function currentSession(): Promise<Session | null> {
  const response = await fetch('/api/me', { credentials: 'same-origin' });
  if (response.status === 401) return null;
  const body = await parsed<{ account?: Account; csrfToken?: string }>(response);
  return body.account && body.csrfToken ? { account: body.account, csrfToken: body.csrfToken } : null;
}

export async function logIn(username: string, password: string): Promise<Session> {
  const response = await fetch('/api/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return parsed<Session>(response);
}

export async function logOut(csrfToken: string): Promise<void> {
  await fetch('/api/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken },
  });
}

export function warningBook(jurisdiction: Jurisdiction): Promise<WarningBook> {
  return getJson<WarningBook>(`/api/warnings?jurisdiction=${jurisdiction}`);
}

export async function auditEntries(text: string): Promise<AuditEntry[]> {
  const query = new URLSearchParams({ limit: '500' });
  if (text.trim()) query.set('text', text.trim());
  return (await getJson<{ entries: AuditEntry[] }>(`/api/audit?${query}`)).entries;
}

/** One expected reporter and its report for the day, as GET /api/reports gives it (plans 5.1 信息报送). */
export type ReporterStatus = {
  /** A warning unit id, or a member unit's Chinese name. */
  reporter: string;
  kind: 'unit' | 'member';
  nameZh: string;
  nameEn: string;
  reported: boolean;
  receivedAt: number | null;
  recordedBy: string | null;
  summary: string | null;
};
export type DailyReporting = {
  jurisdiction: Jurisdiction;
  date: string;
  expected: number;
  reported: number;
  reporters: ReporterStatus[];
};

export function dailyReporting(jurisdiction: Jurisdiction, date: string): Promise<DailyReporting> {
  return getJson<DailyReporting>(`/api/reports?${new URLSearchParams({ jurisdiction, date })}`);
}

export function recordDailyReport(
  report: { jurisdiction: Jurisdiction; reporter: string; date: string; summary?: string },
  csrfToken: string,
): Promise<unknown> {
  return postJson('/api/reports', report, csrfToken);
}

/** GET /api/enterprise-checks: the latest check per enterprise of the current exercise (issue 7). */
export async function enterpriseChecks(jurisdiction: Jurisdiction): Promise<EnterpriseCheck[]> {
  const body = await getJson<unknown>(`/api/enterprise-checks?${new URLSearchParams({ jurisdiction })}`);
  return enterpriseChecksResponseSchema.parse(body).checks;
}

export function recordEnterpriseCheck(check: EnterpriseCheckInput, csrfToken: string): Promise<unknown> {
  return postJson('/api/enterprise-checks', check, csrfToken);
}
