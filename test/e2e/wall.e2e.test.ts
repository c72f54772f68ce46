import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import { type Browser, launchBrowser, openPage, pageErrors } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import {
  episode,
  feederKey,
  postHour,
  seedEpisode,
  stationHatched,
  unitCategory,
  waitForValues,
} from '../helpers/wallDriver';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ FEEDER_KEY: feederKey, CLOCK: 'data' });
  await seedEpisode(server.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the wall fills units with the HJ 633 colour of their hourly AQI, and a delta recolours without reload', async () => {
  const page = await openPage(browser, `${server.url}/wall?view=ili&cycle=0`);
  await waitForValues(page);
  const firstFrame = await page.evaluate(() => window.__tianshan!.firstValuesFrameAt()!);
  console.log(`wall: first frame with unit values ${Math.round(firstFrame)} ms after navigation start`);
  await page.waitForTimeout(500);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/wall.png', await page.screenshot());
  expect(await unitCategory(page, '654002')).toBe(4);
  expect(await unitCategory(page, '654003')).toBe(1);
  expect(await unitCategory(page, '654021')).toBe(3);
  expect(await unitCategory(page, '654026')).toBe(5);
  expect(await unitCategory(page, '654028')).toBe(0);
  await expect.poll(() => page.getByTestId('newest-data').textContent()).toContain('2019-01-07 12:00');

  // 奎屯市: one hour of 125 lifts the 24 h mean to (23×34 + 126)/24 ≈ 37.8 → IAQI 54 良 (2).
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await postHour(server.url, episode.newest + HOUR, {
    ...episode.readings(episode.hours),
    [episode.stations[1]!.id]: 125,
  });
  await expect.poll(() => unitCategory(page, '654003'), { timeout: 10_000 }).toBe(2);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect.poll(() => page.getByTestId('newest-data').textContent()).toContain('2019-01-07 13:00');
  writeFileSync('test-results/wall-after-delta.png', await page.screenshot());
  await page.close();
});

test('the wall redraws after the WebGL context is lost and restored', async () => {
  const page = await openPage(browser, `${server.url}/wall?view=ili&cycle=0`);
  await waitForValues(page);
  await page.evaluate(async () => {
    const canvas = window.__tianshan!.canvas();
    const context = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const extension = context.getExtension('WEBGL_lose_context')!;
    extension.loseContext();
    await new Promise((resolve) => setTimeout(resolve, 300));
    extension.restoreContext();
  });
  await expect.poll(() => unitCategory(page, '654026'), { timeout: 15_000 }).toBe(5);
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('a stopped server turns the header red with the time it was lost, and a restart clears it', async () => {
  const page = await openPage(browser, `${server.url}/wall?view=ili&cycle=0`);
  await waitForValues(page);
  const header = page.getByTestId('status-header');
  await expect.poll(() => header.getAttribute('data-connection')).toBe('connected');
  const port = new URL(server.url).port;
  const firstDataDir = server.dataDir;
  await server.close();
  await expect.poll(() => header.getAttribute('data-connection'), { timeout: 15_000 }).toBe('disconnected');
  expect(await page.getByTestId('connection').textContent()).toMatch(/断开于 \d{4}-\d\d-\d\d \d\d:\d\d/);
  const background = await header.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).toBe('rgb(179, 0, 27)');

  // Same port, same store: the wall reconnects on its own and resyncs to what the store holds.
  server = await startTestServer({
    FEEDER_KEY: feederKey,
    CLOCK: 'data',
    PORT: port,
    DATA_DIR: firstDataDir,
  });
  await expect.poll(() => header.getAttribute('data-connection'), { timeout: 20_000 }).toBe('connected');
  await expect.poll(() => page.getByTestId('newest-data').textContent()).toContain('2019-01-07 13:00');
  expect(await unitCategory(page, '654026')).toBe(5);

  // 昭苏县's station stops sending: two hours later it is stale and drawn hatched (issue 7, wall display).
  const silent = episode.stations[3]!;
  expect(await stationHatched(page, silent)).toBe(false);
  for (const hour of [2, 3]) {
    const readings = episode.readings(episode.hours + hour - 1);
    delete readings[silent.id];
    await postHour(server.url, episode.newest + hour * HOUR, readings);
  }
  await expect.poll(() => page.getByTestId('newest-data').textContent()).toContain('2019-01-07 15:00');
  await expect.poll(() => stationHatched(page, silent), { timeout: 10_000 }).toBe(true);
  writeFileSync('test-results/wall-stale.png', await page.screenshot());
  await page.close();
  rmSync(firstDataDir, { recursive: true, force: true });
});
