import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Delta, ServerToClientEvents, Snapshot } from '../../shared/live/events';

export type ServerProcess = {
  url: string;
  dataDir: string;
  child: ChildProcess;
  health: () => Promise<Health>;
  /** SIGKILL: a crash, nothing flushed or closed. */
  kill: () => Promise<void>;
  /** SIGTERM, then its data directory removed (unless DATA_DIR was given). */
  stop: () => Promise<void>;
};

export type Health = {
  status: string;
  storage: { kind: string; ok: boolean };
  adapter: string;
  redis: { ok: boolean } | null;
  engine: { leader: boolean; leaseHolder: string | null };
};

/** Children still running when the test process ends (a test that timed out) are killed with it. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A server as operations start it (`tsx server/main.ts`), in a process of its own on a free loopback port:
 * the multi-process tests kill it for real.
 */
export async function startServerProcess(environment: Record<string, string>): Promise<ServerProcess> {
  const dataDir = environment.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'tianshan-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REPLAY: 'off',
      LOG_LEVEL: 'warn',
      ...environment,
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 240_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /situational map\s+(http:\/\/localhost:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  const exited = once(child, 'exit');
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name);
      await exited;
    }
  };
  return {
    url,
    dataDir,
    child,
    health: async () => (await fetch(`${url}/api/health`)).json() as Promise<Health>,
    kill: () => signal('SIGKILL'),
    stop: async () => {
      await signal('SIGTERM');
      if (!environment.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  /** Every snapshot and delta received, in order. */
  received: ({ kind: 'snapshot'; message: Snapshot } | { kind: 'delta'; message: Delta })[];
};

/** A socket client watching a jurisdiction that keeps what it receives. */
export function liveClient(url: string, jurisdiction: 'ili' | 'kizilsu'): LiveClient {
  const client = connect(url, { transports: ['websocket'], reconnection: false }) as LiveClient;
  client.received = [];
  client.on('snapshot', (message) => client.received.push({ kind: 'snapshot', message }));
  client.on('delta', (message) => client.received.push({ kind: 'delta', message }));
  client.on('connect', () => client.emit('join', { jurisdiction }));
  return client;
}

/** Waits until `check` holds, polling; fails naming what it waited for. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null> | T | null,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(check()).catch(() => null);
    if (value !== null && value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
