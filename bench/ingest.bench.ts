/**
 * Ingest benchmark (issue 6, issue 17.3), end to end through a real server (HTTP, validation, plausibility
 * flags, SQLite with synchronous=FULL, audit, engine):
 *   1. bulk: a year of hourly data for 100 stations (876,000 station-hours) as 50,000-row CSV requests, from
 *      the first request until the engine's state has caught up (now = the last hour);
 *   2. one hourly request of 2,000 stations, until it is acknowledged;
 *   3. one station's year read back (GET /api/observations?station=&from=&to=) with the whole year stored.
 * Targets: bulk ≥ 3 × python-aqi's own compute rate (≈ 280,000 station-h/s, issue 17.3), hourly < 50 ms,
 * read-back < 100 ms. Run: npm run bench ingest
 *
 * The server runs in a process of its own, as a feeder's server does: in one process with the client, the
 * client could read an acknowledgement only after the server's engine tick that follows it had run.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { defaultBoundaries } from '../geo/boundaries/default';
import { labelAnchors } from '../geo/placement/label-anchor';
import { units } from '../geo/units';
import { toBeijingIso } from '../shared/time';
import { startTestServer } from '../test/helpers/server';

const feederKey = 'bench-ingest-feeder-key-0123456789';
const auth = { authorization: `Bearer ${feederKey}` };
const hour = 3_600_000;
const iliUnits = units.filter((unit) => unit.jurisdiction === 'ili');
/** How long the read-back waits, after its first reads, for the server's background work (bulk case). */
const idleSeconds = 15;

/** A point inside each unit (its label anchor; a pending regiment's seat): the import checks the two agree. */
const anchors = labelAnchors(defaultBoundaries());
function siteOf(unit: (typeof iliUnits)[number]): readonly [number, number] {
  const anchor = anchors.get(unit.id)?.position;
  if (anchor) return anchor;
  if (unit.seat) return [unit.seat.longitude, unit.seat.latitude];
  throw new Error(`${unit.id} has neither a boundary nor a seat`);
}

function stationCsv(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, (_, index) => {
    const unit = iliUnits[index % iliUnits.length]!;
    const [lon, lat] = siteOf(unit);
    return `${prefix}${index},${prefix}${index},${lon.toFixed(4)},${lat.toFixed(4)},${unit.id}`;
  });
  return `id,name,lon,lat,unit\n${rows.join('\n')}\n`;
}

/** A plausible hour: values move every hour and between stations (no stuck runs, no spikes). */
function csvRow(station: string, index: number, time: number, h: number): string {
  const wave = Math.round(40 * Math.sin((h + index) / 5));
  return [
    station,
    toBeijingIso(time),
    120 + wave,
    180 + wave,
    20 + (h % 7),
    40 + (h % 11),
    (1.5 + (h % 5) / 10).toFixed(1),
    30 + (h % 13),
  ].join(',');
}

const header = 'station,time,pm25,pm10,so2,no2,co,o3';

async function post(server: { url: string }, path: string, body: string, type: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': type },
    body,
  });
  if (response.status !== 200)
    throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return response.json();
}

async function stateNow(server: { url: string }): Promise<number> {
  return (await (await fetch(`${server.url}/api/state?jurisdiction=ili`, { headers: auth })).json()).now;
}

type Reply = { kind: 'ready'; url: string } | { kind: 'cpu'; seconds: number } | { kind: 'stopped' };

/** `--serve`: the server, answering the parent's questions about its CPU until told to stop. */
async function serve(): Promise<void> {
  const server = await startTestServer({ CLOCK: 'data', FEEDER_KEY: feederKey });
  const reply = (message: Reply) => process.send?.(message);
  process.on('message', async (message: { kind: 'cpu' | 'stop' }) => {
    if (message.kind === 'cpu') {
      const used = process.cpuUsage();
      reply({ kind: 'cpu', seconds: (used.user + used.system) / 1e6 });
    } else {
      await server.stop();
      reply({ kind: 'stopped' });
      process.disconnect();
    }
  });
  reply({ kind: 'ready', url: server.url });
}

/** A server in a child process: its URL, its CPU seconds so far, and stop. */
async function startServerProcess() {
  // `node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/ingest.bench.ts` profiles the server process too.
  const profile = process.execArgv.filter((flag) => flag.startsWith('--cpu-prof'));
  const child: ChildProcess = fork(import.meta.filename, ['--serve'], {
    execArgv: [...profile, '--import', 'tsx'],
  });
  // A failed run must not leave its server behind, holding the bench open.
  process.once('exit', () => child.kill());
  const next = () =>
    new Promise<Reply>((resolve) => child.once('message', (message) => resolve(message as Reply)));
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error('the server process did not start');
  return {
    url: ready.url,
    async cpuSeconds(): Promise<number> {
      const reply = next();
      child.send({ kind: 'cpu' });
      return ((await reply) as { seconds: number }).seconds;
    },
    async stop(): Promise<void> {
      const reply = next();
      child.send({ kind: 'stop' });
      await reply;
    },
  };
}

if (process.argv[2] === '--serve') await serve();
else
  await run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });

/** `npx tsx bench/ingest.bench.ts hourly`: the hourly case alone; `bulk`: bulk and the read-back alone. */
async function run(): Promise<void> {
  // 1. Bulk: a year of 100 stations.
  if (process.argv[2] !== 'hourly') {
    const server = await startServerProcess();
    const stations = 100;
    await post(server, '/api/stations/import', stationCsv('B', stations), 'text/csv');
    const first = Date.parse('2019-01-01T01:00:00+08:00');
    const hours = 8760;
    const rowsPerRequest = 50_000;
    const hoursPerRequest = rowsPerRequest / stations;
    const bodies: string[] = [];
    for (let start = 0; start < hours; start += hoursPerRequest) {
      const lines = [header];
      for (let h = start; h < Math.min(hours, start + hoursPerRequest); h += 1)
        for (let index = 0; index < stations; index += 1)
          lines.push(csvRow(`B${index}`, index, first + h * hour, h));
      bodies.push(`${lines.join('\n')}\n`);
    }
    const last = first + (hours - 1) * hour;
    const cpu = await server.cpuSeconds();
    const began = performance.now();
    const acknowledged: number[] = [];
    for (const body of bodies) {
      const sent = performance.now();
      await post(server, '/api/observations', body, 'text/csv');
      acknowledged.push(performance.now() - sent);
    }
    while ((await stateNow(server)) < last) await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - began) / 1000;
    const serverCpu = (await server.cpuSeconds()) - cpu;
    const stationHours = stations * hours;
    acknowledged.sort((a, b) => a - b);
    console.log(
      `bulk: ${stationHours} station-hours (${stations} stations × ${hours} h) in ${bodies.length} CSV requests of ${rowsPerRequest} rows: ` +
        `${seconds.toFixed(1)} s to the engine caught up = ${Math.round(stationHours / seconds)} station-h/s ` +
        `(target ≥ 280,000: 3 × python-aqi per issue 17.3); ${((serverCpu * 1e6) / stationHours).toFixed(1)} µs CPU per station-hour ` +
        `(server process); request median ${acknowledged[acknowledged.length >> 1]!.toFixed(0)} ms`,
    );

    // 3. Read back one station's year, with the whole year of 100 stations stored: right after the bulk, and
    // again once the server has been idle a while (the store copies complete days station-major on idle:
    // server/store/sqlite/observation-days.ts).
    const readBack = async (when: string) => {
      const times: number[] = [];
      const readCpu = await server.cpuSeconds();
      for (let run = 0; run < 10; run += 1) {
        const station = `B${(run * 7) % stations}`;
        const from = encodeURIComponent(toBeijingIso(first));
        const to = encodeURIComponent(toBeijingIso(last));
        const began = performance.now();
        const response = await fetch(
          `${server.url}/api/observations?station=${station}&from=${from}&to=${to}`,
          {
            headers: auth,
          },
        );
        const body = await response.json();
        times.push(performance.now() - began);
        if (body.observations.length !== hours) throw new Error(`read back ${body.observations.length} rows`);
      }
      const readCpuMs = ((await server.cpuSeconds()) - readCpu) * 100;
      times.sort((a, b) => a - b);
      console.log(
        `read back ${when}: one station's year (${hours} rows) of ${stationHours} stored: median ${times[5]!.toFixed(0)} ms, max ${times[9]!.toFixed(0)} ms (target < 100 ms); ` +
          `${readCpuMs.toFixed(0)} ms server CPU per read on average`,
      );
    };
    await readBack('right after the bulk');
    const idleCpu = await server.cpuSeconds();
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    console.log(
      `server idle ${idleSeconds} s: ${((await server.cpuSeconds()) - idleCpu).toFixed(1)} s of server CPU in the background`,
    );
    await readBack(`after ${idleSeconds} s idle`);
    await server.stop();
  }

  // 2. Hourly: one request of 2,000 stations at a time, after a day of history.
  if (process.argv[2] !== 'bulk') {
    const server = await startServerProcess();
    const stations = 2000;
    await post(server, '/api/stations/import', stationCsv('H', stations), 'text/csv');
    const first = Date.parse('2019-11-01T01:00:00+08:00');
    const hourBody = (h: number) =>
      `${[header, ...Array.from({ length: stations }, (_, index) => csvRow(`H${index}`, index, first + h * hour, h))].join('\n')}\n`;
    for (let h = 0; h < 24; h += 1) await post(server, '/api/observations', hourBody(h), 'text/csv');
    const bodies = Array.from({ length: 30 }, (_, step) => hourBody(24 + step));
    const times: number[] = [];
    const cpus: number[] = [];
    let ticks = 0;
    for (const [step, body] of bodies.entries()) {
      const cpu = await server.cpuSeconds();
      const began = performance.now();
      await post(server, '/api/observations', body, 'text/csv');
      times.push(performance.now() - began);
      const acknowledged = performance.now();
      // The engine's tick for the hour runs after the acknowledgement; the next hour comes once it is done.
      while ((await stateNow(server)) < first + (24 + step) * hour)
        await new Promise((resolve) => setTimeout(resolve, 1));
      ticks += performance.now() - acknowledged;
      cpus.push(((await server.cpuSeconds()) - cpu) * 1000);
    }
    times.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    console.log(
      `hourly: ${stations} stations in one CSV request, acknowledged: median ${times[times.length >> 1]!.toFixed(0)} ms, ` +
        `p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (target < 50 ms); ` +
        `then the engine's state at the new hour after ${(ticks / bodies.length).toFixed(0)} ms on average; ` +
        `server CPU per hour, request and tick, median ${cpus[cpus.length >> 1]!.toFixed(0)} ms`,
    );
    await server.stop();
  }
}
