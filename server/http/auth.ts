import { randomBytes } from 'node:crypto';
import { type CookieOptions, Router } from 'express';
import { z } from 'zod';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { csrfCookie, publicAccount, sessionCookie } from '../auth/principal';
import { createRateLimit } from '../auth/rate-limit';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { requirePrincipal } from './guards';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const sessionHours = 12;

/** POST /login, POST /logout, GET /me. Login attempts: 5 per minute per IP and username, then 429. */
export function authRouter(store: Store, options: { secureCookies: boolean }): Router {
  const router = Router();
  const limit = createRateLimit(5, 60_000);
  const cookie = (httpOnly: boolean): CookieOptions => ({
    httpOnly,
    sameSite: 'strict',
    secure: options.secureCookies,
    path: '/',
    maxAge: sessionHours * 3_600_000,
  });

  router.post('/login', async (request, response) => {
    const { username, password } = parseOr400(loginSchema, request.body, 'login');
    const now = Date.now();
    const retryAfter = limit.hit(`${request.ip}|${username}`, now);
    if (retryAfter !== null) {
      throw new HttpError(
        429,
        { error: 'too many login attempts; wait and retry' },
        { 'Retry-After': String(retryAfter) },
      );
    }
    const account = store.accountByUsername(username);
    const valid = await verifyPassword(password, account?.passwordHash ?? decoyHash);
    if (!account || !valid) {
      store.appendAudit({ at: now, actor: username, action: 'login.failed', detail: { ip: request.ip } });
      throw new HttpError(401, { error: 'wrong username or password' });
    }
    const session = {
      id: randomBytes(32).toString('base64url'),
      accountId: account.id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now,
      expiresAt: now + sessionHours * 3_600_000,
    };
    store.transaction(() => {
      store.addSession(session);
      store.appendAudit({
        at: now,
        actor: `${account.username} (${account.role})`,
        action: 'login',
        detail: { ip: request.ip },
      });
    });
    response.cookie(sessionCookie, session.id, cookie(true));
    response.cookie(csrfCookie, session.csrfToken, cookie(false));
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
