import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Browser, launchBrowser } from '../helpers/browser';
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

test('the pages have an icon: no request of /wall, /command or /press answers 404', async () => {
  for (const path of ['/wall', '/command', '/press']) {
    // A new context each: Chromium asks for the icon once per profile.
    const context = await browser.newContext();
    const page = await context.newPage();
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    expect([path, missing]).toEqual([path, []]);
    expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
    await context.close();
  }
  for (const icon of ['/favicon.svg', '/favicon.ico']) {
    const response = await fetch(`${server.url}${icon}`);
    expect([icon, response.status, response.headers.get('content-type')]).toEqual([
      icon,
      200,
      'image/svg+xml',
    ]);
    expect(await response.text()).toMatch(/^<svg /);
  }
}, 120_000);
