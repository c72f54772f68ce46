/**
 * Wall benchmark (issue 16): cold render of /wall to the first frame with unit colours, and the idle CPU
 * of the page (its view cycle included) while no data changes. With the cycle on, two windows in turn:
 * the first pass (views not yet drawn for this data are drawn once, and kept) and the steady state after
 * it (every view shown from its kept frame); the < 2 % target is the steady state. The server replays the real December 2019
 * Yining episode (E3) warmed up to its first peak, with an Ili regional warning and the autonomous region's
 * warning for Kizilsu in force; the replay then stands still. Run: npm run bench wall
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, type Page } from '../test/helpers/browser';
import { startTestServer } from '../test/helpers/server';
import { warnDuringEpisode } from '../test/helpers/wall-driver';

const root = join(import.meta.dirname, '..');
const coldRuns = 5;
/** Three turns of the wall's default 30-second view cycle: three view changes in the window. */
const idleSeconds = 90;

/** CPU seconds (user + system) of a process and all its descendants, from /proc. */
function treeCpuSeconds(rootPid: number): number {
  const ticks = 100;
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  const pending = [...(children.get(rootPid) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += cpu.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function firstValuesFrame(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__tianshan?.firstValuesFrameAt() != null, undefined, {
    timeout: 120_000,
  });
  return page.evaluate(() => window.__tianshan!.firstValuesFrameAt()!);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (!existsSync(join(root, 'dist/client/index.html'))) {
  console.log('building the client (npx vite build)…');
  spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
}
const assets = readdirSync(join(root, 'dist/client/assets'));
const wallChunk = assets.find((name) => /^wall-view-.*\.js$/.test(name));
console.log(`client chunks: ${assets.filter((name) => name.endsWith('.js')).length} (wall: ${wallChunk})`);

const server = await startTestServer({
  CLOCK: 'data',
  REPLAY: 'on',
  REPLAY_SPEED: '0.0001',
  REPLAY_WARMUP_HOURS: '150',
});
await warnDuringEpisode(server.url);
const url = `${server.url}/wall?view=ili&cycle=0`;

// Transfer: what the wall's first load costs on the wire (compressed, as the server sends it).
const page0 = await fetch(url);
console.log(
  `/wall page: ${(await page0.text()).length} B, cache-control ${page0.headers.get('cache-control')}`,
);

const results: string[] = [];
for (const [width, height] of [
  [1920, 1080],
  [3840, 2160],
] as const) {
  const firstBrowser = await launchBrowser();
  const cold: number[] = [];
  for (let run = 0; run < coldRuns; run += 1) {
    // A fresh context each time: empty HTTP cache, new page; the first run is also a fresh browser.
    const context = await firstBrowser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(url);
    cold.push(await firstValuesFrame(page));
    if (run === 0 && width === 1920) {
      const loaded = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry as PerformanceResourceTiming)
          .filter((entry) => /\/assets\/|\/api\/(config|boundaries)$/.test(entry.name))
          .map((entry) => ({
            name: entry.name.split('/').pop()!,
            sent: entry.transferSize,
            size: entry.decodedBodySize,
          })),
      );
      const sent = loaded.reduce((sum, entry) => sum + entry.sent, 0);
      const size = loaded.reduce((sum, entry) => sum + entry.size, 0);
      results.push(
        `wall assets and map data: ${loaded.length} files, ${(size / 1024).toFixed(0)} KiB, ${(sent / 1024).toFixed(0)} KiB on the wire ` +
          `(${loaded.map((entry) => entry.name).join(', ')})`,
      );
      console.log(results.at(-1));
    }
    // Closing a context before its page has settled leaves that page's later shaders (text, icons)
    // compiling in the browser's one GPU process, and the next context's first frame waits behind them:
    // back to back, runs 2–5 measured 2.2–4.3 s against 1.0–1.2 s when each page had settled first
    // (13:20, load 1.1); the first run of a new browser, which waits for no one, 1.1–1.5 s either way.
    await settled(page, 2000);
    await context.close();
  }
  await firstBrowser.close();
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  results.push(
    `cold render ${width}×${height} (load ${load}): first run (new browser) ${Math.round(cold[0]!)} ms, ` +
      `then fresh contexts median ${Math.round(median(cold.slice(1)))} ms (all: ${cold.map(Math.round).join(', ')})`,
  );
  console.log(results.at(-1));
}

/** Until the page has drawn both prefectures' states and then nothing for `quietMs` (at most a minute). */
async function settled(page: Page, quietMs = 5000): Promise<void> {
  let last = -1;
  let since = performance.now();
  for (const started = performance.now(); performance.now() - started < 60_000; ) {
    const renders = await page.evaluate(() => window.__tianshan!.renders());
    if (renders !== last) [last, since] = [renders, performance.now()];
    else if (performance.now() - since > quietMs) return;
    await page.waitForTimeout(250);
  }
}

for (const [label, query, windows] of [
  ['idle, default view cycle (30 s)', 'cycle=30', ['first pass', 'steady state']],
  ['idle, no cycle', 'cycle=0', ['']],
] as const) {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/wall?view=ili&${query}`);
  await firstValuesFrame(page);
  await settled(page);
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const counters = () =>
    page.evaluate(() => ({
      loop: window.__tianshan!.loopFrames(),
      renders: window.__tianshan!.renders(),
      kept: window.__tianshan!.keptShows?.() ?? 0,
    }));
  for (const window of windows) {
    const before = await metrics();
    const cpuBefore = treeCpuSeconds(process.pid);
    const countedBefore = await counters();
    const started = performance.now();
    await page.waitForTimeout(idleSeconds * 1000);
    const elapsed = (performance.now() - started) / 1000;
    const after = await metrics();
    const cpuAfter = treeCpuSeconds(process.pid);
    const counted = await counters();
    const views = await page.evaluate(() =>
      document.querySelector('[data-testid=wall]')?.getAttribute('data-view'),
    );
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const mainThread = (after.TaskDuration! - before.TaskDuration!) / elapsed;
    // The browser's processes only: this process (the server, the bench) is not a descendant of itself.
    const browserCpu = (cpuAfter - cpuBefore) / elapsed;
    results.push(
      `${label}${window ? `, ${window}` : ''}, 1920×1080, ${idleSeconds} s: page main thread ` +
        `${(mainThread * 100).toFixed(1)} % of a core, all browser processes ${(browserCpu * 100).toFixed(1)} %, ` +
        `frames drawn ${counted.renders - countedBefore.renders}, kept frames shown ${counted.kept - countedBefore.kept}, ` +
        `deck.gl loop frames ${counted.loop - countedBefore.loop} (load ${load}; ended on view ${views})`,
    );
    console.log(results.at(-1));
  }
  await browser.close();
}
await server.stop();
console.log(`\n${results.join('\n')}`);
