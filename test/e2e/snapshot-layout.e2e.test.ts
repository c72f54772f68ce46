import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SnapshotInput } from '../../shared/documents/snapshot';
import type { JurisdictionState } from '../../shared/state/schema';
import { type Browser, launchBrowser, openPage, pageErrors } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The press picture at its smallest size (800×600, GET /api/snapshot's minimum): the side column holds the
 * warnings in force and the legend, and the legend alone is taller than the column. What the column cuts
 * off must not be the warnings the picture is sent for.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({});
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('at 800×600 every warning in force is inside the picture, in both languages', async () => {
  const state = (await (await fetch(`${server.url}/api/state?jurisdiction=ili`)).json()) as JurisdictionState;
  const page = await openPage(browser, `${server.url}/snapshot`);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.waitForFunction(() => window.__snapshot !== undefined, undefined, { timeout: 30_000 });
  for (const language of ['zh', 'en'] as const) {
    const input: SnapshotInput = {
      jurisdiction: 'ili',
      language,
      state,
      title: 'Ili (with the XPCC 4th Division): air quality and heavy-pollution warnings',
      dataTime: 'Data time: 2019-12-17 18:00 Beijing time',
      warningsHeading: 'Warnings in force',
      warnings: [
        { level: 'red', text: 'Yining City, Yining County: issued 2019-12-17 17:00, Level I response' },
        { level: 'orange', text: 'Huocheng County: issued 2019-12-16 09:00, Level II response' },
      ],
      noWarnings: 'none',
      exercise: 'EXERCISE — replayed 2019 data, not a real warning',
      footer: ['Boundaries are approximate, not survey results'],
      clock: null,
    };
    await page.evaluate((value) => window.__snapshot!.render(value), input);
    const items = page.locator('.snapshot-warnings li');
    expect(await items.count()).toBe(2);
    const side = (await page.locator('.snapshot-side').boundingBox())!;
    for (const item of await items.all()) {
      const box = (await item.boundingBox())!;
      expect(box.y + box.height, `${language}: ${await item.textContent()}`).toBeLessThanOrEqual(
        side.y + side.height,
      );
    }
  }
  expect(pageErrors(page)).toEqual([]);
  await page.close();
}, 120_000);
