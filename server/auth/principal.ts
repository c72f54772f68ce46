import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { auditReaders } from '../../shared/api/responses';
import type { Role } from '../../shared/plans/schema';
import type { AccountRow, SessionRow, Store } from '../store/types';

export const sessionCookie = 'tianshan_session';
export const csrfCookie = 'tianshan_csrf';
export const csrfHeader = 'x-csrf-token';

/** Who is calling: a signed-in account (by session cookie) or a feeder (by API key). */
export type Principal =
  | { kind: 'account'; account: AccountRow; session: SessionRow }
  | { kind: 'feeder'; keyId: string; label: string };

/** The public view of an account (GET /api/me, socket.data.account). */
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

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(sha256Hex(a), 'hex');
  const right = Buffer.from(sha256Hex(b), 'hex');
  return timingSafeEqual(left, right);
}

export function sessionFromCookie(store: Store, cookieHeader: string | undefined, now: number) {
  const id = parseCookies(cookieHeader).get(sessionCookie);
  const session = id ? store.sessionById(id, now) : null;
  const account = session ? store.accountById(session.accountId) : null;
  return session && account ? { account, session } : null;
}

/** Resolves the caller: a Bearer key (FEEDER_KEY or a stored key) first, then the session cookie. */
export function principalOf(request: Request, store: Store, feederKey: string | undefined): Principal | null {
  const authorization = request.get('authorization');
  if (authorization?.startsWith('Bearer ')) {
    const key = authorization.slice('Bearer '.length).trim();
    if (feederKey && sameSecret(key, feederKey)) return { kind: 'feeder', keyId: 'env', label: 'FEEDER_KEY' };
    const stored = store.feederKeyByHash(sha256Hex(key));
    return stored ? { kind: 'feeder', keyId: stored.id, label: stored.label } : null;
  }
  const signedIn = sessionFromCookie(store, request.get('cookie'), Date.now());
  return signedIn ? { kind: 'account', ...signedIn } : null;
}

/** The name written to the audit log for a caller. */
export function actorName(principal: Principal): string {
  return principal.kind === 'account'
    ? `${principal.account.username} (${principal.account.role})`
    : `feeder:${principal.label}`;
}

/** Roles allowed to manage data (ingest, stations): the duty officer and the office (值班员 manages data). */
export const dataRoles: readonly Role[] = ['duty-officer', 'office-director'];
/** Roles who may read the audit log: the command and the office (one list, shared with the console). */
export const auditRoles: readonly Role[] = auditReaders;
/** Roles that never act on warnings: the press and the read-only wall. */
export const readOnlyRoles: readonly Role[] = ['press', 'viewer'];
