import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

test('GET /api/health reports version, uptime and storage', async () => {
  const response = await fetch(`${server.url}/api/health`);
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: 'ok', version: '0.1.0', storage: { ok: true } });
  expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
});

test('the boundaries of both prefectures are served with their attribution', async () => {
  const body = await (await fetch(`${server.url}/api/boundaries`)).json();
  const ids = body.features.map((feature: { properties: { unitId: string } }) => feature.properties.unitId);
  expect(ids).toEqual(expect.arrayContaining(['654002', '653001', 'xpcc4-kokdala', 'xpcc4-r66']));
  expect(body.attribution).toMatch(/not the official survey/);
});
