import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, runAsServiceUser, serviceDirectory, spawnAsServiceUser, waitFor } from './service-process';

/** Debian's PostgreSQL binaries, the newest major version installed (scripts/ensure-services.sh). */
function binaries(): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed: run scripts/ensure-services.sh');
  return join('/usr/lib/postgresql', versions[0]!, 'bin');
}

export type TestPostgres = {
  port: number;
  /** The URL of a new empty database on this instance. */
  createDatabase: (name?: string) => Promise<string>;
  /** Stops the server as a crash would (immediate shutdown); `start` brings it back on the same files. */
  kill: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it and removes its files. */
  stop: () => Promise<void>;
};

let databases = 0;

/**
 * A throwaway PostgreSQL on a free loopback port, in a temporary directory owned by the service user.
 * fsync is off: the tests crash the application, never the machine, and the operating system keeps what
 * PostgreSQL wrote.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const directory = serviceDirectory('tianshan-pg-');
  const dataDir = join(directory.path, 'data');
  runAsServiceUser(join(binaries(), 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'tianshan',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const port = await freePort();
  const admin = `postgres://tianshan@127.0.0.1:${port}/postgres`;
  let server: ChildProcess | null = null;

  async function start(): Promise<void> {
    server = spawnAsServiceUser(join(binaries(), 'postgres'), [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      directory.path,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=60',
    ]);
    await waitFor('PostgreSQL', async () => {
      const client = new pg.Client(admin);
      await client.connect();
      await client.end();
      return true;
    });
  }

  async function signal(name: NodeJS.Signals): Promise<void> {
    const running = server;
    server = null;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill(name);
    await exited;
  }

  await start();
  return {
    port,
    async createDatabase(name = `test_${process.pid}_${++databases}`) {
      const client = new pg.Client(admin);
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `postgres://tianshan@127.0.0.1:${port}/${name}`;
    },
    // SIGQUIT is PostgreSQL's immediate shutdown (a crash, recovered at the next start), SIGINT its fast one.
    kill: () => signal('SIGQUIT'),
    start,
    async stop() {
      await signal('SIGINT');
      directory.remove();
    },
  };
}
