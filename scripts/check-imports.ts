/**
 * The import rule (docs/ARCHITECTURE.md): shared ← geo ← server/client. shared imports nothing of ours;
 * geo imports only shared; server and client import shared and geo but never each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const allowed: Record<string, string[]> = {
  shared: ['shared'],
  geo: ['geo', 'shared'],
  server: ['server', 'geo', 'shared'],
  client: ['client', 'geo', 'shared'],
};

function* sourceFiles(directory: string): Generator<string> {
  for (const name of readdirSync(directory)) {
    if (name === 'node_modules' || name === 'data') continue;
    const path = join(directory, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const importPattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const violations: string[] = [];
for (const [layer, may] of Object.entries(allowed)) {
  for (const file of sourceFiles(join(root, layer))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(file, '..', specifier)).split(sep)[0]!;
      if (!may.includes(target))
        violations.push(`${relative(root, file)} imports ${specifier} (${layer} may not import ${target})`);
    }
  }
}
if (violations.length > 0) {
  console.error(`Import rule broken:\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log('import rule holds: shared ← geo ← server/client');
