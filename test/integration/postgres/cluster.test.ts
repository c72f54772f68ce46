import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addAccount } from '../../../server/auth/accounts';
import { openStore } from '../../../server/store';
import {
  eventually,
  type LiveClient,
  liveClient,
  type ServerProcess,
  startServerProcess,
} from '../../helpers/cluster';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { startRedis, type TestRedis } from '../../helpers/redis';
import { hourEnd as hour, postStationHours } from '../../helpers/station-hours';

/** Issue 19: two server processes on one PostgreSQL and one Redis. */
const feederKey = 'cluster-test-feeder-key-0123456789';
const auditKey = 'cluster-test-audit-key-0123456789-abcdef';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
let postgres: TestPostgres;
let redis: TestRedis;
const processes: ServerProcess[] = [];
const clients: LiveClient[] = [];

function ingest(server: ServerProcess, from: number, count: number, pm25: number): Promise<void> {
  return postStationHours(server.url, feederKey, from, count, (hour) => pm25 + (hour % 2) * 20);
}

const deltas = (client: LiveClient) =>
  client.received.flatMap((entry) => (entry.kind === 'delta' ? [entry.message] : []));
const snapshots = (client: LiveClient) =>
  client.received.flatMap((entry) => (entry.kind === 'snapshot' ? [entry.message] : []));

/** Waits for the delta whose `now` is that hour's end, and returns it. */
function deltaAt(client: LiveClient, index: number) {
  return eventually(
    `a delta for hour ${index}`,
    () => deltas(client).find((delta) => delta.now === Date.parse(hour(index))) ?? null,
  );
}

async function serverOn(url: string): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATABASE_URL: url,
    REDIS_URL: redis.url,
    FEEDER_KEY: feederKey,
    AUDIT_KEY: auditKey,
    CLOCK: 'data',
  });
  processes.push(server);
  return server;
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(processes.map((server) => server.stop()));
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

test('a delta made on one process reaches clients on the other; when the lease holder dies the other takes over with no gap', {
  timeout: 120_000,
}, async () => {
  const url = await postgres.createDatabase();
  const seedDir = mkdtempSync(join(tmpdir(), 'tianshan-seed-'));
  const seed = openStore({ dataDir: seedDir, databaseUrl: url, auditKey });
  await addAccount(seed, {
    username: 'officer',
    role: 'duty-officer',
    jurisdiction: 'ili',
    password: 'officer-password',
  });
  seed.close();
  rmSync(seedDir, { recursive: true, force: true });
  // Both start together on the empty database: one migrates it, one takes the lease.
  const started = await Promise.all([serverOn(url), serverOn(url)]);
  const leading = await eventually('one process to hold the lease', async () => {
    const leaders = await Promise.all(started.map(async (server) => (await server.health()).engine.leader));
    return leaders.filter(Boolean).length === 1 ? leaders.indexOf(true) : null;
  });
  const first = started[leading]!;
  const second = started[1 - leading]!;
  const holder = (await first.health()).engine.leaseHolder;
  const health = await eventually('the second process to see the lease', async () => {
    const body = await second.health();
    return body.engine.leaseHolder ? body : null;
  });
  expect(health).toMatchObject({
    storage: { kind: 'postgres', ok: true },
    adapter: 'redis-streams',
    redis: { ok: true },
    engine: { leader: false, leaseHolder: holder },
  });

  // A session made on one process is valid on the other; the sign-in limit counts attempts on both.
  const login = (server: ServerProcess, password: string) =>
    fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password }),
    });
  const signedIn = await login(first, 'officer-password');
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  expect((await fetch(`${second.url}/api/me`, { headers: { cookie } })).status).toBe(200);
  const attempts = [];
  for (let attempt = 0; attempt < 5; attempt += 1)
    attempts.push((await login(attempt % 2 === 0 ? second : first, 'wrong')).status);
  expect(attempts).toEqual([401, 401, 401, 401, 429]);

  const station = await fetch(`${first.url}/api/stations/2703A`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name: '市环保局', lon: 81.2815, lat: 43.9404 }),
  });
  expect(station.status).toBeLessThan(300);
  await ingest(first, 1, 24, 90);
  // The second process's engine hears the first's writes through the feed, milliseconds later.
  await eventually('the second engine to hear the writes', async () => {
    const state = await (await fetch(`${second.url}/api/state?jurisdiction=ili`)).json();
    return state.now === Date.parse(hour(24));
  });

  // Clients on both processes.
  const onSecond = liveClient(second.url, 'ili');
  const onFirst = liveClient(first.url, 'ili');
  clients.push(onSecond, onFirst);
  await eventually('both snapshots', () => snapshots(onSecond).length > 0 && snapshots(onFirst).length > 0);
  expect(snapshots(onSecond)[0]!.state.now).toBe(Date.parse(hour(24)));

  // Written on the lease holder, received by a client of the other process; then the other way round.
  await ingest(first, 25, 1, 300);
  const written = await deltaAt(onSecond, 25);
  expect(written.seq).toBe(snapshots(onSecond)[0]!.seq + 1);
  await ingest(second, 26, 1, 320);
  expect((await deltaAt(onSecond, 26)).seq).toBe(written.seq + 1);
  expect((await deltaAt(onFirst, 26)).seq).toBe(written.seq + 1);

  // The lease holder is killed mid-stream; the other takes the lease within 10 s.
  await first.kill();
  const killedAt = Date.now();
  await eventually('the takeover', async () => (await second.health()).engine.leader, 10_000);
  expect(Date.now() - killedAt).toBeLessThan(10_000);

  // The first process's client reconnects to the survivor and resyncs; numbers go on with no gap or repeat.
  const reconnected = liveClient(second.url, 'ili');
  clients.push(reconnected);
  await eventually('the resync snapshot', () => snapshots(reconnected)[0] ?? null);
  expect(snapshots(reconnected)[0]!.seq).toBe(written.seq + 1);
  await ingest(second, 27, 1, 340);
  const afterTakeover = await deltaAt(reconnected, 27);
  expect(afterTakeover.seq).toBe(written.seq + 2);
  expect((await deltaAt(onSecond, 27)).seq).toBe(written.seq + 2);
  const numbers = deltas(onSecond).map((delta) => delta.seq);
  expect(numbers).toEqual(numbers.map((_, index) => numbers[0]! + index));
  // Every acknowledged observation is readable from the survivor.
  const stored = await (await fetch(`${second.url}/api/observations?station=2703A`)).json();
  expect(stored.observations).toHaveLength(27);
});

test('Redis down: each process serves its own clients and says so; when it returns, fan-out resumes', {
  timeout: 120_000,
}, async () => {
  const url = await postgres.createDatabase();
  const started = await Promise.all([serverOn(url), serverOn(url)]);
  const leading = await eventually('one process to hold the lease', async () => {
    const leaders = await Promise.all(started.map(async (server) => (await server.health()).engine.leader));
    return leaders.filter(Boolean).length === 1 ? leaders.indexOf(true) : null;
  });
  const leader = started[leading]!;
  const follower = started[1 - leading]!;
  const station = await fetch(`${leader.url}/api/stations/2703A`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name: '市环保局', lon: 81.2815, lat: 43.9404 }),
  });
  expect(station.status).toBeLessThan(300);
  await ingest(leader, 1, 24, 90);
  await eventually('the follower to hear the writes', async () => {
    const state = await (await fetch(`${follower.url}/api/state?jurisdiction=ili`)).json();
    return state.now === Date.parse(hour(24));
  });
  const onFollower = liveClient(follower.url, 'ili');
  const onLeader = liveClient(leader.url, 'ili');
  clients.push(onFollower, onLeader);
  await eventually(
    'both snapshots',
    () => snapshots(onFollower).length > 0 && snapshots(onLeader).length > 0,
  );

  await redis.kill();
  for (const server of started)
    await eventually('health to name Redis as down', async () => {
      const health = await server.health();
      return health.status === 'degraded' && health.redis?.ok === false;
    });
  // Each process's own clients still get the deltas of writes made on it.
  await ingest(follower, 25, 1, 300);
  await deltaAt(onFollower, 25);
  await ingest(leader, 26, 1, 320);
  await deltaAt(onLeader, 26);

  await redis.start();
  for (const server of started)
    await eventually('health to be ok again', async () => (await server.health()).status === 'ok');
  // Fan-out resumes: a write on the leader reaches the follower's client again.
  await ingest(leader, 27, 1, 340);
  const resumed = await deltaAt(onFollower, 27);
  expect(resumed.seq).toBeGreaterThan(
    Math.max(
      ...deltas(onFollower)
        .filter((delta) => delta !== resumed)
        .map((delta) => delta.seq),
    ),
  );
});
