import { type CookieOptions, type Request, Router } from 'express';
import { z } from 'zod';
import { csrfCookie, publicAccount, sessionCookie } from '../auth/principal';
import { createRateLimit } from '../auth/rate-limit';
import { sessionHours, signIn } from '../auth/sign-in';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { requirePrincipal } from './guards';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Attempts per minute: per address and username, and per address whatever the username. */
const perUserAttempts = 5;
const perAddressAttempts = 30;

/**
 * POST /login, POST /logout, GET /me. Login attempts over either limit → 429. The address is the client's
 * as Express sees it: behind a reverse proxy, TRUST_PROXY makes it the forwarded one.
 */
export function authRouter(store: Store, options: { cookieSecure: 'auto' | 'on' | 'off' }): Router {
  const router = Router();
  const perUser = createRateLimit(store, 'login-user', perUserAttempts, 60_000);
  const perAddress = createRateLimit(store, 'login-address', perAddressAttempts, 60_000);
  const cookie = (request: Request, httpOnly: boolean): CookieOptions => ({
    httpOnly,
    sameSite: 'strict',
    secure: options.cookieSecure === 'on' || (options.cookieSecure === 'auto' && request.secure),
    path: '/',
    maxAge: sessionHours * 3_600_000,
  });

  router.post('/login', async (request, response) => {
    const { username, password } = parseOr400(loginSchema, request.body, 'login');
    const now = Date.now();
    const address = request.ip ?? 'unknown';
    const retryAfter = perAddress.hit(address, now) ?? perUser.hit(`${address}|${username}`, now);
    if (retryAfter !== null) {
      throw new HttpError(
        429,
        { error: 'too many login attempts; wait and retry' },
        { 'Retry-After': String(retryAfter) },
      );
    }
    const signedIn = await signIn(store, username, password, { ip: request.ip, now });
    if (!signedIn.ok) throw new HttpError(401, { error: 'wrong username or password' });
    const { account, session } = signedIn;
    response.cookie(sessionCookie, session.id, cookie(request, true));
    response.cookie(csrfCookie, session.csrfToken, cookie(request, false));
    response.json({ account: publicAccount(account), csrfToken: session.csrfToken });
  });

  router.post('/logout', (request, response) => {
    const principal = requirePrincipal(request);
    if (principal.kind === 'account') {
      store.transaction(() => {
        store.deleteSession(principal.session.id);
        store.appendAudit({
          at: Date.now(),
          actor: `${principal.account.username} (${principal.account.role})`,
          action: 'logout',
          detail: null,
        });
      });
    }
    response.clearCookie(sessionCookie, { path: '/' });
    response.clearCookie(csrfCookie, { path: '/' });
    response.status(204).end();
  });

  router.get('/me', (request, response) => {
    const principal = requirePrincipal(request);
    if (principal.kind === 'feeder') {
      response.json({ feeder: { id: principal.keyId, label: principal.label } });
      return;
    }
    response.json({ account: publicAccount(principal.account), csrfToken: principal.session.csrfToken });
  });
  return router;
}
