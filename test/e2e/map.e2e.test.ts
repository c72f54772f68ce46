import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import { type Browser, launchBrowser, openPage, type Page, shareUnlike } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import {
  episode,
  feederKey,
  postForecast,
  postHours,
  registerStations,
  seedEpisode,
  stationsFor,
  unitCategory,
  unitPoint,
  waitForValues,
} from '../helpers/wall-driver';

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

async function zoomInAt(page: Page, lon: number, lat: number): Promise<void> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const [x, y] = await page.evaluate(([at, on]) => window.__tianshan!.project(at!, on!), [lon, lat]);
  await page.mouse.move(box.x + x, box.y + y);
  for (let notch = 0; notch < 6; notch += 1) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(1000);
}

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
  // 伊宁市 is a few pixels across in the two-prefecture view: zoom in on it as a user would, with the wheel.
  await zoomInAt(page, 81.3, 43.93);
  expect(await unitCategory(page, '654002')).toBe(4);

  // Sixteen hours back (keyboard only), 伊宁市's 24 h window holds only its 60 µg/m³ hours → 良 (2).
  await page.getByTestId('time-range').focus();
  for (let step = 0; step < 16; step += 1) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.getByTestId('time-shown').textContent()).toBe('2019-01-06 20:00');
  expect(await page.getByTestId('live-badge').count()).toBe(0);
  await expect.poll(() => unitCategory(page, '654002'), { timeout: 10_000 }).toBe(2);
  writeFileSync('test-results/map-past.png', await page.screenshot());

  await page.getByTestId('back-to-live').click();
  // Back to LIVE frames the whole jurisdiction again.
  await zoomInAt(page, 81.3, 43.93);
  await expect.poll(() => unitCategory(page, '654002'), { timeout: 10_000 }).toBe(4);
  expect(await page.getByTestId('live-badge').isVisible()).toBe(true);
  await page.close();
}, 180_000);

test('the replay plays each prefecture on its own clock: a past hour of Ili is not asked of Kizilsu as a past state', async () => {
  // E3 (December 2019) for Ili, A1 (January 2019) for Kizilsu: Ili's past hours lie beyond Kizilsu's forecast.
  const replay = await startTestServer({
    CLOCK: 'data',
    REPLAY: 'on',
    REPLAY_SPEED: '0.05',
    REPLAY_WARMUP_HOURS: '120',
  });
  try {
    const page = await openPage(browser, `${replay.url}/`);
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/state?') && response.status() >= 400) refused.push(response.url());
    });
    await expect.poll(() => page.getByTestId('live-badge').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('time-range').focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowLeft');
    const hour = await page.getByTestId('time-shown').textContent();
    // The map shows that hour, not the live state behind a slider that names a past hour.
    await expect
      .poll(() => page.getByTestId('newest-data').textContent(), { timeout: 15_000 })
      .toContain(hour);
    expect(refused).toEqual([]);
    await page.close();
  } finally {
    await replay.stop();
  }
}, 180_000);

test('with only Kizilsu fed, the slider spans the hours of Kizilsu, not the wall clock Ili stands at without data', async () => {
  const kizilsu = await startTestServer({ FEEDER_KEY: feederKey, CLOCK: 'data', REPLAY: 'off' });
  try {
    const first = Date.parse('2019-01-05T01:00:00+08:00');
    const stations = stationsFor(['653001', '653022']);
    await registerStations(kizilsu.url, stations);
    await postHours(kizilsu.url, first, 30, () => Object.fromEntries(stations.map(({ id }) => [id, 80])));
    const page = await openPage(browser, `${kizilsu.url}/`);
    await waitForValues(page);
    // Now is Kizilsu's newest hour (01-06 06:00), and the track reaches back to its first hour, 29 h before.
    await expect
      .poll(() => page.getByTestId('time-shown').textContent(), { timeout: 15_000 })
      .toBe('2019-01-06 06:00');
    const track = page.getByTestId('time-range');
    expect([await track.getAttribute('min'), await track.getAttribute('max')]).toEqual(['-29', '0']);
    await track.focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('time-shown').textContent()).toBe('2019-01-06 03:00');
    writeFileSync('test-results/map-kizilsu-only.png', await page.screenshot());
    await page.close();
  } finally {
    await kizilsu.stop();
  }
}, 180_000);

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
  await zoomInAt(page, 81.3, 43.93);
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
}, 180_000);

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

test('a station tooltip left open while the language is switched is written in the new language', async () => {
  const page = await openPage(browser, `${server.url}/`);
  await waitForValues(page);
  const station = episode.stations[3]!;
  await zoomInAt(page, station.lon, station.lat);
  const box = (await page.getByTestId('map').boundingBox())!;
  const [x, y] = await page.evaluate(
    ([lon, lat]) => window.__tianshan!.project(lon!, lat!),
    [station.lon, station.lat],
  );
  await page.mouse.move(box.x + x, box.y + y);
  const tooltip = page.getByTestId('map-tooltip');
  await expect.poll(() => tooltip.textContent(), { timeout: 10_000 }).toContain('小时AQI: 251');
  // The pointer leaves the map for the header's language button; the tooltip stays up.
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => tooltip.textContent(), { timeout: 10_000 }).toContain('Hourly AQI: 251');
  expect(await tooltip.textContent()).not.toContain('小时AQI');
  await page.close();
});

/** One file of a zip archive (a .docx), read from its central directory with node:zlib: no zip dependency. */
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
  // Each layer's keys under the layer's name: "A级" or "未生效" alone do not say what they key.
  const headings = legend.locator('.legend-note');
  await expect
    .poll(() => headings.allTextContents())
    .toEqual(expect.arrayContaining(['应急减排企业', '柴油车限行区']));
  expect(await headings.allTextContents()).not.toContain('扬尘源');
  // The map redraws its unit labels in English a moment after the toggle; the image should show them.
  await page.waitForTimeout(1500);
  const after = await page.locator('[data-testid=map]').screenshot();
  writeFileSync('test-results/map-layers.png', after);
  expect(after.equals(before)).toBe(false);
  await page.close();
});
