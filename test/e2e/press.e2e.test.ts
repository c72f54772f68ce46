import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { categories } from '../../shared/aqi/categories';
import { formMinute, minute } from '../../shared/documents/format';
import { toBeijingIso } from '../../shared/time';
import {
  type Browser,
  decodePng,
  launchBrowser,
  type Page,
  pageErrors,
  shareUnlike,
} from '../helpers/browser';
import { cellAfter, docxParts, docxText, pdfContents } from '../helpers/documents';
import { demo, press, runWarning, startPressServer } from '../helpers/press-scenario';
import { replayHours } from '../helpers/replay-feed';
import type { Session, TestServer } from '../helpers/server';

/**
 * The press office's documents (issue 18), over one demo server replaying the December 2019 episode with
 * an Ili regional warning issued orange, raised to red and lifted: first through the API as automation
 * would (values in cells, PDF text, pictures), then through the /press page as a press officer would.
 * The server renders in its own shared Chromium while the test drives another: generous limits.
 */
const slow = 300_000;
let id = '';
let server: TestServer;
let browser: Browser;
let pressSession: Session;
let office: Session;
const iso = (ms: number) => encodeURIComponent(toBeijingIso(ms));

async function body(session: Session, path: string, status = 200): Promise<Buffer> {
  const response = await session.request(path);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.status, `${path}: ${bytes.toString().slice(0, 300)}`).toBe(status);
  return bytes;
}

beforeAll(async () => {
  server = await startPressServer();
  id = await runWarning(server, 'w-press-1');
  pressSession = await demo(server, 'press');
  office = await demo(server, 'office-director');
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
}, slow);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the red notice is dated by the raise, advises at red only, and carries the exercise mark and blanks', async () => {
  const text = (
    await body(pressSession, `/api/warnings/${id}/notice?format=txt&at=${iso(press.redAt)}`)
  ).toString();
  expect(text).toContain('预警升级为红色预警的通告');
  expect(text).toContain(`发布时间：${minute(press.redAt)}`);
  expect(text).not.toContain(`发布时间：${minute(press.orangeAt)}`);
  expect(text).toContain('一般人群应避免户外活动');
  expect(text).not.toContain('减少户外运动');
  expect(text).toContain('【演练 · 回放2019年数据，非真实预警】');
  expect(text).toContain(`数据时间：北京时间 ${minute(press.redAt)}`);
  expect(text).toContain('编号：＿＿＿＿＿＿');
  // An hour before the raise the same warning's notice is the orange one, dated by its own issue.
  const orange = (
    await body(pressSession, `/api/warnings/${id}/notice?format=txt&at=${iso(press.redAt - 3_600_000)}`)
  ).toString();
  expect(orange).toContain('关于发布');
  expect(orange).toContain(`发布时间：${minute(press.orangeAt)}`);
  const english = (
    await body(pressSession, `/api/warnings/${id}/notice?format=txt&lang=en&at=${iso(press.redAt)}`)
  ).toString();
  expect(english).toContain('raised to red warning');
});

test('the SMS goes out in numbered segments of at most 70 characters and says how many', async () => {
  const response = await pressSession.request(`/api/warnings/${id}/notice?format=sms&at=${iso(press.redAt)}`);
  const lines = (await response.text()).split('\n');
  const count = Number(response.headers.get('x-sms-segments'));
  expect(lines[0]).toBe(`共${count}条短信（每条不超过70字）`);
  const segments = lines.slice(2);
  expect(segments).toHaveLength(count);
  for (const segment of segments) expect(Array.from(segment).length).toBeLessThanOrEqual(70);
  expect(segments.join('')).toContain('红色预警');
});

test(
  'notice edits are stored with the warning and audited; a released notice is not edited again',
  async () => {
    const path = `/api/warnings/${id}/notice`;
    const edits = { number: '伊州重污办〔2019〕12号', contact: '0999-8022100' };
    const saved = await pressSession.request(path, {
      method: 'PUT',
      body: JSON.stringify({ edits, at: toBeijingIso(press.redAt) }),
    });
    expect(saved.status).toBe(200);
    const docx = await body(pressSession, `${path}?format=docx&at=${iso(press.redAt)}`);
    const { xml, files } = await docxParts(docx);
    const text = docxText(xml);
    expect(text).toContain('伊州重污办〔2019〕12号');
    expect(text).toContain('0999-8022100');
    expect(text).toContain('演练');
    // The map at the same data time is in the document, across the text column.
    expect(files.some((file) => file.startsWith('word/media/'))).toBe(true);
    expect(xml).toMatch(/<wp:extent cx="(\d+)"/);
    expect(Number(/<wp:extent cx="(\d+)"/.exec(xml)![1])).toBeGreaterThan(16 * 360_000);
    const audit = (await (await office.request('/api/audit?text=warning.notice.edit')).json()) as {
      entries: unknown[];
    };
    expect(JSON.stringify(audit)).toContain('伊州重污办〔2019〕12号');
    const released = await pressSession.request(`${path}/release`, {
      method: 'POST',
      body: JSON.stringify({ at: toBeijingIso(press.redAt) }),
    });
    expect(released.status).toBe(201);
    const again = await pressSession.request(path, {
      method: 'PUT',
      body: JSON.stringify({ edits: { number: 'x' }, at: toBeijingIso(press.redAt) }),
    });
    expect(again.status).toBe(409);
  },
  slow,
);

test("the office fills the forms' own fields; the press and the wall may not", async () => {
  const path = `/api/warnings/${id}/forms/fields`;
  const fields = { filler: '王芳', phone: '0999-8022101', weather: '静稳天气，逆温层持续' };
  expect((await office.request(path, { method: 'PUT', body: JSON.stringify(fields) })).status).toBe(200);
  expect((await pressSession.request(path, { method: 'PUT', body: JSON.stringify(fields) })).status).toBe(
    403,
  );
  const viewer = await demo(server, 'viewer');
  expect((await viewer.request(`/api/warnings/${id}/forms/3-1.docx`)).status).toBe(403);
  expect((await fetch(`${server.url}/api/warnings/${id}/forms/3-1.docx`)).status).toBe(401);
  const bad = await office.request(path, {
    method: 'PUT',
    body: JSON.stringify({ nextSteps: { tomorrow: 'x' } }),
  });
  expect(bad.status).toBe(400);
});

test(
  '表3-1 has the right values in the right cells, as .docx and as a one-page PDF',
  async () => {
    const { xml } = await docxParts(await body(office, `/api/warnings/${id}/forms/3-1.docx`));
    expect(cellAfter(xml, '预警等级')).toBe('橙色预警');
    expect(cellAfter(xml, '预警启动时间')).toBe(formMinute(press.orangeAt, 'zh'));
    expect(cellAfter(xml, '重污染天气发生涉及县市、团场')).toBe(
      '伊宁市、伊宁县、察布查尔锡伯自治县、霍城县、可克达拉市区',
    );
    expect(cellAfter(xml, 'AQI值范围及平均值')).toMatch(/^\d+–\d+，平均\d+$/);
    expect(cellAfter(xml, '首要污染物浓度范围及平均值')).toMatch(/^PM2\.5：\d+–\d+，平均\d+ µg\/m³/);
    expect(cellAfter(xml, '不利于空气污染物稀释、扩散和清除的空气污染气象条件')).toBe('静稳天气，逆温层持续');
    // Nobody wrote the outlook: a blank line, not invented text.
    expect(cellAfter(xml, '未来一定时期的定性潜势分析')).toBe('');
    const text = docxText(xml);
    expect(text).toContain('填表人：王芳');
    expect(text).toContain('伊犁哈萨克自治州重污染天气应急指挥部办公室');
    const pdf = pdfContents(await body(office, `/api/warnings/${id}/forms/3-1.pdf`));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('预警信息报送表（预警启动）');
    expect(pdf.text).toContain('橙色预警');
    expect(pdf.text).toContain('王芳');
  },
  slow,
);

test(
  '表3-2 for a date counts the day and the level change; 表3-3 dates the lifting',
  async () => {
    const { xml } = await docxParts(await body(office, `/api/warnings/${id}/forms/3-2.docx?date=2019-12-09`));
    expect(cellAfter(xml, '启动应急响应第几天')).toBe('第2天');
    expect(cellAfter(xml, '本次报告时间')).toBe('2019年12月09日');
    expect(cellAfter(xml, '预警级别的变化情况')).toContain(
      `${minute(press.redAt)}升级为红色预警（I级应急响应）`,
    );
    expect((await office.request(`/api/warnings/${id}/forms/3-2.docx`)).status).toBe(400);
    const lifting = await docxParts(await body(office, `/api/warnings/${id}/forms/3-3.docx`));
    expect(cellAfter(lifting.xml, '预警解除时间')).toBe(formMinute(press.liftAt, 'zh'));
    expect(cellAfter(lifting.xml, '启动应急响应第几天')).toBe('第3天');
    expect(cellAfter(lifting.xml, '预警解除意见')).toBe('空气质量改善至启动标准以下并预计持续36小时以上');
    const pdf = pdfContents(await body(office, `/api/warnings/${id}/forms/3-3.pdf?lang=en`));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Warning report form (lifting)');
  },
  slow,
);

test(
  'the daily report lists who reported the day, and the episode report accounts against 20 % and 30 %',
  async () => {
    const recorded = await office.request('/api/reports', {
      method: 'POST',
      body: JSON.stringify({
        jurisdiction: 'ili',
        reporter: '654002',
        date: '2019-12-09',
        summary: '已落实重点企业限产',
      }),
    });
    expect(recorded.status).toBe(201);
    const daily = await docxParts(
      await body(pressSession, '/api/reports/daily?jurisdiction=ili&date=2019-12-09&format=docx'),
    );
    expect(docxText(daily.xml)).toContain('已落实重点企业限产');
    expect(docxText(daily.xml)).toContain('应报');
    const dailyPdf = pdfContents(
      await body(pressSession, '/api/reports/daily?jurisdiction=ili&date=2019-12-09&format=pdf'),
    );
    expect(dailyPdf.text).toContain('重污染天气应急响应日报');
    const episode = pdfContents(await body(pressSession, `/api/reports/episode/${id}?format=pdf`));
    expect(episode.pages).toBeGreaterThanOrEqual(2);
    expect(episode.text).toContain('五、减排量核算');
    expect(episode.text).toMatch(/橙色预警\s+20%/);
    expect(episode.text).toMatch(/红色预警\s+30%/);
    const episodeDocx = await docxParts(await body(pressSession, `/api/reports/episode/${id}?format=docx`));
    expect(episodeDocx.files.some((file) => file.startsWith('word/media/'))).toBe(true);
    expect(docxText(episodeDocx.xml)).toContain('二、污染过程');
  },
  slow,
);

/** Pixels of exactly each colour in a region of the picture. */
function countColours(
  png: Buffer,
  region: { x0: number; x1: number; y0: number; y1: number },
  hexes: string[],
) {
  const image = decodePng(png);
  const counts = new Map(hexes.map((hex) => [hex, 0]));
  for (let y = region.y0; y < region.y1; y += 1)
    for (let x = region.x0; x < region.x1; x += 1) {
      const pixel = image.pixelAt(x, y);
      const hex =
        `#${[pixel.r, pixel.g, pixel.b].map((value) => value.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
      if (counts.has(hex)) counts.set(hex, counts.get(hex)! + 1);
    }
  return counts;
}

test(
  'a snapshot of a known replay hour is a PNG of the size asked, its map drawn and its legend coloured',
  async () => {
    const hour = replayHours[59]!;
    const response = await pressSession.request(
      `/api/snapshot?jurisdiction=ili&width=1280&height=720&at=${iso(hour)}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-data-time')).toBe(toBeijingIso(hour));
    const png = Buffer.from(await response.arrayBuffer());
    writeFileSync('test-results/press-snapshot.png', png);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([1280, 720]);
    // The map (left of the legend panel) is drawn: far from the uniform background.
    expect(shareUnlike(png, { r: 0x1b, g: 0x24, b: 0x30 }, 6)).toBeGreaterThan(0.3);
    const mapColours = new Set<string>();
    for (let y = 120; y < 620; y += 10)
      for (let x = 40; x < 940; x += 10) {
        const pixel = image.pixelAt(x, y);
        mapColours.add(`${pixel.r >> 4},${pixel.g >> 4},${pixel.b >> 4}`);
      }
    expect(mapColours.size).toBeGreaterThan(8);
    // The legend panel shows the six HJ 633 category colours as swatches.
    const legend = countColours(
      png,
      { x0: 960, x1: 1280, y0: 60, y1: 400 },
      categories.map((category) => category.hex.toUpperCase()),
    );
    for (const [hex, count] of legend) expect(count, hex).toBeGreaterThan(40);
    // The same state again comes from the cache.
    const again = await pressSession.request(
      `/api/snapshot?jurisdiction=ili&width=1280&height=720&at=${iso(hour)}`,
    );
    expect(again.headers.get('x-cache')).toBe('hit');
  },
  slow,
);

test('snapshots are for press, commanders and the office, with sizes the endpoint can render', async () => {
  const viewer = await demo(server, 'viewer');
  expect((await viewer.request('/api/snapshot?jurisdiction=ili')).status).toBe(403);
  expect((await fetch(`${server.url}/api/snapshot?jurisdiction=ili`)).status).toBe(401);
  const wide = await pressSession.request('/api/snapshot?jurisdiction=ili&width=5000');
  expect(wide.status).toBe(400);
  expect(JSON.stringify(await wide.json())).toContain('width');
});

test(
  'playback: one GIF frame per hour at 1280×720; mp4 when ffmpeg is installed, else 501 saying so',
  async () => {
    const to = replayHours[59]!;
    const response = await pressSession.request(
      `/api/playback?jurisdiction=ili&from=${iso(to - 2 * 3_600_000)}&to=${iso(to)}&format=gif`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frames')).toBe('3');
    const gif = Buffer.from(await response.arrayBuffer());
    writeFileSync('test-results/press-playback.gif', gif);
    expect(gif.subarray(0, 6).toString()).toBe('GIF89a');
    expect([gif.readUInt16LE(6), gif.readUInt16LE(8)]).toEqual([1280, 720]);
    const mp4 = await pressSession.request(
      `/api/playback?jurisdiction=ili&from=${iso(to - 3_600_000)}&to=${iso(to)}&format=mp4`,
    );
    if (hasFfmpeg()) {
      expect(mp4.status).toBe(200);
      expect(
        Buffer.from(await mp4.arrayBuffer())
          .subarray(4, 8)
          .toString(),
      ).toBe('ftyp');
    } else {
      expect(mp4.status).toBe(501);
      expect((await mp4.json()).error).toContain('ffmpeg');
    }
  },
  slow,
);

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

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
