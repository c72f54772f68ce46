/**
 * Live-state benchmark (issue 6): latency from an ingest request to the delta arriving at 500 Socket.IO
 * clients in a separate process (p50/p99), bytes per delta, and 10,000 station-hours in one request through
 * to the state. Run: npm run bench live
 */
import { fork } from 'node:child_process';
import { io as connect } from 'socket.io-client';
import { loadEpisodes, realStations } from '../server/replay/episodes';
import { episodeHours } from '../server/replay/simulate-hours';
import { simulatedStations } from '../server/replay/simulated';
import type { Delta } from '../shared/live/events';
import { startTestServer } from '../test/helpers/server';

const feederKey = 'bench-live-feeder-key-0123456789';
const clientCount = 500;
const ticks = 60;

function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function runClients(url: string, count: number): Promise<void> {
  let ready = 0;
  const arrivals = new Map<number, { times: number[]; bytes: number }>();
  for (let index = 0; index < count; index += 1) {
    const socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { authorization: `Bearer ${feederKey}` },
    });
    socket.once('snapshot', () => {
      ready += 1;
      if (ready === count) process.send?.({ kind: 'ready' });
    });
    socket.on('delta', (delta: Delta) => {
      const at = preciseNow();
      // Measured once per delta: the payload is the same for every client.
      const entry = arrivals.get(delta.seq) ?? { times: [], bytes: Buffer.byteLength(JSON.stringify(delta)) };
      entry.times.push(at);
      arrivals.set(delta.seq, entry);
      if (entry.times.length === count) {
        process.send?.({ kind: 'delta', seq: delta.seq, times: entry.times, bytes: entry.bytes });
        arrivals.delete(delta.seq);
      }
    });
    socket.on('connect', () => socket.emit('join', { jurisdiction: 'ili' }));
  }
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'stop') process.exit(0);
  });
}

async function runParent(): Promise<void> {
  const server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };
  // The replay's Ili stations (3 real Yining stations, 28 simulated) and the real E3 episode.
  const stations = [...realStations(), ...simulatedStations()].filter(
    (station) => !station.unitId?.startsWith('653'),
  );
  for (const station of stations) {
    const response = await fetch(`${server.url}/api/stations/${station.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        name: station.name,
        lon: station.lon,
        lat: station.lat,
        unit: station.unitId,
        simulated: station.simulated,
      }),
    });
    if (!response.ok)
      throw new Error(`PUT station ${station.id}: ${response.status} ${await response.text()}`);
  }
  const hours = episodeHours(loadEpisodes().get('E3')!);
  const times = [...hours.keys()].sort((a, b) => a - b);
  const rowsOf = (from: number, count: number) =>
    times.slice(from, from + count).flatMap((time) =>
      (hours.get(time) ?? []).map((row) => ({
        station: row.station,
        time: new Date(time).toISOString(),
        ...row.values,
      })),
    );
  const ingest = async (observations: unknown[]) => {
    const response = await fetch(`${server.url}/api/observations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ observations }),
    });
    if (!response.ok) throw new Error(`POST observations: ${response.status} ${await response.text()}`);
  };

  const bulkHours = Math.ceil(10_000 / stations.length);
  const bulk = rowsOf(0, bulkHours + 1).slice(0, 10_000);
  const newest = Date.parse(bulk.at(-1)!.time);
  const before = preciseNow();
  await ingest(bulk);
  const accepted = preciseNow();
  const bulkState = await (await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers })).json();
  const reflected = preciseNow();
  if (bulkState.now !== newest)
    throw new Error(`state now ${bulkState.now} does not reflect the newest hour ${newest}`);
  console.log(
    `10,000 station-hours in one request: accepted in ${(accepted - before).toFixed(0)} ms, reflected in GET /api/state after ${(reflected - before).toFixed(0)} ms (target < 1000 ms)`,
  );
  const firstTickHour = times.findIndex((time) => time > newest);

  const child = fork(import.meta.filename, ['--clients', server.url, String(clientCount)], {
    execArgv: ['--import', 'tsx'],
  });
  const waiting = new Map<number, (message: { times: number[]; bytes: number }) => void>();
  const early = new Map<number, { times: number[]; bytes: number }>();
  await new Promise<void>((resolve) => {
    child.on('message', (message: { kind: string; seq: number; times: number[]; bytes: number }) => {
      if (message.kind === 'ready') resolve();
      if (message.kind !== 'delta') return;
      const resolver = waiting.get(message.seq);
      if (resolver) resolver(message);
      else early.set(message.seq, message);
    });
  });
  console.log(
    `${clientCount} clients joined ili (${stations.length} stations, E3 replay data, one delta per ingested hour)`,
  );

  const latencies: number[] = [];
  const firstArrivals: number[] = [];
  const accepts: number[] = [];
  const bytes: number[] = [];
  let seq = 0;
  for (let tick = 0; tick < ticks; tick += 1) {
    const sent = preciseNow();
    await ingest(rowsOf(firstTickHour + tick, 1));
    accepts.push(preciseNow() - sent);
    seq = seq === 0 ? await firstSeq() : seq + 1;
    const arrived = await new Promise<{ times: number[]; bytes: number }>((resolve) => {
      const already = early.get(seq);
      if (already) resolve(already);
      else waiting.set(seq, resolve);
    });
    for (const time of arrived.times) latencies.push(time - sent);
    firstArrivals.push(Math.min(...arrived.times) - sent);
    bytes.push(arrived.bytes);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async function firstSeq(): Promise<number> {
    return new Promise((resolve) => {
      const check = () => {
        const seen = [...early.keys()].sort((a, b) => a - b)[0];
        if (seen !== undefined) resolve(seen);
        else setTimeout(check, 5);
      };
      check();
    });
  }

  latencies.sort((a, b) => a - b);
  firstArrivals.sort((a, b) => a - b);
  accepts.sort((a, b) => a - b);
  bytes.sort((a, b) => a - b);
  console.log(
    `ingest → delta at ${clientCount} clients, ${ticks} ticks: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (target p99 < 250 ms)`,
  );
  console.log(
    `  of which: ingest request accepted p50 ${percentile(accepts, 50).toFixed(1)} ms, p99 ${percentile(accepts, 99).toFixed(1)} ms; first of ${clientCount} clients reached p50 ${percentile(firstArrivals, 50).toFixed(1)} ms, p99 ${percentile(firstArrivals, 99).toFixed(1)} ms`,
  );
  console.log(
    `bytes per delta (JSON): median ${percentile(bytes, 50)}, max ${bytes.at(-1)} (${stations.length} stations changed per tick)`,
  );
  child.send({ kind: 'stop' });

  await server.stop();
  process.exit(0);
}

if (process.argv[2] === '--clients') await runClients(process.argv[3]!, Number(process.argv[4]));
else await runParent();
