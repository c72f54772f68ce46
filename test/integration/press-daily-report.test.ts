import { afterAll, beforeAll, expect, test } from 'vitest';
import { docxParts, docxText } from '../helpers/documents';
import { demo, runWarning, startPressServer } from '../helpers/press-scenario';
import type { Session, TestServer } from '../helpers/server';

/**
 * The daily report of an earlier day speaks of that day: the warnings in force at its end, not the ones in
 * force now, and no "当前" when there were none. The Ili regional warning runs orange 12-08 23:00, red
 * 12-09 23:00, and is lifted 12-10 23:00, which is now when the reports are asked for.
 */
let server: TestServer;
let pressSession: Session;

beforeAll(async () => {
  server = await startPressServer();
  await runWarning(server, 'daily-report');
  pressSession = await demo(server, 'press');
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

async function dailyText(date: string, language: 'zh' | 'en' = 'zh'): Promise<string> {
  const response = await pressSession.request(
    `/api/reports/daily?jurisdiction=ili&date=${date}&format=docx&lang=${language}`,
  );
  expect(response.status).toBe(200);
  return docxText((await docxParts(Buffer.from(await response.arrayBuffer()))).xml);
}

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
