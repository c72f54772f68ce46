import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { minute } from '../../shared/documents/format';
import { toBeijingIso } from '../../shared/time';
import { type Browser, launchBrowser, type Page, pageErrors } from '../helpers/browser';
import { docxParts, docxText, pdfContents } from '../helpers/documents';
import { press, runWarning, startPressServer } from '../helpers/pressScenario';
import type { TestServer } from '../helpers/server';

// The server renders in its own Chromium while the test drives another: generous limits on two cores.
const slow = 300_000;
const id = 'w-press-e2e';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPressServer();
  await runWarning(server, id);
  browser = await launchBrowser();
}, slow);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(role: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${server.url}/press`);
  await page.getByLabel('用户名').fill(role);
  await page.getByLabel('密码').fill(`${role}-demo`);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 240_000 }),
    page.getByTestId(testId).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test(
  'the press officer signs in, picks one data time and pulls every document for it from the server',
  async () => {
    const page = await signedIn('press');
    const notice = page.getByTestId('notice');
    // The newest hour is the lifting: the notice says so.
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toContain('关于解除');
    await page.getByTestId('data-time').fill(toBeijingIso(press.redAt).slice(0, 16));
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toContain('预警升级为红色预警');
    expect(await notice.textContent()).toContain(`数据时间：北京时间 ${minute(press.redAt)}`);
    expect(await page.getByTestId('sms').textContent()).toMatch(/共\d+条短信/);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/press-view.png', await page.screenshot());

    const word = await download(page, 'notice-docx');
    expect(word.name).toMatch(/\.docx$/);
    expect(docxText((await docxParts(word.bytes)).xml)).toContain(`发布时间：${minute(press.redAt)}`);
    const text = await download(page, 'notice-txt');
    expect(text.bytes.toString()).toContain('预警升级为红色预警');
    const sms = await download(page, 'notice-sms');
    expect(sms.bytes.toString()).toMatch(/^共\d+条短信/);
    const startForm = await download(page, 'form-3-1-docx');
    expect(docxText((await docxParts(startForm.bytes)).xml)).toContain('预警信息报送表（预警启动）');
    const startPdf = await download(page, 'form-3-1-pdf');
    expect(pdfContents(startPdf.bytes).text).toContain('橙色预警');
    const episode = await download(page, 'episode-pdf');
    expect(pdfContents(episode.bytes).text).toContain('重污染天气过程总结评估报告');
    const daily = await download(page, 'daily-pdf');
    expect(pdfContents(daily.bytes).text).toContain(`报告日期：2019年12月09日`);

    await page.getByTestId('render-snapshot').click();
    const preview = page.locator('img.press-preview');
    await expect
      .poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth), { timeout: 240_000 })
      .toBe(1920);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  },
  slow,
);

test('the wall account cannot use the press page, and the documents API answers it 403', async () => {
  const page = await signedIn('viewer');
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('无权使用新闻发布页面');
  const statuses = await page.evaluate(async (warningId) => {
    const paths = [
      `/api/warnings/${warningId}/notice?format=txt`,
      `/api/warnings/${warningId}/forms/3-1.docx`,
      `/api/reports/episode/${warningId}?format=docx`,
      '/api/reports/daily?jurisdiction=ili&date=2019-12-09',
      '/api/snapshot?jurisdiction=ili',
    ];
    return Promise.all(paths.map(async (path) => (await fetch(path)).status));
  }, id);
  expect(statuses).toEqual([403, 403, 403, 403, 403]);
  await page.context().close();
});
