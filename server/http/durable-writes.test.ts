import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createStore } from '../store/sqlite';
import { walSyncer } from '../store/sqlite/wal-sync';
import type { Store } from '../store/types';
import { durableWrites } from './durable-writes';

/**
 * A write's answer waits for the store's sync (a gate held open by the test in front of the real one);
 * reads, and refusals that wrote nothing, do not.
 */
const directory = mkdtempSync(join(tmpdir(), 'durable-writes-'));
let store: Store;
let url = '';
let close: () => void = () => {};
let open: () => void = () => {};
let syncs = 0;

beforeAll(async () => {
  store = createStore(directory);
  let gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const held = {
    durable: async () => {
      await gate;
      await store.durable();
      syncs += 1;
    },
  };
  const app = express();
  app.use(durableWrites(held, pino({ level: 'silent' })));
  app.post('/station', (_request, response) => {
    store.upsertStations([
      { id: 'S1', name: 'one', lon: 81.3, lat: 43.9, unitId: '654002', simulated: false },
    ]);
    response.status(201).json({ written: true });
  });
  app.post('/refused', (_request, response) => {
    response.status(409).json({ error: 'refused' });
  });
  app.get('/stations', (_request, response) => {
    response.json({ stations: store.stations().map((station) => station.id) });
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => {
    server.close();
    gate = Promise.resolve();
  };
});
afterAll(() => {
  close();
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

test('a write is answered only after the sync; reads and refusals meanwhile are not held', async () => {
  let answered = false;
  const write = fetch(`${url}/station`, { method: 'POST' }).then(async (response) => {
    answered = true;
    return { status: response.status, body: await response.json() };
  });
  // The commit is visible at once (the engine ticks on it), its acknowledgement is not sent.
  await expect.poll(async () => (await (await fetch(`${url}/stations`)).json()).stations).toEqual(['S1']);
  const refused = await fetch(`${url}/refused`, { method: 'POST' });
  expect(refused.status).toBe(409);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(answered).toBe(false);
  expect(syncs).toBe(0);

  open();
  expect(await write).toEqual({ status: 201, body: { written: true } });
  expect(syncs).toBe(1);
});

test('a sync that fails withholds the answer: the connection drops, so the feeder sends again', async () => {
  const app = express();
  app.use(durableWrites({ durable: () => Promise.reject(new Error('EIO')) }, pino({ level: 'silent' })));
  app.post('/write', (_request, response) => {
    response.json({ written: true });
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    await expect(fetch(`http://127.0.0.1:${port}/write`, { method: 'POST' })).rejects.toThrow();
  } finally {
    server.close();
  }
});

test("the store's sync: a WAL not there yet is nothing to sync, a path that cannot be opened is an error", async () => {
  await expect(walSyncer(join(directory, 'missing.db-wal'))()).resolves.toBeUndefined();
  await expect(walSyncer(join(directory, 'tianshan.db', 'not-a-directory'))()).rejects.toThrow(/ENOTDIR/);
  store.upsertStations([{ id: 'S2', name: 'two', lon: 81.3, lat: 43.9, unitId: '654002', simulated: false }]);
  await expect(Promise.all([store.durable(), store.durable(), store.durable()])).resolves.toHaveLength(3);
});
