import { describe, expect, it } from 'vitest';
import { type Lockfile, lockfileProblems, type Manifest } from './lockfile-sync';

const manifest: Manifest = {
  dependencies: { zod: '^4.1.0' },
  devDependencies: { '@biomejs/biome': '^2.6.8' },
};

/** A lock `npm install` would write for `manifest`, trimmed to the fields the check reads. */
const inStep = (): Lockfile => ({
  lockfileVersion: 3,
  packages: {
    '': { dependencies: { zod: '^4.1.0' }, devDependencies: { '@biomejs/biome': '^2.6.8' } },
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/@biomejs/biome': {
      version: '2.6.8',
      optionalDependencies: { '@biomejs/cli-linux-x64': '2.6.8', '@biomejs/cli-win32-x64': '2.6.8' },
    },
    'node_modules/@biomejs/cli-linux-x64': { version: '2.6.8' },
    'node_modules/@biomejs/cli-win32-x64': { version: '2.6.8' },
  },
});

describe('lockfile in step with package.json', () => {
  it('accepts the lock npm install writes', () => {
    expect(lockfileProblems(manifest, inStep())).toEqual([]);
  });

  it('fails when an optional platform package is missing (the lock npm ci refused before b8fcc22)', () => {
    const lock = inStep();
    delete lock.packages!['node_modules/@biomejs/cli-win32-x64'];
    expect(lockfileProblems(manifest, lock)).toEqual([
      'node_modules/@biomejs/biome needs @biomejs/cli-win32-x64@2.6.8, which the lock does not hold',
    ]);
  });

  it('fails when package.json gained, lost or changed a dependency the lock has not followed', () => {
    const changed: Manifest = {
      dependencies: { zod: '^5.0.0', fflate: '^0.8.3' },
      devDependencies: {},
    };
    expect(lockfileProblems(changed, inStep())).toEqual([
      'dependencies: zod is ^5.0.0 in package.json but ^4.1.0 in the lock',
      'dependencies: fflate@^0.8.3 is not in the lock',
      'devDependencies: the lock still lists @biomejs/biome, package.json does not',
    ]);
  });

  it('fails when a locked version is outside the range that needs it', () => {
    const lock = inStep();
    lock.packages!['node_modules/zod']!.version = '3.25.0';
    expect(lockfileProblems(manifest, lock)).toEqual([
      'package.json needs zod@^4.1.0, the lock has 3.25.0 at node_modules/zod',
    ]);
  });

  it('resolves a nested copy before the hoisted one, as Node does', () => {
    const lock = inStep();
    lock.packages!['node_modules/@biomejs/biome']!.dependencies = { zod: '^3.0.0' };
    expect(lockfileProblems(manifest, lock)).toEqual([
      'node_modules/@biomejs/biome needs zod@^3.0.0, the lock has 4.6.7 at node_modules/zod',
    ]);
    lock.packages!['node_modules/@biomejs/biome/node_modules/zod'] = { version: '3.25.0' };
    expect(lockfileProblems(manifest, lock)).toEqual([]);
  });

  it('asks for a regenerated lock when it predates the packages map', () => {
    expect(lockfileProblems(manifest, { lockfileVersion: 1 })).toHaveLength(1);
  });
});
