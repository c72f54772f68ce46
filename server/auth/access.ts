import type { Role } from '../../shared/plans/schema';
import type { Jurisdiction } from '../../shared/units/schema';
import { csrfHeader, type Principal, sameSecret } from './principal';

/** An access decision: allowed, or refused because nobody is signed in or because this caller may not. */
export type Access = { ok: true } | { ok: false; refusal: 'sign-in' | 'forbidden'; message: string };

const allowed: Access = { ok: true };
const forbidden = (message: string): Access => ({ ok: false, refusal: 'forbidden', message });
export const signInFirst: Access = { ok: false, refusal: 'sign-in', message: 'sign in or send an API key' };

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request that authenticates by session cookie must echo the session's CSRF token
 * (synchronizer token, compared in constant time). Bearer-key requests carry no cookie credentials, and
 * login makes a session rather than using one (SameSite=Strict and JSON-only bodies guard it).
 */
export function csrfAccess(
  principal: Principal | null,
  request: { method: string; path: string; token: string | undefined },
): Access {
  if (principal?.kind !== 'account' || safeMethods.has(request.method) || request.path === '/login')
    return allowed;
  return request.token !== undefined && sameSecret(request.token, principal.session.csrfToken)
    ? allowed
    : forbidden(`missing or wrong CSRF token: send the ${csrfHeader} header`);
}

/** The listed roles, and feeders when `feeders` is true. */
export function roleAccess(
  principal: Principal | null,
  roles: readonly Role[],
  options: { feeders?: boolean } = {},
): Access {
  if (!principal) return signInFirst;
  if (principal.kind === 'feeder')
    return options.feeders ? allowed : forbidden('API keys may only ingest data and register stations');
  return roles.includes(principal.account.role)
    ? allowed
    : forbidden(`role ${principal.account.role} may not do this; allowed: ${roles.join(', ')}`);
}

/** Accounts bound to one prefecture act only there; feeders and accounts for both act anywhere. */
export function jurisdictionAccess(principal: Principal, jurisdiction: Jurisdiction): Access {
  if (
    principal.kind === 'account' &&
    principal.account.jurisdiction &&
    principal.account.jurisdiction !== jurisdiction
  )
    return forbidden(`account ${principal.account.username} acts for ${principal.account.jurisdiction} only`);
  return allowed;
}

/** Every jurisdiction the units a write touches belong to must be the caller's (units of no prefecture pass). */
export function jurisdictionsAccess(
  principal: Principal,
  jurisdictions: Iterable<Jurisdiction | null>,
): Access {
  for (const jurisdiction of new Set(jurisdictions)) {
    if (jurisdiction === null) continue;
    const access = jurisdictionAccess(principal, jurisdiction);
    if (!access.ok) return access;
  }
  return allowed;
}

/**
 * The read rule (issue 14, item 5): the live state — levels, regions, open warnings, explanations — is
 * public, for the wall that signs in to nothing. A prefecture's office records — the warning book with its
 * reasons and comments, the events behind it, daily reports, enterprise checks — are read by signed-in
 * accounts of that prefecture (or of both), over HTTP and the live socket alike.
 */
export function officeRecordsAccess(principal: Principal | null, jurisdiction: Jurisdiction): Access {
  if (!principal) return { ok: false, refusal: 'sign-in', message: 'sign in to read office records' };
  if (principal.kind === 'feeder') return forbidden('API keys do not read office records');
  return jurisdictionAccess(principal, jurisdiction);
}
