import { type Browser, chromium, type Page } from 'playwright-core';

export type { Browser, Page };

import { PNG } from 'pngjs';
import { chromiumLaunchOptions } from '../../server/press/browser';

/** The server's own launch (server/press/browser.ts): Debian's Chromium, offline, headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

const errorsByPage = new WeakMap<Page, string[]>();

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (error) => {
    errors.push(error.message);
    console.error(`page error: ${error.message}`);
  });
  await page.goto(url);
  return page;
}

/** Uncaught errors the page has thrown since it was opened: a wall that throws is one step from blank. */
export function pageErrors(page: Page): readonly string[] {
  return errorsByPage.get(page) ?? [];
}

/** The page's JS heap in use, after a forced garbage collection (Chrome DevTools Protocol). */
export async function heapUsedBytes(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value;
}

/** The colour of one page pixel, from a screenshot of the viewport. */
export async function pixelAtPage(page: Page, x: number, y: number): Promise<Pixel> {
  return decodePng(await page.screenshot()).pixelAt(x, y);
}

export type Pixel = { r: number; g: number; b: number; a: number };

export function decodePng(buffer: Buffer): {
  width: number;
  height: number;
  pixelAt: (x: number, y: number) => Pixel;
} {
  const png = PNG.sync.read(buffer);
  return {
    width: png.width,
    height: png.height,
    pixelAt: (x, y) => {
      const offset = (png.width * Math.round(y) + Math.round(x)) * 4;
      return {
        r: png.data[offset]!,
        g: png.data[offset + 1]!,
        b: png.data[offset + 2]!,
        a: png.data[offset + 3]!,
      };
    },
  };
}

/** The share of sampled pixels that differ from a given colour, e.g. the map background. */
export function shareUnlike(buffer: Buffer, colour: { r: number; g: number; b: number }, step = 4): number {
  const image = decodePng(buffer);
  let unlike = 0;
  let total = 0;
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) {
      const pixel = image.pixelAt(x, y);
      const distance =
        Math.abs(pixel.r - colour.r) + Math.abs(pixel.g - colour.g) + Math.abs(pixel.b - colour.b);
      if (distance > 12) unlike += 1;
      total += 1;
    }
  }
  return unlike / total;
}
