import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../helpers/cli';
import { accountsFor, login, startTestServer, type TestServer } from '../helpers/server';

/** The office offboards people with the CLI (README "Accounts") while the server runs on the same store. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(
    {},
    { accounts: accountsFor(['duty-officer', 'press', 'viewer', 'office-director', 'commander']) },
  );
});
afterAll(async () => {
  await server.stop();
});

function cli(args: string[], stdin?: string) {
  const environment: Record<string, string> = { DATA_DIR: server.dataDir };
  if (server.databaseUrl) environment.DATABASE_URL = server.databaseUrl;
  return runCli(args, environment, stdin);
}

function attempt(username: string, password: string) {
  return fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

function auditCount(): number {
  const store = server.openStore();
  try {
    return store.audit({ limit: 100_000 }).length;
  } finally {
    store.close();
  }
}

test('disabling someone who left ends their session and refuses their sign-in like a wrong password; enabling lets them back', async () => {
  const session = await login(server, 'duty-officer', 'duty-officer-password');
  const other = await login(server, 'press', 'press-password');
  expect((await session.request('/api/me')).status).toBe(200);

  expect(await cli(['user', 'disable', '--username', 'duty-officer'])).toMatchObject({
    status: 0,
    output: expect.stringContaining('disabled duty-officer'),
  });
  expect((await session.request('/api/me')).status).toBe(401);
  expect((await other.request('/api/me')).status).toBe(200);
  const refused = await attempt('duty-officer', 'duty-officer-password');
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual(await (await attempt('nobody-here', 'whatever-it-is')).json());
  const list = await cli(['user', 'list']);
  expect(list.status).toBe(0);
  expect(list.output).toMatch(/^duty-officer\s+duty-officer\s+both\s+disabled \d{4}-/m);
  expect(list.output).toMatch(/^press\s+press\s+both\s+active\s/m);
  expect(list.output).not.toMatch(/scrypt|password/);

  expect((await cli(['user', 'enable', '--username', 'duty-officer'])).status).toBe(0);
  const again = await login(server, 'duty-officer', 'duty-officer-password');
  expect((await again.request('/api/me')).status).toBe(200);
  expect((await session.request('/api/me')).status).toBe(401);
});

test('a new password from stdin: the old one is refused, the new one works, the old session is ended', async () => {
  const session = await login(server, 'viewer', 'viewer-password');
  const short = await cli(['user', 'passwd', '--username', 'viewer'], 'short\n');
  expect(short.status).toBe(2);
  expect(short.output).toMatch(/password: at least 8 characters/);
  expect((await session.request('/api/me')).status).toBe(200);

  expect((await cli(['user', 'passwd', '--username', 'viewer'], 'a-new-viewer-password\n')).status).toBe(0);
  expect((await session.request('/api/me')).status).toBe(401);
  expect((await attempt('viewer', 'viewer-password')).status).toBe(401);
  const renewed = await login(server, 'viewer', 'a-new-viewer-password');
  expect((await renewed.request('/api/me')).status).toBe(200);
});

test('a new role takes effect at the next sign-in; the old session is ended', async () => {
  const session = await login(server, 'office-director', 'office-director-password');
  expect(
    (
      await cli([
        'user',
        'role',
        '--username',
        'office-director',
        '--role',
        'viewer',
        '--jurisdiction',
        'ili',
      ])
    ).status,
  ).toBe(0);
  expect((await session.request('/api/me')).status).toBe(401);
  const renewed = await login(server, 'office-director', 'office-director-password');
  const me = await (await renewed.request('/api/me')).json();
  expect(me.account).toMatchObject({ role: 'viewer', jurisdiction: 'ili' });
});

test('an unknown username is named, exits 1 and writes nothing', async () => {
  const before = auditCount();
  for (const args of [
    ['user', 'disable', '--username', 'wang-left'],
    ['user', 'enable', '--username', 'wang-left'],
    ['user', 'role', '--username', 'wang-left', '--role', 'press'],
  ]) {
    const result = await cli(args);
    expect(result).toMatchObject({
      status: 1,
      output: expect.stringContaining('no account named wang-left'),
    });
  }
  const passwd = await cli(['user', 'passwd', '--username', 'wang-left'], 'long-enough-password\n');
  expect(passwd).toMatchObject({ status: 1, output: expect.stringContaining('no account named wang-left') });
  expect(auditCount()).toBe(before);
});

test('every change is in the audit chain, which still holds', async () => {
  const store = server.openStore();
  try {
    const actions = store
      .audit({ text: 'account.', limit: 1000 })
      .filter((entry) => entry.actor === 'cli')
      .map((entry) => `${entry.action} ${(entry.detail as { username: string }).username}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account.disable duty-officer',
        'account.enable duty-officer',
        'account.password viewer',
        'account.role office-director',
      ]),
    );
    const refusedSignIn = store
      .audit({ text: 'login.failed', limit: 1000 })
      .find((entry) => entry.actor === 'duty-officer');
    expect(refusedSignIn?.detail).toMatchObject({ accountDisabled: true });
  } finally {
    store.close();
  }
  expect(await cli(['audit', 'verify'])).toMatchObject({
    status: 0,
    output: expect.stringContaining('holds'),
  });
});
