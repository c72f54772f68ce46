/** npm run lint: fails when package-lock.json is out of step with package.json (what `npm ci` refuses). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockfileProblems } from './lockfile-sync';

const root = join(import.meta.dirname, '..');
const read = (name: string) => JSON.parse(readFileSync(join(root, name), 'utf8'));
const problems = lockfileProblems(read('package.json'), read('package-lock.json'));
if (problems.length > 0) {
  console.error(
    `package-lock.json is out of step with package.json (npm ci would fail); run npm install and commit both:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log('package-lock.json is in step with package.json');
