/**
 * npm run bench [filter]: runs every bench/*.bench.ts one after another, each in its own process so that
 * one benchmark's heap does not skew the next. Each prints its own results.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const directory = import.meta.dirname;
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(directory, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
if (files.length === 0) console.log(`no benchmark matches "${filter}"`);
process.exit(failed > 0 ? 1 : 0);
