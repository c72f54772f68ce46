import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openStore } from '../../server/store';
import { eventually, startServerProcess } from '../helpers/cluster';
import { testDatabaseUrl, testStoreKind } from '../helpers/test-store';

/**
 * Issue 19: an acknowledged write survives a crash. Clients post observations in a loop while the server
 * is SIGKILLed at a random moment, ten times; afterwards every observation that got a 2xx is stored with
 * its value. On SQLite (one DATA_DIR) and, in the postgres project, on PostgreSQL. A server takes seconds
 * to load on a shared machine, so the next processes start while a round runs (three at most loading);
 * each round the clients post to the next one and it is killed.
 */
const rounds = 10;
const feederKey = 'durability-test-feeder-key-0123456789';
const auditKey = 'durability-test-audit-key-0123456789-abcdef';
const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
const stations = ['2703A', '2704A'];

function hour(index: number): string {
  return new Date(Date.parse('2019-01-01T01:00:00+08:00') + index * 3_600_000).toISOString();
}

test(`acknowledged observations survive ${rounds} SIGKILLs (${testStoreKind})`, {
  timeout: 480_000,
}, async () => {
  const databaseUrl = await testDatabaseUrl();
  // SQLite: every process on one data directory; PostgreSQL: each its own (the store is the database).
  const sharedDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'tianshan-durability-'));
  const start = () =>
    startServerProcess({
      FEEDER_KEY: feederKey,
      AUDIT_KEY: auditKey,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: sharedDir! }),
    });
  // The stations are in the store before any process starts (each reads them at start).
  const seed = openStore({
    dataDir: sharedDir ?? mkdtempSync(join(tmpdir(), 'tianshan-seed-')),
    databaseUrl,
    auditKey,
  });
  seed.upsertStations(
    stations.map((id) => ({ id, name: id, lon: 81.2815, lat: 43.9404, unitId: '654002', simulated: false })),
  );
  seed.close();
  const acknowledged = new Map<string, number>();
  let acknowledgedInRound = 0;
  let next = 0;
  let spawned = 0;
  const spawn = () => {
    spawned += 1;
    return start();
  };
  const loading = [spawn(), spawn(), spawn()];
  const nextServer = () => {
    if (spawned < rounds + 1) loading.push(spawn());
    return loading.shift()!;
  };
  let server = await nextServer();

  async function postUntilRefused(url: string): Promise<void> {
    for (;;) {
      const index = next++;
      const station = stations[index % stations.length]!;
      const pm25 = 10 + (index % 400);
      const response = await fetch(`${url}/api/observations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ observations: [{ station, time: hour(index), pm25 }] }),
      }).catch(() => null);
      if (!response) return;
      if (response.ok) {
        acknowledged.set(`${station}@${Date.parse(hour(index))}`, pm25);
        acknowledgedInRound += 1;
      }
    }
  }

  for (let round = 0; round < rounds; round += 1) {
    acknowledgedInRound = 0;
    const clients = [postUntilRefused(server.url), postUntilRefused(server.url)];
    // Killed mid-stream: once the clients are being answered, at a random moment.
    await eventually('a first acknowledgement', () => acknowledgedInRound > 0, 60_000);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 800));
    await server.kill();
    await Promise.all(clients);
    await server.stop();
    server = await nextServer();
  }

  const stored = new Map<string, number>();
  for (const station of stations) {
    const body = await (await fetch(`${server.url}/api/observations?station=${station}`)).json();
    for (const row of body.observations as { station: string; time: string; values: { pm25: number } }[])
      stored.set(`${row.station}@${Date.parse(row.time)}`, row.values.pm25);
  }
  await server.stop();
  if (sharedDir) rmSync(sharedDir, { recursive: true, force: true });
  expect(acknowledged.size).toBeGreaterThan(rounds);
  const lost = [...acknowledged].filter(([key, pm25]) => stored.get(key) !== pm25);
  expect(lost).toEqual([]);
});
