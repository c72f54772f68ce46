/**
 * The import rule (docs/ARCHITECTURE.md, "Who may import whom"), as a function over a project root so that a
 * test can run it on a fixture tree. Sources are parsed (oxc, through Vite), not matched with patterns,
 * so side-effect, dynamic, type-only and `require` imports are all seen and comments never are.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseSync } from 'vite';

export interface Violation {
  /** Path relative to the root, with forward slashes. */
  file: string;
  specifier: string;
  reason: string;
}

interface Import {
  specifier: string;
  /** `import type` / `export type`: erased at build time, so only its declaration matters. */
  typeOnly: boolean;
}

/** Which of our folders each layer may import (shared ← geo ← server/client). */
const layers: Record<string, string[]> = {
  shared: ['shared'],
  geo: ['geo', 'shared'],
  server: ['server', 'geo', 'shared'],
  client: ['client', 'geo', 'shared'],
};
/** Layers whose code must run anywhere (a browser included): no Node built-ins, no native modules. */
const portableLayers = new Set(['shared', 'geo', 'client']);
/** Folders whose files are checked for declared packages only. */
const toolFolders = ['test', 'bench', 'scripts'];
const sourcePattern = /\.(?:[cm]?[jt]sx?)$/;
const testPattern = /\.test\.[cm]?[jt]sx?$/;
/** A package needs a compiler or a prebuilt binary when it depends on one of these loaders. */
const nativeLoaders = ['bindings', 'node-gyp-build', 'prebuild-install', 'node-addon-api', 'nan'];

/** Every import rule broken under `root`, in file order. */
export function importRuleViolations(root: string): Violation[] {
  const manifest = readManifest(root);
  const violations: Violation[] = [];
  for (const folder of [...Object.keys(layers), ...toolFolders]) {
    const directory = join(root, folder);
    if (!existsSync(directory)) continue;
    for (const path of sourceFiles(directory)) {
      const file = relative(root, path).split(sep).join('/');
      for (const found of importsOf(path)) {
        const reason = ruleBroken(root, folder, file, path, found, manifest);
        if (reason) violations.push({ file, specifier: found.specifier, reason });
      }
    }
  }
  return violations;
}

export function formatViolation(violation: Violation): string {
  return `${violation.file} imports '${violation.specifier}': ${violation.reason}`;
}

interface Manifest {
  dependencies: Set<string>;
  devDependencies: Set<string>;
}

function readManifest(root: string): Manifest {
  const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return {
    dependencies: new Set(Object.keys(json.dependencies ?? {})),
    devDependencies: new Set(Object.keys(json.devDependencies ?? {})),
  };
}

/**
 * Every source file below `directory`, `data/` folders included (a script could hide there). A folder
 * with its own package.json is another project and is checked on its own.
 */
function* sourceFiles(directory: string): Generator<string> {
  for (const name of readdirSync(directory).sort()) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      if (!existsSync(join(path, 'package.json'))) yield* sourceFiles(path);
    } else if (sourcePattern.test(name)) yield path;
  }
}

function importsOf(path: string): Import[] {
  const parsed = parseSync(path, readFileSync(path, 'utf8'));
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
  const found: Import[] = [];
  collectImports(parsed.program, found);
  return found;
}

type Node = { type?: string; [key: string]: unknown };

/** Walks the syntax tree for every construct that loads a module. */
function collectImports(node: unknown, found: Import[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectImports(child, found);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const { type, source, importKind, exportKind, callee, arguments: args, expression } = node as Node;
  const add = (literal: unknown, typeOnly: boolean) => {
    const { type: literalType, value } = (literal ?? {}) as Node;
    if (literalType === 'Literal' && typeof value === 'string') found.push({ specifier: value, typeOnly });
  };
  if (type === 'ImportDeclaration') add(source, importKind === 'type');
  else if (type === 'ExportNamedDeclaration' || type === 'ExportAllDeclaration')
    add(source, exportKind === 'type');
  else if (type === 'ImportExpression') add(source, false);
  else if (type === 'TSImportType') add(source, true);
  else if (type === 'TSExternalModuleReference') add(expression, false);
  else if (type === 'CallExpression') {
    const { type: calleeType, name } = callee as Node;
    if (calleeType === 'Identifier' && name === 'require') add((args as unknown[])[0], false);
  }
  for (const value of Object.values(node)) if (typeof value === 'object') collectImports(value, found);
}

function ruleBroken(
  root: string,
  folder: string,
  file: string,
  path: string,
  { specifier, typeOnly }: Import,
  manifest: Manifest,
): string | undefined {
  const isTest = testPattern.test(file) || folder === 'test';
  if (specifier.startsWith('.')) {
    const may = layers[folder];
    if (!may) return undefined;
    const target = relative(root, resolve(dirname(path), specifier)).split(sep)[0]!;
    return may.includes(target) ? undefined : `${folder} may not import ${target}`;
  }
  if (isBuiltin(specifier)) {
    // Build tools (geo/scripts) and tests read and write files; the code they prove stays portable.
    const buildTool = file.startsWith('geo/scripts/');
    return portableLayers.has(folder) && !isTest && !buildTool
      ? `${folder} may not use Node built-ins (only geo/scripts and tests may)`
      : undefined;
  }
  const name = packageName(specifier);
  const declared = manifest.dependencies.has(name) || manifest.devDependencies.has(name);
  const typesDeclared = manifest.devDependencies.has(typesPackage(name));
  if (!declared && !(typeOnly && typesDeclared)) return `package ${name} is not declared in package.json`;
  if (portableLayers.has(folder) && isNative(dirname(path), name))
    return `${folder} may not use ${name}, a native module`;
  const shipped = folder in layers && !isTest && !file.startsWith('geo/scripts/');
  if (shipped && !typeOnly && !manifest.dependencies.has(name))
    return `${folder} code ships, so ${name} belongs in dependencies, not devDependencies`;
  return undefined;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The DefinitelyTyped package for `name`: `@types/geojson`, `@types/scope__name`. */
function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** Whether the copy of `name` that Node would load from `directory` has native bindings. */
function isNative(directory: string, name: string): boolean {
  for (let at = directory; ; at = dirname(at)) {
    const packageDirectory = join(at, 'node_modules', name);
    if (existsSync(join(packageDirectory, 'package.json'))) {
      const json = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')) as {
        gypfile?: boolean;
        napi?: unknown;
        dependencies?: Record<string, string>;
      };
      return (
        json.gypfile === true ||
        json.napi !== undefined ||
        existsSync(join(packageDirectory, 'binding.gyp')) ||
        nativeLoaders.some((loader) => loader in (json.dependencies ?? {}))
      );
    }
    if (dirname(at) === at) return false;
  }
}
