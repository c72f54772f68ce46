/**
 * Live-state benchmark (issues 6 and 16.3): latency from an ingest request of one hour of 200 stations to
 * the delta arriving at 500 and at 2,000 Socket.IO clients in a separate process (p50/p99), against a bare
 * Socket.IO server that answers the same POST and broadcasts the product's own deltas (same bytes) to the
 * same client process. Also: bytes per delta against the snapshot, the server process's CPU per request (the
 * product's fixed cost beside the bare server's, steadier than wall times on a shared machine), and 10,000
 * station-hours in one request.
 *
 * The estimate (issue 16.3: p99 within 1.2x of bare): each run measures `--requests` requests (120; a p99
 * over 40 was the slowest request or two, moved by one scheduling stall) after 5 unmeasured ones, with the
 * setup's garbage (2,000 snapshots) collected in both processes first, the same for both servers. Rounds
 * alternate the order (product then bare, then bare then product) so a drift in the machine's load falls on
 * both. Reported: each round's p99 ratio, their median and range, the p99 ratio over all rounds' latencies
 * pooled, and a bootstrap of that pooled ratio (requests resampled within each run) giving a 90 % interval
 * and the share of resamples at or under 1.2.
 * Run: npm run bench live (3 rounds); npx tsx bench/live.bench.ts [rounds] [--requests N]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { seededRandom } from '../shared/rules/regions/random.test-support';
import { startTestServer } from '../test/helpers/server';
import { scaledEpisode } from './scaled-episode';

const feederKey = 'bench-live-feeder-key-0123456789';
const clientCounts = [500, 2000] as const;
const stationCount = 200;
const args = process.argv.slice(2);
const requestsIndex = args.indexOf('--requests');
/** Measured requests per run, after `warmups` that are not. */
const requests = requestsIndex >= 0 ? Number(args[requestsIndex + 1]) : 120;
const warmups = 5;
const rounds = Number(
  args.find((arg, index) => (requestsIndex < 0 || index !== requestsIndex + 1) && /^\d+$/.test(arg)) ?? 3,
);
const target = 1.2;

setFlagsFromString('--expose-gc');
/** A full collection, so that the setup's garbage is not collected in the middle of the measured requests. */
const collectGarbage = runInNewContext('gc') as () => void;

/** A delta at every client: when each got it, and how many got a snapshot instead (held back as lagging). */
type Arrival = { seq: number; times: number[]; bytes: number; payload: unknown; resynced: number };
type RunResult = {
  latencies: number[];
  /** Per measured request, every client's latency. */
  perRequest: Float64Array[];
  /** CPU of the server's process (user + system) from the request to the last client's arrival. */
  serverCpu: number[];
  /** Clients that got a measured request's state by a resync snapshot instead of its delta. */
  resynced: number;
  /** Load average (1 min) at the end of the run. */
  load: number;
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

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

/** The child: `count` sockets that join ili and report, per delta seq, every client's arrival time. */
async function runClients(url: string, count: number): Promise<void> {
  let ready = 0;
  const arrivals = new Map<number, Omit<Arrival, 'seq'>>();
  function arrived(seq: number, at: number, delta?: unknown): void {
    let entry = arrivals.get(seq);
    if (!entry) {
      entry = { times: [], bytes: 0, payload: undefined, resynced: 0 };
      arrivals.set(seq, entry);
    }
    if (delta === undefined) entry.resynced += 1;
    else if (entry.payload === undefined) {
      entry.payload = delta;
      // Measured once per delta: the payload is the same for every client.
      entry.bytes = Buffer.byteLength(JSON.stringify(delta));
    }
    entry.times.push(at);
    if (entry.times.length === count) {
      process.send?.({ kind: 'delta', seq, ...entry });
      arrivals.delete(seq);
    }
  }
  for (let index = 0; index < count; index += 1) {
    const socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { authorization: `Bearer ${feederKey}` },
    });
    let lastSeq: number | null = null;
    socket.on('snapshot', (snapshot: { seq: number }) => {
      if (lastSeq === null) {
        lastSeq = snapshot.seq;
        ready += 1;
        if (ready === count) process.send?.({ kind: 'ready', snapshot });
        return;
      }
      // A client held back as lagging (or reconnected) is brought up to date by a snapshot instead of the
      // deltas it missed: it has their state from now on.
      const at = preciseNow();
      for (let seq = lastSeq + 1; seq <= snapshot.seq; seq += 1) arrived(seq, at);
      lastSeq = Math.max(lastSeq, snapshot.seq);
    });
    socket.on('delta', (delta: { seq: number }) => {
      arrived(delta.seq, preciseNow(), delta);
      lastSeq = Math.max(lastSeq ?? delta.seq, delta.seq);
    });
    socket.on('connect', () => socket.emit('join', { jurisdiction: 'ili' }));
  }
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'stop') process.exit(0);
    if (message.kind === 'settle') {
      collectGarbage();
      process.send?.({ kind: 'settled' });
    }
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
  let settled = () => {};
  const snapshot = await new Promise<unknown>((resolve) => {
    child.on('message', (message: { kind: string; snapshot?: unknown } & Arrival) => {
      if (message.kind === 'ready') resolve(message.snapshot);
      if (message.kind === 'settled') settled();
      if (message.kind !== 'delta') return;
      const resolver = waiting.get(message.seq);
      if (resolver) resolver(message);
      else early.set(message.seq, message);
    });
  });
  const arrival = (seq: number) =>
    new Promise<Arrival>((resolve, reject) => {
      const already = early.get(seq);
      if (already) return resolve(already);
      const timer = setTimeout(
        () => reject(new Error(`delta ${seq} did not reach all ${count} clients in 120 s`)),
        120_000,
      );
      waiting.set(seq, (arrived) => {
        clearTimeout(timer);
        resolve(arrived);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ kind: 'stop' });
    });
  /** Collects the setup's garbage in the client process and in this one (where the server runs). */
  const settle = async () => {
    await new Promise<void>((resolve) => {
      settled = resolve;
      child.send({ kind: 'settle' });
    });
    collectGarbage();
  };
  return { snapshot, arrival, stop, settle };
}

/**
 * One request per tick, then the delta it caused at every client; `seqOf(tick)` names the delta awaited.
 * The first `warmups` requests are sent and awaited but not measured.
 */
async function measure(
  clients: Awaited<ReturnType<typeof startClients>>,
  send: (tick: number) => Promise<void>,
  seqOf: (tick: number) => number,
): Promise<RunResult> {
  const result: RunResult = {
    latencies: [],
    perRequest: [],
    serverCpu: [],
    load: 0,
    resynced: 0,
    firstArrivals: [],
    accepts: [],
    bytes: [],
    payloads: [],
    snapshot: clients.snapshot,
    snapshotBytes: Buffer.byteLength(JSON.stringify(clients.snapshot)),
  };
  await clients.settle();
  for (let tick = 0; tick < warmups + requests; tick += 1) {
    const cpu = process.cpuUsage();
    const sent = preciseNow();
    await send(tick);
    const accepted = preciseNow() - sent;
    const arrived = await clients.arrival(seqOf(tick));
    const used = process.cpuUsage(cpu);
    if (arrived.payload === undefined) throw new Error(`delta ${arrived.seq} reached no client`);
    result.payloads.push(arrived.payload);
    if (tick >= warmups) {
      result.resynced += arrived.resynced;
      result.accepts.push(accepted);
      result.serverCpu.push((used.user + used.system) / 1000);
      const latencies = Float64Array.from(arrived.times, (time) => time - sent);
      result.perRequest.push(latencies);
      for (const latency of latencies) result.latencies.push(latency);
      result.firstArrivals.push(Math.min(...latencies));
      result.bytes.push(arrived.bytes);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  result.load = loadavg()[0]!;
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
async function runBare(
  clientCount: number,
  product: Pick<RunResult, 'payloads' | 'snapshot'>,
  body: (tick: number) => unknown,
): Promise<RunResult> {
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
  return `${label}: p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p99 ${percentile(result.latencies, 99).toFixed(1)} ms; request answered p50 ${percentile(result.accepts, 50).toFixed(1)} ms; first client p50 ${percentile(result.firstArrivals, 50).toFixed(1)} ms; server CPU per request p50 ${percentile(result.serverCpu, 50).toFixed(1)} ms; load ${result.load.toFixed(2)}${result.resynced ? `; ${result.resynced} client deltas replaced by a resync snapshot` : ''}`;
}

/** Histogram bins of the pooled p99 (0.25 ms: a ratio's resolution well under 1 %). */
const binMs = 0.25;

/**
 * The p99 of the latencies of the given requests (indices into `runs`' requests, repeats allowed), by a
 * histogram: a bootstrap takes thousands of these over up to a million latencies.
 */
function pooledP99(requestsOf: readonly (readonly Float64Array[])[], picks: readonly (readonly number[])[]) {
  let total = 0;
  let maxBin = 0;
  for (const [run, picked] of picks.entries())
    for (const index of picked) {
      const latencies = requestsOf[run]![index]!;
      total += latencies.length;
      for (const latency of latencies) maxBin = Math.max(maxBin, Math.floor(latency / binMs));
    }
  const counts = new Uint32Array(maxBin + 1);
  for (const [run, picked] of picks.entries())
    for (const index of picked)
      for (const latency of requestsOf[run]![index]!) counts[Math.floor(latency / binMs)]! += 1;
  // The same rank as percentile(): the value at floor(0.99 n) in sorted order.
  const rank = Math.min(total - 1, Math.floor(0.99 * total));
  let seen = 0;
  for (let bin = 0; bin <= maxBin; bin += 1) {
    seen += counts[bin]!;
    if (seen > rank) return (bin + 0.5) * binMs;
  }
  return maxBin * binMs;
}

/**
 * The pooled p99 ratio over every round, and its bootstrap: requests resampled with replacement within each
 * run (a request's clients stay together: they share its stalls), product and bare independently.
 */
function pooledRatio(products: readonly RunResult[], bares: readonly RunResult[], resamples = 1000) {
  const all = (runs: readonly RunResult[]) => runs.map((run) => run.perRequest.map((_, index) => index));
  const productRequests = products.map((run) => run.perRequest);
  const bareRequests = bares.map((run) => run.perRequest);
  const ratio = pooledP99(productRequests, all(products)) / pooledP99(bareRequests, all(bares));
  const random = seededRandom(16_3);
  const resample = (runs: readonly RunResult[]) =>
    runs.map((run) => run.perRequest.map(() => Math.floor(random() * run.perRequest.length)));
  const ratios: number[] = [];
  for (let draw = 0; draw < resamples; draw += 1)
    ratios.push(pooledP99(productRequests, resample(products)) / pooledP99(bareRequests, resample(bares)));
  return {
    ratio,
    low: percentile(ratios, 5),
    high: percentile(ratios, 95),
    withinTarget: ratios.filter((value) => value <= target).length / ratios.length,
  };
}

async function runParent(): Promise<void> {
  const { times, rowsOf } = episodeRows();
  const runs = new Map<number, { product: RunResult[]; bare: RunResult[]; ratios: number[] }>(
    clientCounts.map((count) => [count, { product: [], bare: [], ratios: [] }]),
  );
  console.log(
    `${stationCount} Ili stations (E3 replay data), one hour per request, ${requests} measured requests per run after ${warmups} unmeasured; load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  const bareBody = (tick: number) => ({
    observations: rowsOf(times.length - warmups - requests + tick, 1),
  });
  for (let round = 1; round <= rounds; round += 1) {
    for (const clientCount of clientCounts) {
      const list = runs.get(clientCount)!;
      // Odd rounds product first, even rounds bare first (on the deltas the product sent in an earlier
      // round: the same data gives the same deltas, checked below).
      const productFirst = round % 2 === 1 || list.product.length === 0;
      let bare: RunResult | undefined;
      if (!productFirst) bare = await runBare(clientCount, list.product.at(-1)!, bareBody);
      const product = await runProduct(clientCount);
      bare ??= await runBare(clientCount, product, bareBody);
      const recorded = list.product[0];
      if (recorded && JSON.stringify(recorded.payloads) !== JSON.stringify(product.payloads))
        throw new Error(
          'the product sent other deltas than in round 1: the bare server would not be comparable',
        );
      list.product.push(product);
      list.bare.push(bare);
      const ratio = percentile(product.latencies, 99) / percentile(bare.latencies, 99);
      list.ratios.push(ratio);
      console.log(
        `round ${round}, ${clientCount} clients (${productFirst ? 'product first' : 'bare first'})`,
      );
      console.log(`  ${line('product', product)}`);
      console.log(`  ${line('bare   ', bare)}`);
      console.log(
        `  p99 ratio ${ratio.toFixed(2)} (target ≤ ${target}); delta bytes median ${percentile(product.bytes, 50)}, max ${Math.max(...product.bytes)}; snapshot ${product.snapshotBytes} bytes`,
      );
      if (round === 1)
        console.log(`  bytes by field, summed over the run's deltas: ${fieldBytes(product.payloads)}`);
    }
  }
  for (const [count, { product, bare, ratios }] of runs) {
    const pooled = pooledRatio(product, bare);
    const cpu = (results: readonly RunResult[]) =>
      results.map((result) => percentile(result.serverCpu, 50).toFixed(1)).join(', ');
    console.log(
      `${count} clients: p99 ratio per round median ${median(ratios).toFixed(2)} (${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}); pooled over ${ratios.length} round(s) ${pooled.ratio.toFixed(2)}, bootstrap 90 % interval ${pooled.low.toFixed(2)}–${pooled.high.toFixed(2)}, ${(100 * pooled.withinTarget).toFixed(0)} % of resamples ≤ ${target}; server CPU per request p50 by round, product ${cpu(product)} ms, bare ${cpu(bare)} ms`,
    );
  }
  console.log(
    `load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  process.exit(0);
}

if (process.argv[2] === '--clients') await runClients(process.argv[3]!, Number(process.argv[4]));
else await runParent();
