import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPostgresStore } from '../../../server/store/postgres';
import { runCli } from '../../helpers/cli';
import { eventually } from '../../helpers/cluster';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { startTestServer } from '../../helpers/server';
import { rewriteAuditEntry } from '../../helpers/tamper';

/** Issue 19: what only the PostgreSQL store has to prove (the shared suite runs on it too: vitest.config.ts). */
const auditKey = 'postgres-store-test-audit-key-0123456789';
let postgres: TestPostgres;
const directories: string[] = [];

function dataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-pg-store-'));
  directories.push(directory);
  return directory;
}

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres.stop();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

test('an empty database gets its tables at start; the events, packets, documents and audit are append-only', async () => {
  const url = await postgres.createDatabase();
  const store = createPostgresStore(url, { dataDir: dataDir(), auditKey });
  expect(store.status()).toEqual({ kind: 'postgres', ok: true });
  expect(await sql(url, 'SELECT version FROM migrations ORDER BY version')).toEqual(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((version) => ({ version })),
  );
  const event = store.appendEvent('ili', { kind: 'test' }, 1);
  store.appendPacket({
    jurisdiction: 'ili',
    eventSeq: event.seq,
    warningId: 'w',
    outcome: 'issued',
    at: 1,
    frozenAt: 1,
    body: {},
  });
  store.addWarningDocument({
    jurisdiction: 'ili',
    warningId: 'w',
    document: 'forms',
    segment: null,
    body: {},
    released: false,
    at: 1,
    actor: 'a',
  });
  store.appendAudit({ at: 1, actor: 'a', action: 'test', detail: null });
  for (const table of ['warning_events', 'decision_packets', 'warning_documents', 'audit']) {
    for (const statement of [`UPDATE ${table} SET at = 2`, `DELETE FROM ${table}`, `TRUNCATE ${table}`])
      await expect(sql(url, statement), statement).rejects.toThrow(/append-only/);
  }
  store.close();
});

/** A process of its own that opens the store and writes (test/helpers/store-writer.ts). */
function writer(url: string, writes: number, startAt: number): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/store-writer.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dataDir(),
      AUDIT_KEY: auditKey,
      WRITES: String(writes),
      START_AT: String(startAt),
    },
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.once('exit', resolve));
}

test('processes starting together on one empty database migrate it once and write one unbroken chain', async () => {
  const url = await postgres.createDatabase();
  const startAt = Date.now() + 4_000;
  const writers = [writer(url, 60, startAt), writer(url, 60, startAt), writer(url, 60, startAt)];
  expect(await Promise.all(writers)).toEqual([0, 0, 0]);
  expect(await sql(url, 'SELECT count(*)::int AS count FROM migrations')).toEqual([{ count: 12 }]);
  const store = createPostgresStore(url, { dataDir: dataDir(), auditKey });
  expect(store.verifyAudit()).toEqual({ ok: true, entries: 180 });
  expect(store.events('ili').map((event) => event.seq)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  store.close();
});

function cliVerify(url: string, directory: string) {
  return runCli(['audit', 'verify'], { DATABASE_URL: url, DATA_DIR: directory, AUDIT_KEY: auditKey });
}

test('`npm run cli -- audit verify` on PostgreSQL holds, then finds one rewritten row', async () => {
  const feederKey = 'postgres-store-feeder-key-0123456789';
  const server = await startTestServer(
    { FEEDER_KEY: feederKey, AUDIT_KEY: auditKey },
    { databaseUrl: await postgres.createDatabase() },
  );
  for (const id of ['A1', 'A2', 'A3'])
    await fetch(`${server.url}/api/stations/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: id, lon: 81.2815, lat: 43.9404 }),
    });
  expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({
    storage: { kind: 'postgres', ok: true },
  });
  await server.close();
  expect(await cliVerify(server.databaseUrl!, server.dataDir)).toEqual({
    status: 0,
    output: 'audit chain holds: 3 entries\n',
  });
  await rewriteAuditEntry(server, 2, 'A2', 'B2');
  const verdict = await cliVerify(server.databaseUrl!, server.dataDir);
  expect(verdict.status).toBe(1);
  expect(verdict.output).toMatch(/BROKEN at entry 2/);
  await server.stop();
});

test('PostgreSQL down: writes answer 503 saying so, the state is still served, and the server recovers by itself', async () => {
  const feederKey = 'postgres-down-feeder-key-0123456789';
  const database = await startPostgres();
  const server = await startTestServer(
    { FEEDER_KEY: feederKey, CLOCK: 'data' },
    { databaseUrl: await database.createDatabase() },
  );
  const post = (index: number) =>
    fetch(`${server.url}/api/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        observations: [
          {
            station: '2703A',
            time: `2019-12-10T${String(index).padStart(2, '0')}:00:00+08:00`,
            pm25: 100 + index,
          },
        ],
      }),
    });
  try {
    const station = await fetch(`${server.url}/api/stations/2703A`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '市环保局', lon: 81.2815, lat: 43.9404 }),
    });
    expect(station.status).toBeLessThan(300);
    expect((await post(1)).status).toBe(200);

    await database.kill();
    const refused = await post(2);
    expect(refused.status).toBe(503);
    expect((await refused.json()).error).toMatch(/database is unavailable.*nothing was written/);
    const state = await fetch(`${server.url}/api/state?jurisdiction=ili`);
    expect(state.status).toBe(200);
    expect((await state.json()).now).toBe(Date.parse('2019-12-10T01:00:00+08:00'));
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ storage: { kind: 'postgres', ok: false } });

    await database.start();
    await eventually('writes to be accepted again', async () => (await post(3)).status === 200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const stored = await (await fetch(`${server.url}/api/observations?station=2703A`)).json();
    expect(stored.observations.map((row: { values: { pm25: number } }) => row.values.pm25)).toEqual([
      101, 103,
    ]);
  } finally {
    await server.stop();
    await database.stop();
  }
});
