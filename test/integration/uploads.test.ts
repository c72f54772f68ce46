import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createImportRunner } from '../../server/imports/runner';
import { zippedShapefile } from '../fixtures/boundaries/shapefile';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

/** Issue 14, items 2 and 3: uploads that hung the process or swelled it by gigabytes. */
let server: TestServer;
let office: Session;

beforeAll(async () => {
  server = await startTestServer({}, { accounts: accountsFor(['office-director']) });
  office = await login(server, 'office-director', 'office-director-password');
});
afterAll(async () => {
  await server.stop();
});

const importBoundaries = (name: string, body: Uint8Array, query = '') =>
  office.request(`/api/boundaries/import?name=${name}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/zip' },
    body: body as BodyInit,
  });

/** The problem the refusal names, with how long the health check took while the upload was read. */
async function refusedWhileHealthy(upload: Promise<Response>) {
  const started = performance.now();
  const health = await fetch(`${server.url}/api/health`);
  const healthMs = performance.now() - started;
  const response = await upload;
  expect(response.status, await response.clone().text()).toBe(422);
  const { report } = (await response.json()) as { report: { problems: { problem: string }[] } };
  return { problem: report.problems[0]!.problem, health: health.status, healthMs };
}

test('item 2: the 11-byte upload and a zip missing its last 30 bytes are refused at once', async () => {
  const eleven = await refusedWhileHealthy(
    importBoundaries('a.zip', new TextEncoder().encode('PK\x03\x04garbage')),
  );
  expect(eleven.problem).toMatch(/not a readable zip/);
  expect(eleven.health).toBe(200);
  const zip = new Uint8Array(readFileSync(new URL('../fixtures/boundaries/r69-square.zip', import.meta.url)));
  const truncated = await refusedWhileHealthy(importBoundaries('a.zip', zip.slice(0, zip.length - 30)));
  expect(truncated.problem).toMatch(/not a readable zip/);
});

test('item 2: a .cpg of "ANSI 936" reads GBK attribute text as Chinese', async () => {
  const clockwise: [number, number][] = [
    [81.0, 43.74],
    [81.0, 43.78],
    [81.04, 43.78],
    [81.04, 43.74],
    [81.0, 43.74],
  ];
  // 69团 in GBK: the digits, then 团 = CD C5.
  const gbk = (text: string) =>
    text === '69团' ? new Uint8Array([0x36, 0x39, 0xcd, 0xc5]) : new TextEncoder().encode(text);
  const zip = zippedShapefile([{ attributes: { NAME: '69团' }, rings: [clockwise] }], 'r69', {
    cpg: 'ANSI 936',
    encode: gbk,
  });
  const response = await importBoundaries('r69.zip', zip, '&idProperty=NAME');
  expect(response.status, await response.clone().text()).toBe(200);
  expect((await response.json()).report.imported).toEqual([{ feature: 0, unitId: 'xpcc4-r69' }]);
});

test('item 3: a zip bomb (80 MB of zeros in 80 kB) is refused within the cap, and the server stays light', async () => {
  const zeros = new Uint8Array(40 * 1024 * 1024);
  const bomb = zipSync({ 'a.shp': zeros, 'a.dbf': zeros });
  expect(bomb.length).toBeLessThan(1024 * 1024);
  const before = process.memoryUsage().rss;
  const refusal = await refusedWhileHealthy(importBoundaries('bomb.zip', bomb));
  expect(refusal.problem).toMatch(/inflate to 80 MB, over the 64 MB limit/);

  // The same archive with its headers claiming 100 bytes per file: the inflated bytes are counted as they come.
  const lying = bomb.slice();
  const view = new DataView(lying.buffer);
  for (let at = 0; at + 4 <= lying.length; at += 1) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 100, true);
    if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 100, true);
  }
  const counted = await refusedWhileHealthy(importBoundaries('bomb.zip', lying));
  expect(counted.problem).toMatch(/inflates to more than 64 MB/);
  expect(counted.health).toBe(200);
  // The issue saw 222 MB → 4.3 GB; the worker holds at most the cap.
  expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
});

test('item 2: an import that spins is stopped at its time limit; the event loop never waits for it', async () => {
  const runner = createImportRunner({
    timeoutMs: 1_000,
    maxQueued: 2,
    maxHeapMb: 64,
    idleMs: 1_000,
    entry: new URL('../fixtures/imports/spinning-worker.ts', import.meta.url),
  });
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 50);
  const started = performance.now();
  const outcome = await runner.run({
    kind: 'layer',
    layer: 'enterprise',
    current: [],
    file: { name: 'a.csv', bytes: new Uint8Array([1]) },
    options: {},
  });
  const elapsed = performance.now() - started;
  clearInterval(timer);
  runner.close();
  expect(outcome).toEqual({
    ok: false,
    failure: { reason: 'timeout', message: 'reading the file took longer than 1 s' },
  });
  // The main thread kept ticking all along (about 20 ticks a second).
  expect(ticks).toBeGreaterThan((elapsed / 50) * 0.5);
});
