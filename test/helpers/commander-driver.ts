import { HOUR, toBeijingIso } from '../../shared/time';
import type { Browser, Page } from './browser';
import { feederKey, postHours, registerStations, stationsFor } from './wall-driver';

/**
 * Drives the commander console (/command) for browser tests: a hand-made Ili episode fed over the HTTP
 * API, and one browser context per signed-in role (each its own session cookie).
 */

/** Five contiguous Ili units (GET /api/units neighbours: 伊宁市 borders the other four). */
export const regionUnits = ['654002', '654021', '654022', '654023', 'xpcc4-kokdala'] as const;
export const regionNames = ['伊宁市', '伊宁县', '察布查尔锡伯自治县', '霍城县', '可克达拉市区'] as const;

export const scenario = {
  first: Date.parse('2019-01-05T01:00:00+08:00'),
  stations: stationsFor(regionUnits),
  /** Hours of the polluted phase; the data clock then stands at first + 71 h. */
  pollutedHours: 72,
  /** Hours of the clean phase that follows. */
  cleanHours: 24,
  get pollutedNow(): number {
    return scenario.first + (scenario.pollutedHours - 1) * HOUR;
  },
  get cleanNow(): number {
    return scenario.pollutedNow + scenario.cleanHours * HOUR;
  },
};

async function feed(url: string, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${feederKey}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
}

/** A forecast issue at `issuedAt` for every region unit: daily AQI `aqi` for each window end in the next `hours`. */
export async function postForecast(url: string, issuedAt: number, hours: number, aqi: number): Promise<void> {
  const forecasts = regionUnits.flatMap((unit) =>
    Array.from({ length: hours }, (_, index) => ({
      unit,
      windowEnd: toBeijingIso(issuedAt + (index + 1) * HOUR),
      aqi,
      primary: 'pm25',
    })),
  );
  await feed(url, 'POST', '/api/forecasts', {
    issuedAt: toBeijingIso(issuedAt),
    source: 'e2e forecaster',
    forecasts,
  });
}

/** PM2.5 `pm25` µg/m³ at every region station for `hours` hours from `first`. */
export async function postSteady(url: string, first: number, hours: number, pm25: number): Promise<void> {
  await postHours(url, first, hours, () =>
    Object.fromEntries(scenario.stations.map((station) => [station.id, pm25])),
  );
}

/** Stations, the polluted phase and a forecast that keeps it polluted. */
export async function seedPollutedPhase(url: string, pm25: number, forecastAqi: number): Promise<void> {
  await registerStations(url, scenario.stations);
  await postSteady(url, scenario.first, scenario.pollutedHours, pm25);
  await postForecast(url, scenario.pollutedNow, 72, forecastAqi);
}

/** A fresh browser context signed in through the console's own form. */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${url}/command`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('command').waitFor();
  return page;
}

/** The warning cards of a list (inbox, open or closed). */
export function cardIn(page: Page, list: 'inbox' | 'open-warnings' | 'closed-warnings') {
  return page.getByTestId(list).getByTestId('warning-card');
}

/** Types the comment on the first card of a list. */
export async function commentOn(page: Page, list: 'inbox' | 'open-warnings', comment: string): Promise<void> {
  await cardIn(page, list)
    .first()
    .getByLabel(/意见\/理由|Comment/)
    .fill(comment);
}

/** What the console's decision section and compliance banner show: its data time, entries and flagged targets. */
export async function consoleEntries(page: Page): Promise<{
  now: number | null;
  /**
   * effective: when the entry says its warning would start (epoch ms as text), or '' when it says nothing;
   * covered: whether a warning already answers it (data-covered: no, raise, in-force, issued, pending).
   */
  entries: { kind: string; level: string; members: string; effective: string; covered: string }[];
  flags: string[];
}> {
  return page.evaluate(() => {
    const decide = document.querySelector('[data-testid="decide"]');
    const now = decide ? Number(decide.getAttribute('data-now')) : null;
    const entries = [...document.querySelectorAll('[data-testid="recommendation-entry"]')].map((entry) => ({
      kind: entry.getAttribute('data-kind') ?? '',
      level: entry.getAttribute('data-level') ?? '',
      members: entry.getAttribute('data-members') ?? '',
      effective: entry.querySelector('[data-testid="effective"]')?.getAttribute('data-at') ?? '',
      covered: entry.getAttribute('data-covered') ?? '',
    }));
    const flags = [...document.querySelectorAll('[data-testid="compliance-flag"]')].map(
      (flag) => flag.getAttribute('data-target') ?? '',
    );
    return { now, entries, flags };
  });
}

/**
 * Chinese text of a part of the page that is not a name given in both scripts: Han characters outside
 * parentheses (English titles carry the plan's words in parentheses), leaving out what users typed.
 */
export async function hanOutsideParentheses(locator: ReturnType<Page['getByTestId']>): Promise<string[]> {
  return locator.evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    for (const typed of clone.querySelectorAll('[data-user-text], textarea, input, option')) typed.remove();
    const text = (clone.textContent ?? '').replace(/\([^()]*\)/g, '');
    return text.match(/[\u4e00-\u9fff]+/g) ?? [];
  });
}

/**
 * Failed requests (4xx/5xx answers) and console errors the page logs from now on: what an officer with the
 * developer tools open, or the browser's own log, would see as something going wrong.
 */
export function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400)
      failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  return failures;
}
