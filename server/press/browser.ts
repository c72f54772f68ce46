import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Why a picture or PDF cannot be made now; the router answers 503 with it, never an empty file. */
export class RenderUnavailable extends Error {}

const executablePath = '/usr/bin/chromium';
/** Debian's Chromium, headless and offline; the browser tests launch it the same way (test/helpers/browser.ts). */
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Software WebGL: without a GPU, Chromium only offers WebGL through SwiftShader when asked.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
export const chromiumLaunchOptions = { executablePath, headless: true, args: flags };
/** Requests waiting beyond this are refused (503, retry later) rather than queued for minutes. */
const maxWaiting = 24;
const cjkFont = /Noto Sans CJK|Noto Serif CJK|WenQuanYi|Source Han/i;

async function missingFont(): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('fc-list', [':lang=zh', 'family']);
    return cjkFont.test(stdout)
      ? null
      : 'no Chinese font is installed: Chinese would print as boxes (apt-get install fonts-noto-cjk, or run scripts/ensure-browser.sh)';
  } catch {
    return 'fontconfig (fc-list) is not installed, so no Chinese font can be found (apt-get install fontconfig fonts-noto-cjk)';
  }
}

/**
 * One long-lived headless Chromium for the server's pictures and PDFs: launched on first use, launched
 * again if it dies, and reached through a queue that runs one job at a time (the machine has two cores
 * shared with the engine). Jobs get pages from contexts kept per device scale factor.
 */
export function createBrowserService() {
  let launching: Promise<Browser> | null = null;
  let fontProblem: Promise<string | null> | null = null;
  const contexts = new Map<number, Promise<BrowserContext>>();
  let running: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let closed = false;

  async function browser(): Promise<Browser> {
    if (!existsSync(executablePath))
      throw new RenderUnavailable(
        `chromium is not installed: ${executablePath} is missing (run scripts/ensure-browser.sh, or apt-get install chromium fonts-noto-cjk)`,
      );
    fontProblem ??= missingFont();
    const font = await fontProblem;
    if (font) throw new RenderUnavailable(font);
    launching ??= chromium.launch(chromiumLaunchOptions).then(
      (launched) => {
        launched.on('disconnected', () => {
          launching = null;
          contexts.clear();
        });
        return launched;
      },
      (error: Error) => {
        launching = null;
        throw new RenderUnavailable(`chromium could not start: ${error.message.split('\n')[0]}`);
      },
    );
    return launching;
  }

  /** A browser context for a device scale factor (kept: its pages keep their loaded app). */
  function context(scale: number): Promise<BrowserContext> {
    let found = contexts.get(scale);
    if (!found) {
      found = browser().then((launched) => launched.newContext({ deviceScaleFactor: scale }));
      found.catch(() => contexts.delete(scale));
      contexts.set(scale, found);
    }
    return found;
  }

  /** Runs jobs one after another; a job that fails does not stop the next. */
  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new RenderUnavailable('the server is shutting down'));
    if (waiting >= maxWaiting)
      return Promise.reject(new RenderUnavailable(`${waiting} renders are waiting; try again in a minute`));
    waiting += 1;
    const run = running.then(job, job).finally(() => {
      waiting -= 1;
    });
    running = run.catch(() => {});
    return run;
  }

  return {
    enqueue,
    context,
    /** Prints HTML to an A4 PDF; fonts are embedded by Chromium. */
    pdf(html: string): Promise<Buffer> {
      return enqueue(async () => {
        const page: Page = await (await context(1)).newPage();
        try {
          await page.setContent(html, { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            margin: { top: '18mm', bottom: '18mm', left: '20mm', right: '20mm' },
          });
        } finally {
          await page.close();
        }
      });
    },
    async close(): Promise<void> {
      closed = true;
      const current = launching;
      launching = null;
      contexts.clear();
      if (current) await (await current.catch(() => null))?.close();
    },
  };
}

export type BrowserService = ReturnType<typeof createBrowserService>;
