import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

type UnitListing = {
  id: string;
  jurisdiction: string;
  hostCounty: string | null;
  boundary: { status: string; source: string | null };
  neighbours: { id: string; sharedKm: number }[];
};

async function units(jurisdiction: string): Promise<UnitListing[]> {
  const response = await fetch(`${server.url}/api/units?jurisdiction=${jurisdiction}`);
  expect(response.status).toBe(200);
  return (await response.json()).units;
}

test('Ili units list their boundary status and their neighbours with shared border length', async () => {
  const ili = await units('ili');
  expect(ili.every((unit) => unit.jurisdiction === 'ili')).toBe(true);
  const yining = ili.find((unit) => unit.id === '654002')!;
  expect(yining.boundary).toEqual({
    status: 'approximate',
    source: expect.stringMatching(/not the official survey/),
  });
  // Yining City lies inside Yining County (654021): they share a long border.
  const county = yining.neighbours.find((neighbour) => neighbour.id === '654021');
  expect(county?.sharedKm).toBeGreaterThan(10);
  const regiment = ili.find((unit) => unit.id === 'xpcc4-r70')!;
  expect(regiment).toMatchObject({ boundary: { status: 'pending', source: null }, neighbours: [] });
  expect(regiment.hostCounty).not.toBeNull();
});

test('a unit geometry is served, a pending one is 404, a bad jurisdiction is 400', async () => {
  const geometry = await fetch(`${server.url}/api/units/653001/geometry`);
  expect(geometry.status).toBe(200);
  expect((await geometry.json()).geometry.type).toMatch(/Polygon/);
  expect((await fetch(`${server.url}/api/units/xpcc4-r70/geometry`)).status).toBe(404);
  const bad = await fetch(`${server.url}/api/units?jurisdiction=altay`);
  expect(bad.status).toBe(400);
  expect((await bad.json()).issues[0].field).toBe('jurisdiction');
});
