import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import {
  type Browser,
  decodePng,
  launchBrowser,
  openPage,
  pageErrors,
  shareUnlike,
} from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import {
  episode,
  feederKey,
  postForecast,
  seedEpisode,
  unitCategory,
  unitPoint,
  waitForValues,
} from '../helpers/wallDriver';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ FEEDER_KEY: feederKey, CLOCK: 'data' });
  await seedEpisode(server.url);
  await postForecast(server.url, episode.newest, '654026', [
    { end: episode.newest + 24 * HOUR, aqi: 280 },
    { end: episode.newest + 48 * HOUR, aqi: 320 },
  ]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the map follows the time slider to a past hour and back to LIVE', async () => {
  const page = await openPage(browser, `${server.url}/`);
  await expect
    .poll(() => page.getByTestId('connection').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('connected');
  await waitForValues(page);
  await page.waitForTimeout(500);
  mkdirSync('test-results', { recursive: true });
  const screenshot = await page.locator('[data-testid=map]').screenshot();
  writeFileSync('test-results/map.png', screenshot);
  // The offline background is #1b2430; the units of both prefectures cover a good part of the view (the legend takes the right side).
  expect(shareUnlike(screenshot, { r: 0x1b, g: 0x24, b: 0x30 })).toBeGreaterThan(0.08);
  expect(await page.getByTestId('live-badge').isVisible()).toBe(true);
  expect(await unitCategory(page, '654002')).toBe(4);

  // Sixteen hours back (keyboard only), 伊宁市's 24 h window holds only its 60 µg/m³ hours → 良 (2).
  await page.getByTestId('time-range').focus();
  for (let step = 0; step < 16; step += 1) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.getByTestId('time-shown').textContent()).toBe('2019-01-06 20:00');
  expect(await page.getByTestId('live-badge').count()).toBe(0);
  await expect.poll(() => unitCategory(page, '654002'), { timeout: 10_000 }).toBe(2);
  writeFileSync('test-results/map-past.png', await page.screenshot());

  await page.getByTestId('back-to-live').click();
  await expect.poll(() => unitCategory(page, '654002'), { timeout: 10_000 }).toBe(4);
  expect(await page.getByTestId('live-badge').isVisible()).toBe(true);
  await page.close();
}, 120_000);

test('past now the slider shows the forecast: 预报 label, hatched track, units filled by their forecast daily AQI', async () => {
  const page = await openPage(browser, `${server.url}/`);
  await waitForValues(page);
  await expect.poll(() => page.getByTestId('forecast-marker').isVisible(), { timeout: 10_000 }).toBe(true);
  // 30 hours past now (keyboard only): 2019-01-08 18:00 lies in 昭苏县's forecast window ending 01-09 12:00,
  // AQI 320 → 严重污染 (6, HJ 633: above 300); the window ending 01-08 12:00 (280) no longer holds it.
  await page.getByTestId('time-range').focus();
  for (let step = 0; step < 30; step += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.getByTestId('time-shown').textContent()).toBe('预报 2019-01-08 18:00');
  expect(await page.getByTestId('live-badge').count()).toBe(0);
  await expect.poll(() => unitCategory(page, '654026'), { timeout: 10_000 }).toBe(6);
  // No forecast for 伊宁市: no value (grey), not its observed colour; no hourly forecast, so daily is drawn.
  expect(await unitCategory(page, '654002')).toBe(0);
  expect(await page.getByTestId('metric-note').isVisible()).toBe(true);
  writeFileSync('test-results/map-forecast.png', await page.screenshot());

  // The horizon ends at the last window (01-09 12:00, 48 h past now): further keys stay there.
  for (let step = 0; step < 25; step += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.getByTestId('time-shown').textContent()).toBe('预报 2019-01-09 12:00');

  await page.getByTestId('back-to-live').click();
  await expect.poll(() => unitCategory(page, '654026'), { timeout: 10_000 }).toBe(5);
  expect(await page.getByTestId('metric-note').count()).toBe(0);
  await page.close();
}, 120_000);

test('clicking a unit opens its panel with AQI, level in words and the 72 h chart', async () => {
  const page = await openPage(browser, `${server.url}/`);
  await waitForValues(page);
  const [x, y] = await unitPoint(page, '654026');
  await page.mouse.click(x, y);
  const panel = page.getByTestId('side-panel');
  await expect.poll(() => panel.isVisible(), { timeout: 10_000 }).toBe(true);
  // 昭苏县: 24 h PM2.5 mean 201 µg/m³ → IAQI 250.5, reported as 251.
  expect(await page.getByTestId('panel-hourly').textContent()).toBe('251');
  expect(await panel.textContent()).toContain('无预警');
  await expect
    .poll(() => panel.locator('path.series-hourly').getAttribute('d'), { timeout: 20_000 })
    .toMatch(/^M.*L/);
  // The forecast continues the daily curve: from the newest daily AQI through both forecast windows.
  expect(await panel.locator('path.series-forecast').getAttribute('d')).toMatch(/^M[^M]*L[^M]*L[^M]*$/);
  expect(await panel.locator('polygon.series-range').count()).toBe(1);
  // The pollutants behind it: the hourly report's PM2.5 row carries the 24 h mean and its sub-index.
  const pm25 = panel.getByTestId('pollutants-hourly').locator('tr', { hasText: 'PM₂.₅' });
  expect(await pm25.textContent()).toMatch(/201\s*µg\/m³\s*251/);
  writeFileSync('test-results/map-panel.png', await page.screenshot());
  await page.close();
});

/** One file of a zip archive (a .docx), as text. */
function unzipEntry(zip: Buffer, name: string): string {
  const entry = unzipSync(new Uint8Array(zip), { filter: (file) => file.name === name })[name];
  if (!entry) throw new Error(`${name} is not in the archive`);
  return strFromU8(entry);
}

/** The share of sampled pixels in a box that differ from a colour (e.g. a panel's background). */
function shareUnlikeIn(
  png: Buffer,
  box: { x: number; y: number; width: number; height: number },
  hex: string,
) {
  const image = decodePng(png);
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  let unlike = 0;
  let total = 0;
  for (let y = box.y; y < box.y + box.height; y += 2)
    for (let x = box.x; x < box.x + box.width; x += 2) {
      const pixel = image.pixelAt(x, y);
      if (Math.abs(pixel.r - r!) + Math.abs(pixel.g - g!) + Math.abs(pixel.b - b!) > 12) unlike += 1;
      total += 1;
    }
  return unlike / total;
}

test('the press view writes a notice, saves a briefing PNG with title and legend and a Word notice, from the keyboard', async () => {
  const page = await openPage(browser, `${server.url}/press`);
  await waitForValues(page);
  const notice = page.getByTestId('notice');
  await expect.poll(() => notice.textContent()).toContain('截至北京时间2019-01-07 12:00');
  // No warning is issued in this episode: the notice says so and names the worst unit (the highest real-time AQI).
  expect(await notice.textContent()).toContain('目前无生效的重污染天气预警。当前空气质量最差的单元为');
  const map = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=map] canvas')!;
    return { width: canvas.width, height: canvas.height };
  });

  mkdirSync('test-results', { recursive: true });
  await page.getByTestId('snapshot').focus();
  const [imageDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(imageDownload.suggestedFilename()).toBe('tianshan-ili-2019-01-07-12-00.png');
  const png = readFileSync((await imageDownload.path())!);
  writeFileSync('test-results/press-briefing.png', png);
  const image = decodePng(png);
  // Title bar above and legend beside the map: the image is larger than the map canvas both ways.
  expect(image.width).toBeGreaterThan(map.width);
  expect(image.height).toBeGreaterThan(map.height);
  // The drawing buffer is kept for the snapshot: the map part shows the units, not an empty canvas.
  expect(shareUnlike(png, { r: 0x1b, g: 0x24, b: 0x30 })).toBeGreaterThan(0.08);
  // The legend panel (#18212c) right of the map carries the six category swatches and their words.
  const legend = { x: map.width, y: 64, width: image.width - map.width, height: 16 * 2 + 15 * 28 };
  expect(shareUnlikeIn(png, legend, '#18212c')).toBeGreaterThan(0.05);
  expect(image.pixelAt(map.width + 16 + 18, 64 + 16 + 28 * 1.5)).toMatchObject({ r: 0x00, g: 0xe4, b: 0x00 });

  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('notice-word');
  const [wordDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(wordDownload.suggestedFilename()).toBe('tianshan-ili-2019-01-07-12-00.docx');
  const docx = readFileSync((await wordDownload.path())!);
  writeFileSync('test-results/press-notice.docx', docx);
  const firstSentence = (await notice.locator('p').first().textContent())!.split('。')[0]!;
  expect(firstSentence).toMatch(/^截至北京时间2019-01-07 12:00，伊犁州红色预警单元\d+个/);
  const documentXml = unzipEntry(docx, 'word/document.xml');
  expect(documentXml).toContain(firstSentence);
  expect(documentXml).toContain('边界为近似范围');
  expect(unzipEntry(docx, '[Content_Types].xml')).toContain('image/png');
  writeFileSync('test-results/press-view.png', await page.screenshot());

  // English on toggle: the notice and the image's words follow; the file name does not change.
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => notice.textContent()).toContain('As of 2019-01-07 12:00 Beijing time, Ili has');
  // The map redraws its unit labels in English a moment after the toggle; the image should show them.
  await page.waitForTimeout(1500);
  await page.getByTestId('snapshot').focus();
  const [englishDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(englishDownload.suggestedFilename()).toBe('tianshan-ili-2019-01-07-12-00.png');
  writeFileSync('test-results/press-briefing-en.png', readFileSync((await englishDownload.path())!));
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('toggling a layer draws it and the legend gains its symbols and the synthetic-sample label', async () => {
  const page = await openPage(browser, `${server.url}/`);
  await waitForValues(page);
  const legend = page.getByTestId('legend');
  expect(await legend.textContent()).not.toContain('A级');
  const before = await page.locator('[data-testid=map]').screenshot();
  await page.getByLabel('应急减排企业').check();
  await page.getByLabel('柴油车限行区').check();
  await expect.poll(() => legend.textContent()).toContain('A级');
  expect(await legend.textContent()).toContain('示例数据（合成）');
  expect(await legend.textContent()).toContain('限行生效');
  // The map redraws its unit labels in English a moment after the toggle; the image should show them.
  await page.waitForTimeout(1500);
  const after = await page.locator('[data-testid=map]').screenshot();
  writeFileSync('test-results/map-layers.png', after);
  expect(after.equals(before)).toBe(false);
  await page.close();
});
