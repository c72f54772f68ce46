import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

/** The office's account tool (README "Accounts"), as an administrator types it. */
const dataDir = mkdtempSync(join(tmpdir(), 'tianshan-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, SCRYPT_LOG2_COST: '14' },
    input: '',
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

test('--help and an unknown option print the usage, never a stack trace', () => {
  const help = cli(['--help']);
  expect(help).toMatchObject({ status: 0, output: expect.stringContaining('usage:') });
  const typo = cli(['user', 'add', '--user', 'wang']);
  expect(typo.status).toBe(2);
  expect(typo.output).toMatch(/unknown option '--user'[\s\S]*usage:/i);
  expect(typo.output).not.toMatch(/\n\s+at /);
});

test('a wrong jurisdiction names the ones there are', () => {
  const wrong = cli([
    'user',
    'add',
    '--username',
    'wang',
    '--role',
    'duty-officer',
    '--jurisdiction',
    'yili',
    '--password',
    'long-enough-1',
  ]);
  expect(wrong.status).toBe(2);
  expect(wrong.output).toMatch(/--jurisdiction: .*"ili".*"kizilsu".*"both"/);
});
