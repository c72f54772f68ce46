import { afterAll, beforeAll, expect, test } from 'vitest';
import { docxParts, docxText } from '../helpers/documents';
import { demo, press, runWarning, startPressServer } from '../helpers/press-scenario';
import type { Session, TestServer } from '../helpers/server';

/**
 * The daily report of an earlier day speaks of that day: the warnings in force at its end, not the ones in
 * force now, and no "当前" when there were none. The Ili regional warning runs orange 12-08 23:00, red
 * 12-09 23:00, and is lifted 12-10 23:00, which is now when the reports are asked for.
 */
let server: TestServer;
let pressSession: Session;
let warningId = '';

beforeAll(async () => {
  server = await startPressServer();
  warningId = await runWarning(server, 'daily-report');
  pressSession = await demo(server, 'press');
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

async function docxTextAt(path: string): Promise<string> {
  const response = await pressSession.request(path);
  expect(response.status).toBe(200);
  return docxText((await docxParts(Buffer.from(await response.arrayBuffer()))).xml);
}

const dailyText = (date: string, language: 'zh' | 'en' = 'zh') =>
  docxTextAt(`/api/reports/daily?jurisdiction=ili&date=${date}&format=docx&lang=${language}`);

test("a past day's report lists the warning in force at that day's end, though it is lifted now", async () => {
  const text = await dailyText('2019-12-09');
  expect(text).toContain('红色预警：2019-12-09 23:00发布');
  expect(text).not.toContain('无生效的重污染天气预警');
});

test('a past day with no warning in force at its end says so of that time, not "当前"', async () => {
  const zh = await dailyText('2019-12-07');
  expect(zh).toContain('截至2019-12-08 00:00无生效的重污染天气预警');
  expect(zh).not.toContain('当前');
  expect(await dailyText('2019-12-07', 'en')).toContain(
    'No heavy-pollution warning was in force at 2019-12-08 00:00',
  );
});

test('an enterprise that did not carry out its measure is told in English; a past day does not count it', async () => {
  type Feature = {
    properties: { id: string; name: string; unitId: string; red?: { kind: string } };
  };
  // The layer's features carry each level's measure as a property (geo/layers/export.ts).
  const layer = (await (await fetch(`${server.url}/api/layers/enterprise?jurisdiction=ili`)).json()) as {
    geojson: { features: Feature[] };
  };
  const members = new Set(press.members);
  const plant = layer.geojson.features
    .map((feature) => feature.properties)
    .find((enterprise) => members.has(enterprise.unitId) && enterprise.red?.kind === 'stop')!;
  const duty = await demo(server, 'duty-officer');
  const recorded = await duty.request('/api/enterprise-checks', {
    method: 'POST',
    body: JSON.stringify({ jurisdiction: 'ili', enterpriseId: plant.id, observed: 'normal' }),
  });
  expect(recorded.status, await recorded.clone().text()).toBe(201);
  const en = await docxTextAt(`/api/reports/episode/${warningId}?format=docx&lang=en`);
  expect(en).toContain(`${plant.name}: must stop production; checked: normal production, not carried out`);
  const zh = await docxTextAt(`/api/reports/episode/${warningId}?format=docx&lang=zh`);
  expect(zh).toContain(`${plant.name}：应停产，检查为正常生产，未落实`);
  // Recorded now (12-10 23:00): the report of 12-09, red in force at its end, counts only what was known then.
  const dayBefore = await dailyText('2019-12-09');
  expect(dayBefore).toMatch(/家应执行措施的企业中已检查0家，落实0家/);
  expect(dayBefore).not.toContain(plant.name);
});
