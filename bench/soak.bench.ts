/**
 * Memory over time (issue 14, item 11): the server in its own process replays the bundled episodes at
 * SOAK_SPEED hours per second (default 20: a simulated day every 1.2 s) for SOAK_MINUTES (default 10) while
 * 100 Socket.IO clients in another process connect, watch, ask for explanations, resync and leave. Reports
 * the server's RSS and heap (after a full GC) every half minute; memory must stay flat after the warm-up
 * (growth under 50 MB). Run: npm run bench soak
 */
import { fork } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer } from '../test/helpers/server';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const speed = Number(process.env.SOAK_SPEED ?? 20);
const clientCount = 100;
const sampleMs = 30_000;
const warmupMs = Math.min(120_000, (minutes * 60_000) / 3);
const growthLimitMb = 50;
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

type Memory = { rss: number; heapUsed: number; external: number; arrayBuffers: number };
type Message = { kind: 'url'; url: string } | { kind: 'memory'; memory: Memory } | { kind: 'memory?' };

/** The server: replay on at the soak speed; answers memory requests after a full collection. */
async function runServer(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const server = await startTestServer({ REPLAY: 'on', REPLAY_SPEED: String(speed), CLOCK: 'data' });
  process.send?.({ kind: 'url', url: server.url });
  process.on('message', (message: Message) => {
    if (message.kind !== 'memory?') return;
    collect();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ kind: 'memory', memory: { rss, heapUsed, external, arrayBuffers } });
  });
}

/** 100 watchers that come and go: about a tenth leave and are replaced every second. */
async function runClients(url: string): Promise<void> {
  const login = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'commander', password: 'commander-demo' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const sockets = new Set<Socket>();
  let joined = 0;
  const open = () => {
    const signedIn = Math.random() < 0.2;
    const socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: signedIn ? { cookie } : {},
    });
    const jurisdiction = Math.random() < 0.5 ? 'ili' : 'kizilsu';
    socket.on('connect', () => socket.emit('join', { jurisdiction }));
    socket.once('snapshot', () => {
      joined += 1;
      if (Math.random() < 0.3) socket.emit('explain', { jurisdiction });
    });
    socket.on('delta', () => {
      if (Math.random() < 0.001) socket.emit('resync', { jurisdiction });
    });
    sockets.add(socket);
  };
  for (let index = 0; index < clientCount; index += 1) open();
  setInterval(() => {
    for (const socket of [...sockets].slice(0, clientCount / 10)) {
      socket.close();
      sockets.delete(socket);
      open();
    }
  }, 1000);
  setInterval(() => process.send?.({ kind: 'joined', joined }), 5000);
}

async function runParent(): Promise<void> {
  const server = fork(import.meta.filename, ['server'], { execArgv: ['--import', 'tsx'] });
  const url = await new Promise<string>((resolve) =>
    server.on('message', (message: Message) => {
      if (message.kind === 'url') resolve(message.url);
    }),
  );
  const memory = () =>
    new Promise<Memory>((resolve) => {
      const answer = (message: Message) => {
        if (message.kind !== 'memory') return;
        server.off('message', answer);
        resolve(message.memory);
      };
      server.on('message', answer);
      server.send({ kind: 'memory?' });
    });
  const clients = fork(import.meta.filename, ['clients', url], { execArgv: ['--import', 'tsx'] });
  let joined = 0;
  clients.on('message', (message: { kind: string; joined: number }) => {
    joined = message.joined;
  });
  const started = Date.now();
  const samples: { minute: number; memory: Memory; joined: number }[] = [];
  console.log(
    `soak: replay at ${speed} h/s for ${minutes} min (~${Math.round((speed * minutes * 60) / 24)} simulated days), ` +
      `${clientCount} clients churning`,
  );
  console.log('| minute | RSS MB | heap MB | external MB | joins so far |\n| --- | --- | --- | --- | --- |');
  while (Date.now() - started < minutes * 60_000) {
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    const sample = { minute: (Date.now() - started) / 60_000, memory: await memory(), joined };
    samples.push(sample);
    const { rss, heapUsed, external } = sample.memory;
    console.log(
      `| ${sample.minute.toFixed(1)} | ${megabytes(rss)} | ${megabytes(heapUsed)} | ${megabytes(external)} | ${joined} |`,
    );
  }
  clients.kill();
  server.kill();
  // RSS swings by a hundred MB between samples as the allocator keeps and returns pages: compare the
  // medians of the first and last three samples after the warm-up, not two single samples.
  const afterWarmup = samples.filter((sample) => sample.minute * 60_000 >= warmupMs);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const of = (part: typeof samples, key: keyof Memory) => median(part.map((sample) => sample.memory[key]));
  const [head, tail] = [afterWarmup.slice(0, 3), afterWarmup.slice(-3)];
  const growth = megabytes(of(tail, 'rss') - of(head, 'rss'));
  const peak = Math.max(...samples.map((sample) => sample.memory.rss));
  console.log(
    `\nafter the ${warmupMs / 60_000}-minute warm-up (medians of the first and last three samples): ` +
      `RSS ${megabytes(of(head, 'rss'))} → ${megabytes(of(tail, 'rss'))} MB (${growth >= 0 ? '+' : ''}${growth} MB; ` +
      `peak ${megabytes(peak)} MB), heap ${megabytes(of(head, 'heapUsed'))} → ${megabytes(of(tail, 'heapUsed'))} MB; ` +
      `target: growth under ${growthLimitMb} MB`,
  );
  process.exit(growth < growthLimitMb ? 0 : 1);
}

const [role, argument] = process.argv.slice(2);
if (role === 'server') await runServer();
else if (role === 'clients') await runClients(argument!);
else await runParent();
