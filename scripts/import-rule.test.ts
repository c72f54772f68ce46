import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatViolation, importRuleViolations } from './import-rule';

const fixture = (name: string) => join(import.meta.dirname, '..', 'test', 'fixtures', 'import-rule', name);

describe('the import rule', () => {
  it('passes a tree that keeps it: Node built-ins in the server, geo/scripts and tests, types from @types', () => {
    expect(importRuleViolations(fixture('clean'))).toEqual([]);
  });

  it('names every file and import that breaks it, and nothing else', () => {
    const found = importRuleViolations(fixture('broken')).map(
      ({ file, specifier }) => `${file} → ${specifier}`,
    );
    expect(found.sort()).toEqual(
      [
        'client/app.ts → node:crypto',
        'geo/data/loader.ts → node:fs',
        'geo/reexport.ts → ../server/main',
        'geo/scripts/native.ts → better-sqlite3',
        'geo/types.ts → ../server/main',
        'server/dev-only.ts → vitest',
        'server/render.ts → ../client/app',
        'server/undeclared.ts → jszip',
        'shared/files.ts → node:fs',
        'shared/files.ts → path',
        'shared/lazy.ts → ../client/app',
        'shared/side-effect.ts → ../server/main',
        'shared/store.ts → better-sqlite3',
        'test/left-pad.test.ts → left-pad',
      ].sort(),
    );
  });

  it('says which rule each import breaks', () => {
    const messages = importRuleViolations(fixture('broken')).map(formatViolation);
    expect(messages).toContain(
      "shared/side-effect.ts imports '../server/main': shared may not import server",
    );
    expect(messages).toContain(
      "shared/store.ts imports 'better-sqlite3': shared may not use better-sqlite3, a native module",
    );
    expect(messages).toContain(
      "geo/data/loader.ts imports 'node:fs': geo may not use Node built-ins (only geo/scripts and tests may)",
    );
    expect(messages).toContain(
      "server/undeclared.ts imports 'jszip': package jszip is not declared in package.json",
    );
    expect(messages).toContain(
      "server/dev-only.ts imports 'vitest': server code ships, so vitest belongs in dependencies, not devDependencies",
    );
  });
});
