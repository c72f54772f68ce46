/**
 * Whether package-lock.json is in step with package.json, decided offline: `npm ci` refuses a lock whose
 * root disagrees with package.json or whose tree leaves a dependency unmet (a missing optional platform
 * package included), so both are checked here without the registry.
 */
import semver from 'semver';

type Ranges = Record<string, string>;

export interface Manifest {
  dependencies?: Ranges;
  devDependencies?: Ranges;
  optionalDependencies?: Ranges;
  peerDependencies?: Ranges;
}

interface LockEntry extends Manifest {
  version?: string;
  link?: boolean;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

const sections = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** Every way the lock disagrees with the manifest; empty when `npm ci` will accept it. */
export function lockfileProblems(manifest: Manifest, lock: Lockfile): string[] {
  const packages = lock.packages;
  if (!packages || (lock.lockfileVersion ?? 0) < 2)
    return ['package-lock.json has no "packages" map (lockfileVersion 2 or later): run npm install'];
  return [...rootProblems(manifest, packages[''] ?? {}), ...treeProblems(packages)];
}

function rootProblems(manifest: Manifest, root: LockEntry): string[] {
  const problems: string[] = [];
  for (const section of sections) {
    const wanted = manifest[section] ?? {};
    const locked = root[section] ?? {};
    for (const [name, range] of Object.entries(wanted)) {
      if (locked[name] === undefined) problems.push(`${section}: ${name}@${range} is not in the lock`);
      else if (locked[name] !== range)
        problems.push(`${section}: ${name} is ${range} in package.json but ${locked[name]} in the lock`);
    }
    for (const name of Object.keys(locked))
      if (wanted[name] === undefined)
        problems.push(`${section}: the lock still lists ${name}, package.json does not`);
  }
  return problems;
}

/** Each package's dependencies must resolve, the way Node resolves them, to a locked version in range. */
function treeProblems(packages: Record<string, LockEntry>): string[] {
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (entry.link) continue;
    const edges: Ranges = {
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...requiredPeers(entry),
      ...(path === '' ? entry.devDependencies : {}),
    };
    for (const [name, spec] of Object.entries(edges)) {
      const found = resolveFrom(packages, path, name);
      const from = path === '' ? 'package.json' : path;
      if (!found) {
        problems.push(`${from} needs ${name}@${spec}, which the lock does not hold`);
        continue;
      }
      const range = spec.startsWith('npm:') ? spec.slice(spec.lastIndexOf('@') + 1) : spec;
      const version = packages[found]!.version;
      if (
        semver.validRange(range) &&
        version &&
        !semver.satisfies(version, range, { includePrerelease: true })
      )
        problems.push(`${from} needs ${name}@${spec}, the lock has ${version} at ${found}`);
    }
  }
  return problems;
}

function requiredPeers(entry: LockEntry): Ranges {
  return Object.fromEntries(
    Object.entries(entry.peerDependencies ?? {}).filter(
      ([name]) => !entry.peerDependenciesMeta?.[name]?.optional,
    ),
  );
}

/** Node's lookup: `<path>/node_modules/<name>`, then each enclosing node_modules up to the root. */
function resolveFrom(packages: Record<string, LockEntry>, path: string, name: string): string | undefined {
  for (let base = path; ; ) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    const enclosing = base.lastIndexOf('/node_modules/');
    base = enclosing === -1 ? '' : base.slice(0, enclosing);
  }
}
