import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { createStore } from '../../server/store/sqlite';
import { canonicalJson, sha256 } from '../../server/store/sqlite/canonical';
import { accountsFor, startTestServer } from '../helpers/server';

/** Issue 14, item 9: an audit log that cannot be silently truncated or rewritten. */
const feederKey = 'audit-anchor-feeder-key-0123456789';

async function serverWithEntries() {
  const server = await startTestServer({ FEEDER_KEY: feederKey }, { accounts: accountsFor(['commander']) });
  for (const id of ['A1', 'A2', 'A3'])
    await fetch(`${server.url}/api/stations/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: id, lon: 81.2815, lat: 43.9404 }),
    });
  await server.close();
  return server;
}

/** Someone with the database file and no key: the append-only guards dropped, the table edited. */
function tamper(dataDir: string, edit: (database: Database.Database) => void): void {
  const database = new Database(join(dataDir, 'tianshan.db'));
  database.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  edit(database);
  database.close();
}

function cliVerify(dataDir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'audit', 'verify'], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

test('the key lives outside the database, readable by the owner only; the CLI verifies the chain', async () => {
  const server = await serverWithEntries();
  const mode = statSync(join(server.dataDir, 'audit.key')).mode & 0o777;
  expect(mode).toBe(0o600);
  expect(cliVerify(server.dataDir)).toEqual({ status: 0, output: 'audit chain holds: 4 entries\n' });
  await server.stop();
});

test('deleting the last entries is detected at start-up, in /api/health and by the CLI', async () => {
  const server = await serverWithEntries();
  tamper(server.dataDir, (database) => database.prepare('DELETE FROM audit WHERE seq > 2').run());
  const verdict = cliVerify(server.dataDir);
  expect(verdict.status).toBe(1);
  expect(verdict.output).toMatch(/BROKEN at entry 3: the anchor records entry 4 but the log ends at 2/);

  const restarted = await startTestServer({}, { dataDir: server.dataDir });
  const health = await fetch(`${restarted.url}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({
    status: 'degraded',
    audit: { ok: false, brokenAt: 3, problem: expect.stringMatching(/entries were removed/) },
  });
  await restarted.stop();
});

test('rewriting the last entry and recomputing its plain hash is detected', async () => {
  const server = await serverWithEntries();
  tamper(server.dataDir, (database) => {
    const last = database.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      at: number;
      actor: string;
      action: string;
      detail: string;
      previous_hash: string;
    };
    const detail = JSON.parse(last.detail.replace('A3', 'B3'));
    const { seq, at, actor, action } = last;
    // The pre-key scheme, which anyone can compute: sha256(previousHash + canonical JSON).
    const hash = sha256(last.previous_hash + canonicalJson({ seq, at, actor, action, detail }));
    database
      .prepare("UPDATE audit SET detail = ?, hash = ?, scheme = 'sha256' WHERE seq = ?")
      .run(JSON.stringify(detail), hash, seq);
  });
  const store = createStore(server.dataDir);
  expect(store.verifyAudit()).toMatchObject({ ok: false, brokenAt: 4 });
  store.close();
  await server.stop();
});

test('with AUDIT_KEY set, no key file is written and the chain verifies under that key', async () => {
  const key = 'a-key-kept-by-the-operator-0123456789';
  const server = await startTestServer({ AUDIT_KEY: key }, { accounts: [] });
  expect(existsSync(join(server.dataDir, 'audit.key'))).toBe(false);
  const health = await fetch(`${server.url}/api/health`);
  expect((await health.json()).audit).toEqual({ ok: true, entries: 0 });
  await server.close();
  const store = createStore(server.dataDir, { auditKey: key });
  store.appendAudit({ at: Date.now(), actor: 'test', action: 'test.write', detail: null });
  expect(store.verifyAudit()).toEqual({ ok: true, entries: 1 });
  store.close();
  // The same log under another key does not verify: the key is what the chain stands on.
  const wrongKey = createStore(server.dataDir, { auditKey: 'another-key-0123456789-0123456789' });
  expect(wrongKey.verifyAudit()).toMatchObject({ ok: false, brokenAt: 1 });
  wrongKey.close();
  await server.stop();
});
