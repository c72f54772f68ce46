import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { minute } from '../../shared/documents/format';
import { noticeArea } from '../../shared/documents/notice';
import type { SnapshotInput } from '../../shared/documents/snapshot';
import { type DocumentLanguage, word } from '../../shared/documents/words';
import { responseLevel } from '../../shared/levels';
import type { JurisdictionState } from '../../shared/state/schema';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Engine } from '../engine';
import type { Store } from '../store/types';
import { type BrowserService, RenderUnavailable } from './browser';
import { targetUnitIds, unitNames, warningsInForceAt } from './warning';

export type SnapshotRequest = {
  jurisdiction: Jurisdiction;
  at: number;
  width: number;
  height: number;
  language: DocumentLanguage;
  /** Playback frames: a clock over the map. */
  clock?: string | null;
  /** The state to draw instead of the engine's at `at`: a decision packet's, as frozen with its event. */
  state?: JurisdictionState;
};

/** A map that has not settled by then is reported, not sent half-drawn (generous: two shared cores). */
const renderTimeoutMs = 90_000;
const pageLoadTimeoutMs = 120_000;
const cacheSize = 48;
/** A page is reloaded after this many pictures (bounded memory; a new boundary set is picked up). */
const rendersPerPage = 200;

/** The words around the map for one picture, from the state at the data time and the warning book. */
export function snapshotInput(
  store: Store,
  engine: Engine,
  exercise: boolean,
  request: SnapshotRequest,
): SnapshotInput {
  const { jurisdiction, at, language } = request;
  const state = request.state ?? engine.state(jurisdiction, at);
  const warnings = warningsInForceAt(store, jurisdiction, at)
    .sort(
      (a, b) =>
        ['yellow', 'orange', 'red'].indexOf(b.segment.level) -
        ['yellow', 'orange', 'red'].indexOf(a.segment.level),
    )
    .map(({ warning, segment }) => {
      const units = unitNames(targetUnitIds(warning));
      const area = noticeArea({ jurisdiction, region: warning.target.kind === 'region', units }, language);
      return {
        level: segment.level,
        text: word(
          language,
          'snapshotWarning',
          area,
          minute(segment.approvedAt),
          minute(segment.from),
          word(language, 'response', responseLevel[segment.level]),
        ),
      };
    });
  const time = word(language, 'dataTime', minute(at));
  return {
    jurisdiction,
    language,
    state,
    title: word(language, 'snapshotTitle', word(language, 'prefecture', jurisdiction)),
    dataTime:
      state.basis === 'forecast'
        ? `${time} · ${word(language, 'forecastBasis', minute(state.forecastFrom!))}`
        : time,
    warningsHeading: word(language, 'warningsInForce'),
    warnings,
    noWarnings: word(language, 'noWarningsInForce'),
    exercise: exercise ? word(language, 'exerciseMark') : null,
    footer: [
      word(language, 'approximateBoundaries'),
      word(language, 'sourceLine', state.edition),
      ...(state.stations.some((station) => station.simulated) ? [word(language, 'simulatedStations')] : []),
    ],
    clock: request.clock ?? null,
  };
}

/** Up to 1920×1080 CSS pixels at scale 1; larger pictures are the same layout at device scale 2 (labels stay readable). */
function layoutOf(width: number, height: number): { scale: number; width: number; height: number } {
  const scale = (width > 1920 || height > 1080) && width % 2 === 0 && height % 2 === 0 ? 2 : 1;
  return { scale, width: width / scale, height: height / scale };
}

/**
 * Server-side map pictures: the client's /snapshot page (the wall's map object) in the shared Chromium,
 * one loaded page per device scale reused across requests; a picture of an unchanged state comes from
 * a cache keyed by the request and a hash of everything drawn (the state at that hour included).
 */
export function createSnapshotService(browser: BrowserService) {
  const pages = new Map<number, { page: Promise<Page>; renders: number }>();
  const cache = new Map<string, Buffer>();

  function openPage(scale: number, origin: string): { page: Promise<Page>; renders: number } {
    const existing = pages.get(scale);
    if (existing && existing.renders < rendersPerPage) return existing;
    void existing?.page.then((page) => page.close()).catch(() => {});
    const entry = {
      renders: 0,
      page: (async () => {
        const page = await (await browser.context(scale)).newPage();
        page.on('close', () => {
          if (pages.get(scale) === entry) pages.delete(scale);
        });
        page.on('crash', () => pages.delete(scale));
        await page.goto(`${origin}/snapshot`, { timeout: pageLoadTimeoutMs });
        await page
          .waitForFunction(() => window.__snapshot !== undefined, undefined, { timeout: pageLoadTimeoutMs })
          .catch(() => {
            throw new RenderUnavailable(
              'the snapshot page did not load the map (is the client built? run npm run build)',
            );
          });
        return page;
      })(),
    };
    entry.page.catch(() => pages.delete(scale));
    pages.set(scale, entry);
    return entry;
  }

  async function draw(input: SnapshotInput, width: number, height: number, origin: string): Promise<Buffer> {
    const layout = layoutOf(width, height);
    const entry = openPage(layout.scale, origin);
    entry.renders += 1;
    const page = await entry.page;
    try {
      await page.setViewportSize({ width: layout.width, height: layout.height });
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      const rendered = page.evaluate((value) => window.__snapshot!.render(value), input);
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(
          () =>
            reject(new RenderUnavailable(`the map did not become idle within ${renderTimeoutMs / 1000} s`)),
          renderTimeoutMs,
        ).unref(),
      );
      await Promise.race([rendered, timeout]);
      return await page.screenshot({ type: 'png' });
    } catch (error) {
      // A page in an unknown state is not reused.
      pages.delete(layout.scale);
      void page.close().catch(() => {});
      if (error instanceof RenderUnavailable) throw error;
      throw new RenderUnavailable(
        `the snapshot could not be drawn: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }

  return {
    /** A PNG of exactly width × height; throws RenderUnavailable (503) rather than return an empty picture. */
    async render(input: SnapshotInput, width: number, height: number, origin: string) {
      const key = createHash('sha256').update(JSON.stringify({ input, width, height })).digest('hex');
      const cached = cache.get(key);
      if (cached) {
        cache.delete(key);
        cache.set(key, cached);
        return { png: cached, cached: true };
      }
      const png = await browser.enqueue(() => draw(input, width, height, origin));
      cache.set(key, png);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      return { png, cached: false };
    },
    /** Several frames in one queue slot (playback): no other request interleaves a frame. */
    frames(
      inputs: readonly SnapshotInput[],
      width: number,
      height: number,
      origin: string,
    ): Promise<Buffer[]> {
      return browser.enqueue(async () => {
        const frames: Buffer[] = [];
        for (const input of inputs) frames.push(await draw(input, width, height, origin));
        return frames;
      });
    },
  };
}

export type SnapshotService = ReturnType<typeof createSnapshotService>;
