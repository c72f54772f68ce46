import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the throwaway PostgreSQL and Redis instances share: a free loopback port, a temporary directory the
 * service's user owns, and that user. PostgreSQL refuses to run as root, so as root the services run as
 * `nobody`; as anyone else, as themselves.
 */
export const asRoot = process.getuid?.() === 0;
export const serviceUser = 'nobody';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A temporary directory the service user may write. */
export function serviceDirectory(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) execFileSync('chown', [serviceUser, path]);
  chmodSync(path, 0o700);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** As root, the service user's ids (the child is started with them, so signals reach the service itself). */
function identity(): { uid?: number; gid?: number } {
  if (!asRoot) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, serviceUser], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export function runAsServiceUser(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: 'pipe', cwd: '/', ...identity() });
}

export function spawnAsServiceUser(command: string, args: string[]): ChildProcess {
  return spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: '/', ...identity() });
}

/** Polls `ready` until it resolves true, or fails after `timeoutMs` naming what it waited for. */
export async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}
