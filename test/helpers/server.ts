import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../server/app';
import { addAccount, type NewAccount } from '../../server/auth/accounts';
import { configFromEnvironment } from '../../server/config';
import { openStore } from '../../server/store';
import type { Store } from '../../server/store/types';
import { testDatabaseUrl } from './test-store';

export type TestServer = RunningServer & {
  dataDir: string;
  /** Set when the server runs on PostgreSQL (the `postgres` test project). */
  databaseUrl: string | undefined;
  /** The server's store, opened beside it (to look at or seed what it stored). */
  openStore: () => Store;
  stop: () => Promise<void>;
};

/** A server restarted on the same data directory finds its PostgreSQL database again. */
const databaseOf = new Map<string, string>();

/**
 * A real server on a free port with its own empty data directory (or `dataDir`, to reopen a store), and
 * the given accounts created in the store before it starts. In the `postgres` test project it runs on a
 * new PostgreSQL database (the one of `dataDir` when reopening, or `databaseUrl`).
 */
export async function startTestServer(
  environment: Record<string, string> = {},
  options: { accounts?: NewAccount[]; dataDir?: string; databaseUrl?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tianshan-'));
  const databaseUrl =
    environment.DATABASE_URL ??
    options.databaseUrl ??
    (options.dataDir ? databaseOf.get(options.dataDir) : undefined) ??
    (await testDatabaseUrl());
  if (databaseUrl) databaseOf.set(dataDir, databaseUrl);
  const open = () => openStore({ dataDir, databaseUrl, auditKey: environment.AUDIT_KEY });
  if (options.accounts?.length) {
    const store = open();
    for (const account of options.accounts) await addAccount(store, account, { actor: 'test' });
    store.close();
  }
  const config = configFromEnvironment({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    REPLAY: 'off',
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...environment,
  });
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    databaseUrl,
    openStore: open,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in session: fetch with its cookie, and its CSRF header on state-changing requests. */
export type Session = {
  cookie: string;
  csrfToken: string;
  request: (path: string, init?: RequestInit) => Promise<Response>;
};

export async function login(
  server: Pick<RunningServer, 'url'>,
  username: string,
  password: string,
): Promise<Session> {
  const response = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    request: (path, init = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...init.headers },
      }),
  };
}

/** An account per role for both prefectures, password `<role>-password`. */
export function accountsFor(roles: readonly NewAccount['role'][]): NewAccount[] {
  return roles.map((role) => ({ username: role, role, jurisdiction: 'both', password: `${role}-password` }));
}
