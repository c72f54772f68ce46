import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openPage, shareUnlike } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the map shows the county outlines and the socket connects', async () => {
  const page = await openPage(browser, `${server.url}/`);
  await expect
    .poll(() => page.getByTestId('connection').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('connected');
  await page.waitForFunction(() => document.querySelector('canvas.maplibregl-canvas') !== null);
  await page.waitForTimeout(1500);
  const screenshot = await page.locator('[data-testid=map]').screenshot();
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/map.png', screenshot);
  // The offline background is #1b2430; the county polygons of both prefectures cover a good part of the view.
  expect(shareUnlike(screenshot, { r: 0x1b, g: 0x24, b: 0x30 })).toBeGreaterThan(0.12);
});
