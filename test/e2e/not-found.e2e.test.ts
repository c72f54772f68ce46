import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Browser, launchBrowser } from '../helpers/browser';
import { watchFailures } from '../helpers/commander-driver';
import { accountsFor, startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({}, { accounts: accountsFor(['press']) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the pages have an icon, and a visitor not signed in meets no failed request or console error', async () => {
  for (const path of ['/wall', '/command', '/press']) {
    // A new context each: Chromium asks for the icon once per profile.
    const context = await browser.newContext();
    const page = await context.newPage();
    // The sign-in pages asked /api/me first, and its 401 was logged as an error before anyone typed.
    const failures = watchFailures(page);
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    expect([path, failures]).toEqual([path, []]);
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

test('the press page, signed in, meets no failed request, 404 or other (no sand and dust is an answer)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const failures = watchFailures(page);
  await page.goto(`${server.url}/press`);
  await page.getByLabel('用户名').fill('press');
  await page.getByLabel('密码').fill('press-password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('press').waitFor();
  await page.waitForLoadState('networkidle');
  expect(failures).toEqual([]);
  await context.close();
}, 120_000);
