import { createHash, timingSafeEqual } from 'node:crypto';
import { auditReaders, dataManagers } from '../../shared/api/responses';
import type { Role } from '../../shared/plans/schema';
import type { AccountRow, SessionRow, Store } from '../store/types';

export { csrfCookie, csrfHeader } from '../../shared/api/session';

export const sessionCookie = 'tianshan_session';

/** Who is calling: a signed-in account (by session cookie) or a feeder (by API key). */
export type Principal =
  | { kind: 'account'; account: AccountRow; session: SessionRow }
  | { kind: 'feeder'; keyId: string; label: string };

/** The public view of an account (GET /api/me). */
export type Account = Pick<AccountRow, 'id' | 'username' | 'role' | 'jurisdiction' | 'demo'>;

export function publicAccount(account: AccountRow): Account {
  const { id, username, role, jurisdiction, demo } = account;
  return { id, username, role, jurisdiction, demo };
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    try {
      cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // A malformed cookie value is ignored, as if absent.
    }
  }
  return cookies;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compares two secrets in constant time (their SHA-256, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(sha256Hex(a), 'hex');
  const right = Buffer.from(sha256Hex(b), 'hex');
  return timingSafeEqual(left, right);
}

export function sessionFromCookie(store: Store, cookieHeader: string | undefined, now: number) {
  const id = parseCookies(cookieHeader).get(sessionCookie);
  const session = id ? store.sessionById(id, now) : null;
  const account = session ? store.accountById(session.accountId) : null;
  // Disabling ends the sessions; this also ends one a sign-in in flight made just after.
  return session && account && account.disabledAt === null ? { account, session } : null;
}

/** Who a request's credentials name: a principal, nobody (anonymous), or a Bearer key we do not know. */
export type Caller = { ok: true; principal: Principal | null } | { ok: false; problem: 'unknown API key' };

/** Resolves the caller: a Bearer key (FEEDER_KEY or a stored key) first, then the session cookie. */
export function callerOf(
  headers: { authorization: string | undefined; cookie: string | undefined },
  store: Store,
  feederKey: string | undefined,
): Caller {
  if (headers.authorization?.startsWith('Bearer ')) {
    const key = headers.authorization.slice('Bearer '.length).trim();
    if (feederKey && sameSecret(key, feederKey))
      return { ok: true, principal: { kind: 'feeder', keyId: 'env', label: 'FEEDER_KEY' } };
    const stored = store.feederKeyByHash(sha256Hex(key));
    return stored
      ? { ok: true, principal: { kind: 'feeder', keyId: stored.id, label: stored.label } }
      : { ok: false, problem: 'unknown API key' };
  }
  const signedIn = sessionFromCookie(store, headers.cookie, Date.now());
  return { ok: true, principal: signedIn ? { kind: 'account', ...signedIn } : null };
}

/** The name written to the audit log for a caller. */
export function actorName(principal: Principal): string {
  return principal.kind === 'account'
    ? `${principal.account.username} (${principal.account.role})`
    : `feeder:${principal.label}`;
}

/** Roles allowed to manage data (ingest, stations): one list, shared with the console. */
export const dataRoles: readonly Role[] = dataManagers;
/** Roles who may read the audit log: the command and the office (one list, shared with the console). */
export const auditRoles: readonly Role[] = auditReaders;
/** Roles that never act on warnings: the press and the read-only wall. */
export const readOnlyRoles: readonly Role[] = ['press', 'viewer'];
