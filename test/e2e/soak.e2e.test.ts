import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import { type Browser, heapUsedBytes, launchBrowser, openPage } from '../helpers/browser';
import { startTestServer } from '../helpers/server';
import { episode, feederKey, postHour, seedEpisode, waitForValues } from '../helpers/wall-driver';

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

/** Smoothly varying PM2.5 per station, so colours change tick after tick without tripping spike checks. */
function wave(tick: number): Record<string, number> {
  return Object.fromEntries(
    episode.stations.map((station, index) => [
      station.id,
      Math.round(120 + 100 * Math.sin((tick + index * 7) / 9)),
    ]),
  );
}

// An hour of the wall in fast time: 360 deltas (one every 10 s of an hour) with the views cycling every 2 s.
test('an accelerated hour of deltas leaves the wall heap within 50 MB of where it started', async () => {
  const page = await openPage(browser, `${server.url}/wall?cycle=2`);
  await waitForValues(page);
  let tick = 0;
  const next = () => postHour(server.url, episode.newest + ++tick * HOUR, wave(tick));
  for (let warmup = 0; warmup < 30; warmup += 1) await next();
  await page.waitForTimeout(1000);
  const before = await heapUsedBytes(page);
  const started = Date.now();
  while (tick < 360) {
    await next();
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  await expect
    .poll(() => page.getByTestId('newest-data').textContent(), { timeout: 20_000 })
    .toContain('2019-01-22 12:00');
  await page.waitForTimeout(1000);
  const seconds = (Date.now() - started) / 1000;
  const after = await heapUsedBytes(page);
  const growthMb = (after - before) / 2 ** 20;
  console.log(
    `soak: JS heap ${(before / 2 ** 20).toFixed(1)} MB → ${(after / 2 ** 20).toFixed(1)} MB after 330 deltas in ${seconds.toFixed(0)} s (${growthMb.toFixed(1)} MB)`,
  );
  expect(growthMb).toBeLessThan(50);
  await page.close();
}, 240_000);
