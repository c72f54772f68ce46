import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { accountsFor, login, type Session, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let duty: Session;
const enterprises = readFileSync(new URL('../fixtures/layers/enterprises-good.csv', import.meta.url));

beforeAll(async () => {
  server = await startTestServer({}, { accounts: accountsFor(['duty-officer', 'press']) });
  duty = await login(server, 'duty-officer', 'duty-officer-password');
});
afterAll(async () => {
  await server.stop();
});

async function layer() {
  const response = await fetch(`${server.url}/api/layers/enterprise?jurisdiction=ili`);
  expect(response.status).toBe(200);
  return response.json();
}

test('before any import the layer is the bundled sample, labelled synthetic', async () => {
  const body = await layer();
  expect(body).toMatchObject({
    version: 0,
    source: 'sample',
    geojson: { label: '示例数据（合成）/ Synthetic sample data' },
  });
  expect(body.geojson.features.length).toBeGreaterThan(0);
});

test('an imported list replaces the sample, is versioned and survives in the store', async () => {
  const response = await duty.request('/api/layers/enterprise/import?jurisdiction=ili', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': 'enterprises-good.csv' },
    body: enterprises,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  // The fixture lists four enterprises under its two header rows.
  expect(await response.json()).toMatchObject({ version: 1, imported: 4, replaced: 0, rejected: 0 });
  const body = await layer();
  expect(body).toMatchObject({ version: 1, source: 'imported', geojson: { label: null } });
  expect(body.geojson.features.map((feature: { id: string }) => feature.id)).toContain('YN-001');
});

test('a file with a bad row is refused with the importer report; press may not import', async () => {
  const bad = enterprises.toString('utf8').replace('81.3012', 'east');
  const refused = await duty.request('/api/layers/enterprise/import?jurisdiction=ili', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': 'bad.csv' },
    body: bad,
  });
  expect(refused.status).toBe(400);
  expect((await refused.json()).report).toEqual([expect.objectContaining({ row: 3, value: 'east' })]);
  expect((await layer()).version).toBe(1);
  const press = await login(server, 'press', 'press-password');
  const forbidden = await press.request('/api/layers/enterprise/import?jurisdiction=ili', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: enterprises,
  });
  expect(forbidden.status).toBe(403);
});

test('a dust source whose point lies far from the unit it is filed under is refused, row and column named', async () => {
  const file = `编号,名称,所属县市,类型,经度,纬度,状态,更新日期
D1,阿图什砂石场,阿图什市,砂石料场,76.12,39.75,在产,2026-10-01
D2,乌鲁木齐工地,阿图什市,建筑工地,87.6,43.8,在产,2026-10-01
`;
  const refused = await duty.request('/api/layers/dust-source/import?jurisdiction=kizilsu', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': 'dust.csv' },
    body: file,
  });
  expect(refused.status).toBe(400);
  expect((await refused.json()).report).toEqual([
    expect.objectContaining({
      row: 3,
      column: '经度',
      message: expect.stringMatching(/阿图什市 \(653001\)/),
    }),
  ]);
  const layer = await (await fetch(`${server.url}/api/layers/dust-source?jurisdiction=kizilsu`)).json();
  expect(layer.version).toBe(0);
});
