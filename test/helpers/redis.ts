import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createClient } from 'redis';
import { freePort, serviceDirectory, spawnAsServiceUser, waitFor } from './service-process';

export type TestRedis = {
  port: number;
  url: string;
  /** Stops it as a crash would; `start` brings it back on the same port (empty: nothing is saved). */
  kill: () => Promise<void>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

/** A throwaway redis-server on a free loopback port, without persistence, as the service user when root. */
export async function startRedis(): Promise<TestRedis> {
  const directory = serviceDirectory('tianshan-redis-');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;

  async function start(): Promise<void> {
    server = spawnAsServiceUser('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      directory.path,
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await waitFor('Redis', async () => {
      const client = createClient({ url, socket: { reconnectStrategy: false } });
      client.on('error', () => {});
      await client.connect();
      const pong = await client.ping();
      await client.quit();
      return pong === 'PONG';
    });
  }

  async function kill(): Promise<void> {
    const running = server;
    server = null;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    port,
    url,
    kill,
    start,
    async stop() {
      await kill();
      directory.remove();
    },
  };
}
