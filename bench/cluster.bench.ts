/**
 * Cluster load benchmark (issue 19): ingest-to-client latency and throughput with 2,000 Socket.IO clients
 * (in a separate process), on one SQLite process, one PostgreSQL process, and two processes on PostgreSQL
 * and Redis (clients split between them, requests alternated). Each run: hourly bursts of 2,000 stations
 * (one CSV request each), then a one-minute stream of 10,000 micro-sensors' readings for the current hour
 * (one JSON request a second, about 167 sensors each, sent on schedule whether or not the last was
 * answered). The product has no kind of station for low-cost sensors: they are ordinary stations of the
 * Ili units, registered in the store before the servers start. A latency is the time from sending a
 * request to one client receiving the first delta that carries one of its stations.
 * Run: npm run bench cluster. CLUSTER_BURSTS (default 3), CLUSTER_STREAM_SECONDS (default 60).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { units } from '../geo/units';
import { openStore } from '../server/store';
import type { StationRow } from '../server/store/types';
import { toBeijingIso } from '../shared/time';
import { eventually, type ServerProcess, startServerProcess } from '../test/helpers/cluster';
import { startPostgres } from '../test/helpers/postgres';
import { startRedis } from '../test/helpers/redis';

const feederKey = 'bench-cluster-feeder-key-0123456789';
const auditKey = 'bench-cluster-audit-key-0123456789-abcdef';
const clientCount = 2_000;
const stationCount = 2_000;
const sensorCount = 10_000;
const bursts = Number(process.env.CLUSTER_BURSTS ?? 3);
const streamSeconds = Number(process.env.CLUSTER_STREAM_SECONDS ?? 60);
const hour = 3_600_000;
const firstHour = Date.parse('2019-01-01T01:00:00+08:00');

/** What the client process reports per delta once every client has it: its stations and the arrival times. */
type Arrival = { seq: number; ids: string[]; bytes: number; times: number[] };

function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The child: `count` sockets spread over the servers, all watching Ili; reports each delta when all have it. */
async function runClients(urls: string[], count: number): Promise<void> {
  const arrivals = new Map<number, Arrival>();
  process.on('disconnect', () => process.exit(0));
  const report = (seq: number) => {
    process.send?.({ kind: 'delta', ...arrivals.get(seq)! });
    arrivals.delete(seq);
  };
  let snapshotBytes = 0;
  // In waves: 2,000 snapshots of 12,000 stations at once would only measure the queue.
  for (let wave = 0; wave < count; wave += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, count - wave) }, (_, offset) => {
        const socket = connect(urls[(wave + offset) % urls.length]!, {
          transports: ['websocket'],
          forceNew: true,
        });
        socket.on('connect', () => socket.emit('join', { jurisdiction: 'ili' }));
        // A client the server dropped (a missed heartbeat on a saturated machine) rejoins and is counted.
        socket.on('disconnect', () => process.send?.({ kind: 'disconnect' }));
        socket.on('delta', (delta: { seq: number; stations: { id: string }[] }) => {
          const at = preciseNow();
          const entry = arrivals.get(delta.seq) ?? {
            seq: delta.seq,
            ids: delta.stations.map((station) => station.id),
            // Measured once per delta: every client gets the same payload.
            bytes: Buffer.byteLength(JSON.stringify(delta)),
            times: [],
          };
          entry.times.push(at);
          arrivals.set(delta.seq, entry);
          if (entry.times.length === count) report(delta.seq);
        });
        return new Promise<void>((resolve) =>
          socket.once('snapshot', (snapshot: unknown) => {
            snapshotBytes ||= Buffer.byteLength(JSON.stringify(snapshot));
            resolve();
          }),
        );
      }),
    );
  }
  process.send?.({ kind: 'ready', snapshotBytes });
  process.on('message', (message: { kind: string }) => {
    // Deltas some client never got are reported as they stand.
    if (message.kind === 'flush') for (const seq of [...arrivals.keys()]) report(seq);
    if (message.kind === 'stop') process.exit(0);
  });
}

function stationRows(): StationRow[] {
  const ili = units.filter((unit) => unit.jurisdiction === 'ili');
  const row = (id: string, index: number): StationRow => ({
    id,
    name: id,
    lon: 81.3,
    lat: 43.9,
    unitId: ili[index % ili.length]!.id,
    simulated: false,
  });
  return [
    ...Array.from({ length: stationCount }, (_, index) => row(`S${index}`, index)),
    ...Array.from({ length: sensorCount }, (_, index) => row(`M${index}`, index)),
  ];
}

function burstCsv(h: number): string {
  const time = toBeijingIso(firstHour + h * hour);
  const lines = ['station,time,pm25,pm10,so2,no2,co,o3'];
  for (let index = 0; index < stationCount; index += 1) {
    const wave = Math.round(40 * Math.sin((h + index) / 5));
    lines.push(
      `S${index},${time},${120 + wave},${180 + wave},${20 + (h % 7)},${40 + (h % 11)},1.5,${30 + (h % 13)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function sensorBody(second: number, h: number): { ids: string[]; body: string } {
  const perSecond = Math.ceil(sensorCount / streamSeconds);
  const ids = Array.from(
    { length: Math.max(0, Math.min(perSecond, sensorCount - second * perSecond)) },
    (_, offset) => `M${second * perSecond + offset}`,
  );
  const time = new Date(firstHour + h * hour).toISOString();
  const observations = ids.map((station, index) => ({ station, time, pm25: 60 + ((second + index) % 150) }));
  return { ids, body: JSON.stringify({ observations }) };
}

type Sent = { ids: Set<string>; sentAt: number; ackMs: number | null; rows: number };

type Resent = { count: number };
/** Requests sent again after the connection was reset under them (see the note in docs/PERFORMANCE.md). */
const resent: Resent = { count: 0 };

async function send(url: string, contentType: string, body: string, sent: Sent): Promise<void> {
  const post = () =>
    fetch(`${url}/api/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${feederKey}`, 'content-type': contentType },
      body,
    });
  // A kept-alive connection the server closed as it was reused: sent again, as a feeder would (re-sending
  // a station-hour is idempotent). The latency still counts from the first attempt.
  const response = await post().catch(() => {
    resent.count += 1;
    return post();
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`POST /api/observations: ${response.status} ${text.slice(0, 300)}`);
  sent.ackMs = preciseNow() - sent.sentAt;
}

function startClients(urls: string[]) {
  const child: ChildProcess = fork(
    import.meta.filename,
    ['--clients', JSON.stringify(urls), String(clientCount)],
    {
      execArgv: ['--import', 'tsx'],
    },
  );
  const arrivals: Arrival[] = [];
  let disconnects = 0;
  const ready = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`client process exited (${code})`)));
    child.on('message', (message: { kind: string; snapshotBytes?: number } & Arrival) => {
      if (message.kind === 'ready') resolve(message.snapshotBytes!);
      if (message.kind === 'delta') arrivals.push(message);
      if (message.kind === 'disconnect') disconnects += 1;
    });
  });
  return {
    ready,
    arrivals,
    disconnects: () => disconnects,
    flush: () => child.send({ kind: 'flush' }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send({ kind: 'stop' });
      }),
  };
}

/**
 * Per request, every client's latency to the first delta after it that carries one of its stations, the
 * sizes of those deltas, and the deliveries that never came.
 */
function latencies(
  requests: Sent[],
  arrivals: Arrival[],
): { values: number[]; bytes: number[]; missing: number; lastArrival: number } {
  const ordered = [...arrivals].sort((a, b) => a.seq - b.seq);
  const values: number[] = [];
  const bytes: number[] = [];
  let missing = 0;
  let lastArrival = 0;
  for (const request of requests) {
    const first = ordered.find(
      (arrival) =>
        Math.min(...arrival.times) > request.sentAt && arrival.ids.some((id) => request.ids.has(id)),
    );
    if (!first) {
      missing += clientCount;
      continue;
    }
    for (const time of first.times) values.push(time - request.sentAt);
    bytes.push(first.bytes);
    lastArrival = Math.max(lastArrival, ...first.times);
    missing += clientCount - first.times.length;
  }
  return { values, bytes, missing, lastArrival };
}

function line(what: string, requests: Sent[], arrivals: Arrival[], seconds: number): string {
  const { values, bytes, missing, lastArrival } = latencies(requests, arrivals);
  const delivering = (lastArrival - requests[0]!.sentAt) / 1000;
  const acks = requests.flatMap((request) => (request.ackMs === null ? [] : [request.ackMs]));
  const rows = requests.reduce((sum, request) => sum + request.rows, 0);
  return (
    `  ${what}: ${requests.length} requests, ${rows} readings in ${seconds.toFixed(1)} s (${(rows / seconds).toFixed(0)} readings/s acknowledged); ` +
    `ack p50 ${percentile(acks, 50).toFixed(0)} ms p99 ${percentile(acks, 99).toFixed(0)} ms; ` +
    `ingest→client p50 ${percentile(values, 50).toFixed(0)} ms p99 ${percentile(values, 99).toFixed(0)} ms ` +
    `over ${values.length} deliveries${missing ? ` (${missing} not delivered within a minute)` : ''}, ` +
    `${(values.length / delivering).toFixed(0)} deliveries/s; delta p50 ${(percentile(bytes, 50) / 1000).toFixed(0)} kB`
  );
}

async function run(name: string, environment: Record<string, string>, processes: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tianshan-bench-cluster-'));
  const seed = openStore({ dataDir, databaseUrl: environment.DATABASE_URL, auditKey });
  seed.upsertStations(stationRows());
  seed.close();
  const common = { FEEDER_KEY: feederKey, AUDIT_KEY: auditKey, CLOCK: 'data', ...environment };
  // SQLite: the one process on the seeded DATA_DIR; PostgreSQL: each process its own (the store is the database).
  const servers: ServerProcess[] = await Promise.all(
    Array.from({ length: processes }, () =>
      startServerProcess(environment.DATABASE_URL ? common : { ...common, DATA_DIR: dataDir }),
    ),
  );
  try {
    await eventually(
      'one lease holder',
      async () =>
        (await Promise.all(servers.map(async (server) => (await server.health()).engine.leader))).filter(
          Boolean,
        ).length === 1,
      30_000,
    );
    const urls = servers.map((server) => server.url);
    const target = (index: number) => urls[index % urls.length]!;
    // Hour 0 before the clients: the wall they join already shows data.
    await send(target(0), 'text/csv', burstCsv(0), {
      ids: new Set(),
      sentAt: preciseNow(),
      ackMs: null,
      rows: 0,
    });
    const connectStart = preciseNow();
    const clients = startClients(urls);
    const snapshotBytes = await clients.ready;
    const connectSeconds = (preciseNow() - connectStart) / 1000;

    const burstIds = new Set(Array.from({ length: stationCount }, (_, index) => `S${index}`));
    const burstRequests: Sent[] = [];
    const burstStart = preciseNow();
    for (let h = 1; h <= bursts; h += 1) {
      const sent: Sent = { ids: burstIds, sentAt: preciseNow(), ackMs: null, rows: stationCount };
      burstRequests.push(sent);
      await send(target(h), 'text/csv', burstCsv(h), sent);
      // The next hour comes after this one reached every client (an hourly feed, not a flood).
      await eventually(
        'the burst at every client',
        () => latencies([sent], clients.arrivals).missing === 0,
        120_000,
      ).catch(() => clients.flush());
    }
    const burstSeconds = (preciseNow() - burstStart) / 1000;

    const streamRequests: Sent[] = [];
    const pending: Promise<void>[] = [];
    const streamStart = preciseNow();
    for (let second = 0; second < streamSeconds; second += 1) {
      const wait = streamStart + second * 1000 - preciseNow();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { ids, body } = sensorBody(second, bursts);
      if (ids.length === 0) break;
      const sent: Sent = { ids: new Set(ids), sentAt: preciseNow(), ackMs: null, rows: ids.length };
      streamRequests.push(sent);
      pending.push(send(target(second), 'application/json', body, sent));
    }
    await Promise.all(pending);
    const streamSecondsTaken = (preciseNow() - streamStart) / 1000;
    await eventually(
      'the stream at every client',
      () => latencies(streamRequests, clients.arrivals).missing === 0,
      60_000,
    ).catch(() => clients.flush());
    await new Promise((resolve) => setTimeout(resolve, 500));
    await clients.stop();

    console.log(
      `${name} (${processes} process${processes > 1 ? 'es' : ''}, ${clientCount} clients): ` +
        `${clientCount} snapshots of ${stationCount + sensorCount} stations (${(snapshotBytes / 1e6).toFixed(1)} MB each) in ${connectSeconds.toFixed(1)} s`,
    );
    console.log(
      line(`hourly bursts of ${stationCount} stations`, burstRequests, clients.arrivals, burstSeconds),
    );
    console.log(
      line(
        `${sensorCount} micro-sensors over ${streamSeconds} s`,
        streamRequests,
        clients.arrivals,
        streamSecondsTaken,
      ),
    );
    if (resent.count > 0) console.log(`  ${resent.count} requests sent again after a reset connection`);
    resent.count = 0;
    if (clients.disconnects() > 0)
      console.log(`  ${clients.disconnects()} client connections dropped by the server and rejoined`);
    console.log(
      `  load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--clients') {
  await runClients(JSON.parse(process.argv[3]!) as string[], Number(process.argv[4]));
} else {
  console.log(
    `load average at start ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  await run('SQLite', {}, 1);
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  try {
    await run('PostgreSQL', { DATABASE_URL: await postgres.createDatabase() }, 1);
    await run(
      'PostgreSQL + Redis',
      { DATABASE_URL: await postgres.createDatabase(), REDIS_URL: redis.url },
      2,
    );
  } finally {
    await Promise.all([postgres.stop(), redis.stop()]);
  }
}
