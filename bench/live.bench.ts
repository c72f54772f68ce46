/**
 * Live-state benchmark (issues 6 and 16.3): latency from an ingest request of one hour of 200 stations to
 * the delta arriving at 500 and at 2,000 Socket.IO clients in a separate process (p50/p99), against a bare
 * Socket.IO server that answers the same POST and broadcasts the product's own deltas (same bytes) to the
 * same client process; rounds interleaved, product then bare at each client count. Also: bytes per delta
 * against the snapshot, the server process's CPU per request (the product's fixed cost beside the bare
 * server's, steadier than wall times on a shared machine), and 10,000 station-hours in one request.
 * Run: npm run bench live (3 rounds); one round: npx tsx bench/live.bench.ts 1
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import { loadavg } from 'node:os';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { startTestServer } from '../test/helpers/server';
import { scaledEpisode } from './scaled-episode';

const feederKey = 'bench-live-feeder-key-0123456789';
const clientCounts = [500, 2000] as const;
const ticks = 40;
const stationCount = 200;
const rounds = Number(process.argv[2] ?? 3);

type Arrival = { seq: number; times: number[]; bytes: number; payload: unknown };
type RunResult = {
  latencies: number[];
  /** CPU of the server's process (user + system) from the request to the last client's arrival. */
  serverCpu: number[];
  firstArrivals: number[];
  accepts: number[];
  bytes: number[];
  payloads: unknown[];
  snapshot: unknown;
  snapshotBytes: number;
};

function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The child: `count` sockets that join ili and report, per delta seq, every client's arrival time. */
async function runClients(url: string, count: number): Promise<void> {
  let ready = 0;
  const arrivals = new Map<number, { times: number[]; bytes: number; payload: unknown }>();
  for (let index = 0; index < count; index += 1) {
    const socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { authorization: `Bearer ${feederKey}` },
    });
    socket.once('snapshot', (snapshot: unknown) => {
      ready += 1;
      if (ready === count) process.send?.({ kind: 'ready', snapshot });
    });
    socket.on('delta', (delta: { seq: number }) => {
      const at = preciseNow();
      const entry = arrivals.get(delta.seq) ?? {
        times: [],
        // Measured once per delta: the payload is the same for every client.
        bytes: Buffer.byteLength(JSON.stringify(delta)),
        payload: delta,
      };
      entry.times.push(at);
      arrivals.set(delta.seq, entry);
      if (entry.times.length === count) {
        process.send?.({ kind: 'delta', seq: delta.seq, ...entry });
        arrivals.delete(delta.seq);
      }
    });
    socket.on('connect', () => socket.emit('join', { jurisdiction: 'ili' }));
  }
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'stop') process.exit(0);
  });
}

/** 200 Ili stations: the replay's 31 (3 real, 28 simulated), each repeated at its site with a scaled series. */
function episodeRows() {
  const { stations, times, valuesAt } = scaledEpisode(stationCount);
  const rowsOf = (from: number, count: number) =>
    times.slice(from, from + count).flatMap((time) =>
      stations.flatMap((station) => {
        const values = valuesAt(station.id, time);
        return values ? [{ station: station.id, time: new Date(time).toISOString(), ...values }] : [];
      }),
    );
  return { stations, times, rowsOf };
}

const headers = { authorization: `Bearer ${feederKey}`, 'content-type': 'application/json' };

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

/** Forks the client process and waits until every client holds its snapshot. */
async function startClients(url: string, count: number) {
  const child: ChildProcess = fork(import.meta.filename, ['--clients', url, String(count)], {
    execArgv: ['--import', 'tsx'],
  });
  const waiting = new Map<number, (arrival: Arrival) => void>();
  const early = new Map<number, Arrival>();
  const snapshot = await new Promise<unknown>((resolve) => {
    child.on('message', (message: { kind: string; snapshot?: unknown } & Arrival) => {
      if (message.kind === 'ready') resolve(message.snapshot);
      if (message.kind !== 'delta') return;
      const resolver = waiting.get(message.seq);
      if (resolver) resolver(message);
      else early.set(message.seq, message);
    });
  });
  const arrival = (seq: number) =>
    new Promise<Arrival>((resolve) => {
      const already = early.get(seq);
      if (already) resolve(already);
      else waiting.set(seq, resolve);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ kind: 'stop' });
    });
  return { snapshot, arrival, stop };
}

/** One request per tick, then the delta it caused at every client; `seqOf(tick)` names the delta awaited. */
async function measure(
  clients: Awaited<ReturnType<typeof startClients>>,
  send: (tick: number) => Promise<void>,
  seqOf: (tick: number) => number,
): Promise<RunResult> {
  const result: RunResult = {
    latencies: [],
    serverCpu: [],
    firstArrivals: [],
    accepts: [],
    bytes: [],
    payloads: [],
    snapshot: clients.snapshot,
    snapshotBytes: Buffer.byteLength(JSON.stringify(clients.snapshot)),
  };
  for (let tick = 0; tick < ticks; tick += 1) {
    const cpu = process.cpuUsage();
    const sent = preciseNow();
    await send(tick);
    result.accepts.push(preciseNow() - sent);
    const arrived = await clients.arrival(seqOf(tick));
    const used = process.cpuUsage(cpu);
    result.serverCpu.push((used.user + used.system) / 1000);
    for (const time of arrived.times) result.latencies.push(time - sent);
    result.firstArrivals.push(Math.min(...arrived.times) - sent);
    result.bytes.push(arrived.bytes);
    result.payloads.push(arrived.payload);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return result;
}

let bulkReported = false;

async function runProduct(clientCount: number): Promise<RunResult> {
  const server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  const { stations, times, rowsOf } = episodeRows();
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
  const observations = `${server.url}/api/observations`;
  const bulkHours = Math.ceil(10_000 / stations.length);
  const bulk = rowsOf(0, bulkHours + 1).slice(0, 10_000);
  const newest = Date.parse(bulk.at(-1)!.time);
  const before = preciseNow();
  await post(observations, { observations: bulk });
  const accepted = preciseNow();
  const bulkState = await (await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers })).json();
  const reflected = preciseNow();
  if (bulkState.now !== newest)
    throw new Error(`state now ${bulkState.now} does not reflect the newest hour ${newest}`);
  if (!bulkReported)
    console.log(
      `10,000 station-hours in one request: accepted in ${(accepted - before).toFixed(0)} ms, reflected in GET /api/state after ${(reflected - before).toFixed(0)} ms (target < 1000 ms)`,
    );
  bulkReported = true;
  const firstTickHour = times.findIndex((time) => time > newest);
  const clients = await startClients(server.url, clientCount);
  const firstSeq = (clients.snapshot as { seq: number }).seq + 1;
  const result = await measure(
    clients,
    (tick) => post(observations, { observations: rowsOf(firstTickHour + tick, 1) }),
    (tick) => firstSeq + tick,
  );
  await clients.stop();
  await server.stop();
  return result;
}

/**
 * The bare server: Socket.IO's defaults, `join` answered with the product's snapshot, and a POST that is
 * read, parsed, answered, and followed at once by a broadcast of the product's delta for that tick.
 */
async function runBare(clientCount: number, product: RunResult, body: (tick: number) => unknown) {
  const http: HttpServer = createServer();
  const io = new Server(http, { serveClient: false });
  let next = 0;
  http.on('request', (request, response) => {
    if (request.method !== 'POST') return;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString()) as { observations: unknown[] };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ accepted: parsed.observations.length }));
      io.to('state:ili').emit('delta', product.payloads[next++]);
    });
  });
  io.on('connection', (socket) => {
    socket.on('join', () => {
      socket.emit('snapshot', product.snapshot);
      void socket.join('state:ili');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const clients = await startClients(url, clientCount);
  const seqs = product.payloads.map((payload) => (payload as { seq: number }).seq);
  const result = await measure(
    clients,
    (tick) => post(`${url}/api/observations`, body(tick)),
    (tick) => seqs[tick]!,
  );
  await clients.stop();
  io.close();
  return result;
}

/** Where a run's delta bytes go: each top-level field's JSON length, summed over the deltas. */
function fieldBytes(payloads: readonly unknown[]): string {
  const sums = new Map<string, number>();
  for (const payload of payloads)
    for (const [field, value] of Object.entries(payload as Record<string, unknown>))
      sums.set(field, (sums.get(field) ?? 0) + JSON.stringify(value).length);
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .map(([field, bytes]) => `${field} ${bytes}`)
    .join(', ');
}

function line(label: string, result: RunResult): string {
  return `${label}: p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p99 ${percentile(result.latencies, 99).toFixed(1)} ms; request answered p50 ${percentile(result.accepts, 50).toFixed(1)} ms; first client p50 ${percentile(result.firstArrivals, 50).toFixed(1)} ms; server CPU per request p50 ${percentile(result.serverCpu, 50).toFixed(1)} ms`;
}

async function runParent(): Promise<void> {
  const { times, rowsOf } = episodeRows();
  const ratios = new Map<number, number[]>(clientCounts.map((count) => [count, []]));
  console.log(
    `${stationCount} Ili stations (E3 replay data), one hour per request, ${ticks} requests per run; load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  for (let round = 1; round <= rounds; round += 1) {
    for (const clientCount of clientCounts) {
      const product = await runProduct(clientCount);
      const bare = await runBare(clientCount, product, (tick) => ({
        observations: rowsOf(times.length - ticks + tick, 1),
      }));
      const ratio = percentile(product.latencies, 99) / percentile(bare.latencies, 99);
      ratios.get(clientCount)!.push(ratio);
      console.log(`round ${round}, ${clientCount} clients, load ${loadavg()[0]!.toFixed(2)}`);
      console.log(`  ${line('product', product)}`);
      console.log(`  ${line('bare   ', bare)}`);
      console.log(
        `  p99 ratio ${ratio.toFixed(2)} (target ≤ 1.2); delta bytes median ${percentile(product.bytes, 50)}, max ${Math.max(...product.bytes)}; snapshot ${product.snapshotBytes} bytes`,
      );
      if (round === 1)
        console.log(`  bytes by field, summed over the run's deltas: ${fieldBytes(product.payloads)}`);
    }
  }
  for (const [count, list] of ratios)
    console.log(
      `${count} clients: p99 ratio product/bare median ${percentile(list, 50).toFixed(2)} (${list.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    );
  console.log(
    `load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  process.exit(0);
}

if (process.argv[2] === '--clients') await runClients(process.argv[3]!, Number(process.argv[4]));
else await runParent();
