/**
 * Server-side snapshot benchmark (issue 18): warm renders of GET /api/snapshot at 1920×1080 and 3840×2160
 * (targets ≤ 3 s and ≤ 6 s), each of a state not rendered before (the cache is bypassed by stepping the
 * data time), after one cold render that loads the page. Also a cached answer and a 24-frame GIF.
 * Needs a built client (npm run build) and Chromium. Run: npm run bench snapshot
 */
import { HOUR, toBeijingIso } from '../shared/time';
import { feedReplayHours, registerReplayStations, replayFeederKey } from '../test/helpers/replay-feed';
import { login, type Session, startTestServer } from '../test/helpers/server';

const rounds = 5;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(
  session: Session,
  path: string,
): Promise<{ ms: number; bytes: number; cache: string | null }> {
  const started = performance.now();
  const response = await session.request(path);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200)
    throw new Error(`${path} → ${response.status} ${body.toString().slice(0, 200)}`);
  return { ms: performance.now() - started, bytes: body.length, cache: response.headers.get('x-cache') };
}

const server = await startTestServer(
  { FEEDER_KEY: replayFeederKey, CLOCK: 'data' },
  { accounts: [{ username: 'press', role: 'press', jurisdiction: 'both', password: 'press-password' }] },
);
try {
  await registerReplayStations(server.url);
  const now = await feedReplayHours(server.url, 0, 96);
  const session = await login(server, 'press', 'press-password');
  const at = (hoursBack: number) => encodeURIComponent(toBeijingIso(now - hoursBack * HOUR));
  const cold = await timed(session, `/api/snapshot?jurisdiction=ili&at=${at(20)}`);
  console.log(`cold (browser launch and page load): ${Math.round(cold.ms)} ms`);
  let hour = 0;
  for (const [width, height, target] of [
    [1920, 1080, 3000],
    [3840, 2160, 6000],
  ] as const) {
    await timed(session, `/api/snapshot?jurisdiction=ili&width=${width}&height=${height}&at=${at(hour++)}`);
    const times: number[] = [];
    let bytes = 0;
    for (let round = 0; round < rounds; round += 1) {
      const result = await timed(
        session,
        `/api/snapshot?jurisdiction=ili&width=${width}&height=${height}&at=${at(hour++)}`,
      );
      times.push(result.ms);
      bytes = result.bytes;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${width}×${height} warm, new state: median ${Math.round(percentile(times, 50))} ms, max ${Math.round(times.at(-1)!)} ms ` +
        `(target ≤ ${target} ms), ${Math.round(bytes / 1024)} KiB`,
    );
  }
  const cached = await timed(session, `/api/snapshot?jurisdiction=ili&at=${at(1)}`);
  console.log(`cached (same state again): ${Math.round(cached.ms)} ms, X-Cache ${cached.cache}`);
  const gif = await timed(session, `/api/playback?jurisdiction=ili&from=${at(23)}&to=${at(0)}&format=gif`);
  console.log(
    `GIF 24 frames 1280×720: ${Math.round(gif.ms)} ms, ${(gif.bytes / 1024 / 1024).toFixed(2)} MiB (≤ 15 MiB for 72 frames)`,
  );
} finally {
  await server.stop();
}
