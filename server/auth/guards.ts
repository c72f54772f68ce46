import type { Request, RequestHandler } from 'express';
import type { Role } from '../../shared/plans/schema';
import type { Jurisdiction } from '../../shared/units/schema';
import { HttpError } from '../http/errors';
import type { Store } from '../store/types';
import { csrfHeader, type Principal, principalOf } from './principal';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/**
 * Resolves the caller on every request. CSRF: a state-changing request that authenticates by session
 * cookie must echo the session's CSRF token in the X-CSRF-Token header (synchronizer token; the token is
 * returned by login and /api/me and set as the readable tianshan_csrf cookie). Bearer-key requests carry no
 * cookie credentials, so they need no token.
 */
export function authenticate(store: Store, feederKey: string | undefined): RequestHandler {
  return (request, _response, next) => {
    const principal = principalOf(request, store, feederKey);
    if (request.get('authorization')?.startsWith('Bearer ') && !principal) {
      throw new HttpError(401, { error: 'unknown API key' });
    }
    // Login is exempt: it creates a session rather than using one (SameSite=Strict and JSON-only bodies guard it).
    if (principal?.kind === 'account' && !safeMethods.has(request.method) && request.path !== '/login') {
      if (request.get(csrfHeader) !== principal.session.csrfToken) {
        throw new HttpError(403, { error: `missing or wrong CSRF token: send the ${csrfHeader} header` });
      }
    }
    if (principal) request.principal = principal;
    next();
  };
}

export function requirePrincipal(request: Request): Principal {
  if (!request.principal) throw new HttpError(401, { error: 'sign in or send an API key' });
  return request.principal;
}

/** Allows the listed roles, and feeders when `feeders` is true; 401 when anonymous, 403 otherwise. */
export function allow(roles: readonly Role[], options: { feeders?: boolean } = {}): RequestHandler {
  return (request, _response, next) => {
    const principal = requirePrincipal(request);
    if (principal.kind === 'feeder') {
      if (!options.feeders)
        throw new HttpError(403, { error: 'API keys may only ingest data and register stations' });
    } else if (!roles.includes(principal.account.role)) {
      throw new HttpError(403, {
        error: `role ${principal.account.role} may not do this; allowed: ${roles.join(', ')}`,
      });
    }
    next();
  };
}

/** Accounts bound to one prefecture act only there; feeders and accounts for both act anywhere. */
export function requireJurisdiction(principal: Principal, jurisdiction: Jurisdiction): void {
  if (
    principal.kind === 'account' &&
    principal.account.jurisdiction &&
    principal.account.jurisdiction !== jurisdiction
  ) {
    throw new HttpError(403, {
      error: `account ${principal.account.username} acts for ${principal.account.jurisdiction} only`,
    });
  }
}
