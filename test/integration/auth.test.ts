import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import { signIn } from '../../server/auth/sign-in';
import type { Store } from '../../server/store/types';
import { accountsFor, login, startTestServer, type TestServer } from '../helpers/server';

const feederKey = 'auth-test-feeder-key-0123456789';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(
    { FEEDER_KEY: feederKey },
    {
      accounts: accountsFor([
        'commander',
        'deputy-commander',
        'duty-officer',
        'press',
        'viewer',
        'office-director',
      ]),
    },
  );
});
afterAll(async () => {
  await server.stop();
});

function attempt(username: string, password: string) {
  return fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

const station = { name: 'test station', lon: 81.2815, lat: 43.9404 };

test('login sets an httpOnly SameSite=Strict session cookie, and /api/me names the account', async () => {
  const response = await attempt('duty-officer', 'duty-officer-password');
  expect(response.status).toBe(200);
  const sessionCookie = response.headers
    .getSetCookie()
    .find((header) => header.startsWith('tianshan_session='));
  expect(sessionCookie).toMatch(/HttpOnly/);
  expect(sessionCookie).toMatch(/SameSite=Strict/);
  const session = await login(server, 'duty-officer', 'duty-officer-password');
  const me = await (await session.request('/api/me')).json();
  expect(me.account).toEqual({
    id: expect.any(String),
    username: 'duty-officer',
    role: 'duty-officer',
    jurisdiction: null,
    demo: false,
  });
});

test('signing in again while signed in needs no CSRF token; the new session replaces the cookie', async () => {
  const first = await login(server, 'press', 'press-password');
  const again = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { cookie: first.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'press', password: 'press-password' }),
  });
  expect(again.status).toBe(200);
});

test('a wrong password is 401 and does not say which part was wrong', async () => {
  const wrong = await attempt('commander', 'not-the-password');
  expect(wrong.status).toBe(401);
  const unknown = await attempt('nobody', 'not-the-password');
  expect(unknown.status).toBe(401);
  expect(await wrong.json()).toEqual(await unknown.json());
});

test('the sixth login attempt within a minute for one username is 429 with Retry-After', async () => {
  for (let index = 0; index < 5; index += 1)
    expect((await attempt('deputy-commander', 'wrong-password')).status).toBe(401);
  const limited = await attempt('deputy-commander', 'deputy-commander-password');
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  expect((await attempt('press', 'press-password')).status).toBe(200);
});

test('a state-changing request by session without the CSRF header is refused', async () => {
  const session = await login(server, 'duty-officer', 'duty-officer-password');
  const withoutToken = await fetch(`${server.url}/api/stations/CSRF1`, {
    method: 'PUT',
    headers: { cookie: session.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(station),
  });
  expect(withoutToken.status).toBe(403);
  expect((await withoutToken.json()).error).toMatch(/CSRF/);
  const withToken = await session.request('/api/stations/CSRF1', {
    method: 'PUT',
    body: JSON.stringify(station),
  });
  expect(withToken.status).toBe(200);
});

test('without a session or key a write is 401; press and viewer may not manage data (403)', async () => {
  const anonymous = await fetch(`${server.url}/api/stations/ANON1`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(station),
  });
  expect(anonymous.status).toBe(401);
  for (const role of ['press', 'viewer'] as const) {
    const session = await login(server, role, `${role}-password`);
    const response = await session.request('/api/stations/ROLE1', {
      method: 'PUT',
      body: JSON.stringify(station),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(new RegExp(`role ${role}`));
  }
});

test('the feeder key ingests and registers stations but may not read the audit log or act on warnings', async () => {
  const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
  const put = await fetch(`${server.url}/api/stations/FEED1`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(station),
  });
  expect(put.status).toBe(200);
  expect((await fetch(`${server.url}/api/audit`, { headers })).status).toBe(403);
  const propose = await fetch(`${server.url}/api/warnings/propose`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      jurisdiction: 'ili',
      target: { kind: 'unit', unitId: '654002' },
      level: 'yellow',
      reason: 'test',
    }),
  });
  expect(propose.status).toBe(403);
  const wrongKey = await fetch(`${server.url}/api/stations/FEED2`, {
    method: 'PUT',
    headers: { ...headers, authorization: 'Bearer not-the-key-0123456789' },
    body: JSON.stringify(station),
  });
  expect(wrongKey.status).toBe(401);
});

test('logout ends the session', async () => {
  const session = await login(server, 'office-director', 'office-director-password');
  expect((await session.request('/api/logout', { method: 'POST' })).status).toBe(204);
  expect((await session.request('/api/me')).status).toBe(401);
});

test('the audit log records logins, failures and writes, for the command only', async () => {
  const commander = await login(server, 'commander', 'commander-password');
  const response = await commander.request('/api/audit?text=deputy-commander');
  expect(response.status).toBe(200);
  const actions = (await response.json()).entries.map((entry: { action: string }) => entry.action);
  expect(actions.filter((action: string) => action === 'login.failed')).toHaveLength(5);
  const writes = await (await commander.request('/api/audit?text=station.put')).json();
  expect(writes.entries.map((entry: { actor: string }) => entry.actor)).toEqual(
    expect.arrayContaining(['duty-officer (duty-officer)', 'feeder:FEEDER_KEY']),
  );
  expect((await commander.request('/api/audit/observation-changes')).status).toBe(200);
  const duty = await login(server, 'duty-officer', 'duty-officer-password');
  expect((await duty.request('/api/audit')).status).toBe(403);
});

test('a sign-in that checked the old password while a new one was set gets no session', async () => {
  const store = server.openStore();
  try {
    const newHash = await hashPassword('viewer-new-password');
    // The change (what `user passwd` writes) lands right after the sign-in has read the account, so the
    // sign-in checks the old password against the old hash and only then opens its session.
    let changed = false;
    const racing: Store = {
      ...store,
      accountByUsername: (username) => {
        const account = store.accountByUsername(username);
        if (account && !changed) {
          changed = true;
          store.transaction(() => {
            store.replacePasswordHash(account.id, newHash);
            store.deleteSessionsOf(account.id);
          });
        }
        return account;
      },
    };
    const raced = await signIn(racing, 'viewer', 'viewer-password', { ip: '127.0.0.1', now: Date.now() });
    expect(changed).toBe(true);
    expect(raced.ok).toBe(false);
    expect(store.deleteSessionsOf(store.accountByUsername('viewer')!.id)).toBe(0);
    expect((await attempt('viewer', 'viewer-password')).status).toBe(401);
    expect((await attempt('viewer', 'viewer-new-password')).status).toBe(200);
  } finally {
    store.close();
  }
});
