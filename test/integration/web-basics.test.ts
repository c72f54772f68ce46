import { expect, test } from 'vitest';
import { hashPassword, passwordCostOf } from '../../server/auth/passwords';
import { createStore } from '../../server/store/sqlite';
import { login, startTestServer } from '../helpers/server';

/** Issue 14, item 10: security headers, login limits per address, trust proxy, scrypt cost, cookies. */

const attempt = (url: string, username: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password: 'wrong password' }),
  });

test('security headers, with a CSP that lets MapLibre run its blob: workers and reach the basemap host', async () => {
  const server = await startTestServer({ BASEMAP_STYLE_URL: 'https://tiles.example.com/styles/dark.json' });
  const response = await fetch(`${server.url}/api/health`);
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("connect-src 'self' data: blob: https://tiles.example.com");
  expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.com");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  await server.stop();
});

test('one address trying many usernames is limited, whatever the usernames', async () => {
  const server = await startTestServer();
  const statuses = [];
  for (let index = 0; index < 31; index += 1)
    statuses.push((await attempt(server.url, `user-${index}`)).status);
  expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
  expect(statuses[30]).toBe(429);
  // Without TRUST_PROXY a forwarded address is not believed: it cannot dodge the limit.
  expect((await attempt(server.url, 'user-x', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
  await server.stop();
});

test('behind a trusted proxy each client has its own limit, and https sign-ins get a Secure cookie', async () => {
  const server = await startTestServer(
    { TRUST_PROXY: '1' },
    {
      accounts: [{ username: 'wang', role: 'duty-officer', jurisdiction: 'ili', password: 'wang-password' }],
    },
  );
  for (let index = 0; index < 31; index += 1)
    expect(
      (await attempt(server.url, `user-${index}`, { 'x-forwarded-for': `203.0.113.${index}` })).status,
    ).toBe(401);
  const signIn = (proto: string) =>
    fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-proto': proto,
        'x-forwarded-for': '198.51.100.1',
      },
      body: JSON.stringify({ username: 'wang', password: 'wang-password' }),
    });
  const secure = (await signIn('https')).headers.getSetCookie();
  expect(secure).toHaveLength(2);
  expect(secure.every((cookie) => /; Secure/.test(cookie))).toBe(true);
  const plain = (await signIn('http')).headers.getSetCookie();
  expect(plain.some((cookie) => /; Secure/.test(cookie))).toBe(false);
  await server.stop();
});

test('scrypt runs at N = 2^17 in service; a weaker stored hash is replaced at the next sign-in', async () => {
  expect(passwordCostOf({})).toBe(2 ** 17);
  const server = await startTestServer();
  const store = createStore(server.dataDir);
  store.addAccount({
    id: 'legacy',
    username: 'legacy',
    role: 'commander',
    jurisdiction: null,
    passwordHash: await hashPassword('legacy-password', 2 ** 10),
    demo: false,
    createdAt: Date.now(),
    disabledAt: null,
  });
  const session = await login(server, 'legacy', 'legacy-password');
  const upgraded = store.accountByUsername('legacy')!.passwordHash;
  expect(upgraded.split('$')[1]).toBe(String(passwordCostOf(process.env)));
  const [entry] = store.audit({ text: 'passwordRehashed', limit: 1 });
  expect(entry).toMatchObject({ action: 'login', detail: { passwordRehashed: true } });
  store.close();
  // A CSRF token of the right length but wrong is refused like a missing one.
  const wrong = await fetch(`${server.url}/api/logout`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    },
  });
  expect(wrong.status).toBe(403);
  expect((await login(server, 'legacy', 'legacy-password')).cookie).toMatch(/tianshan_session/);
  await server.stop();
});
