import type { Request, RequestHandler } from 'express';
import type { Role } from '../../shared/plans/schema';
import type { Jurisdiction } from '../../shared/units/schema';
import { type Access, csrfAccess, jurisdictionAccess, roleAccess, signInFirst } from '../auth/access';
import { callerOf, csrfHeader, type Principal } from '../auth/principal';
import type { Store } from '../store/types';
import { HttpError } from './errors';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** An access refusal as HTTP: 401 when nobody is signed in, 403 when this caller may not. */
export function enforce(access: Access): void {
  if (!access.ok) throw new HttpError(access.refusal === 'sign-in' ? 401 : 403, { error: access.message });
}

/** Resolves the caller on every request and checks the CSRF token of cookie-authenticated writes. */
export function authenticate(store: Store, feederKey: string | undefined): RequestHandler {
  return (request, _response, next) => {
    const caller = callerOf(
      { authorization: request.get('authorization'), cookie: request.get('cookie') },
      store,
      feederKey,
    );
    if (!caller.ok) throw new HttpError(401, { error: caller.problem });
    enforce(
      csrfAccess(caller.principal, {
        method: request.method,
        path: request.path,
        token: request.get(csrfHeader),
      }),
    );
    if (caller.principal) request.principal = caller.principal;
    next();
  };
}

export function requirePrincipal(request: Request): Principal {
  if (!request.principal) enforce(signInFirst);
  return request.principal!;
}

/** Allows the listed roles, and feeders when `feeders` is true; 401 when anonymous, 403 otherwise. */
export function allow(roles: readonly Role[], options: { feeders?: boolean } = {}): RequestHandler {
  return (request, _response, next) => {
    enforce(roleAccess(request.principal ?? null, roles, options));
    next();
  };
}

/** 403 unless the caller acts for `jurisdiction`. */
export function requireJurisdiction(principal: Principal, jurisdiction: Jurisdiction): void {
  enforce(jurisdictionAccess(principal, jurisdiction));
}
