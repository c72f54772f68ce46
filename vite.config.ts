import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

const outDir = 'dist/client';

/**
 * Writes a brotli and a gzip copy beside every text asset once the build is done, so the server sends
 * compressed files without compressing per request (server/http/static.ts).
 */
function precompress(): Plugin {
  return {
    name: 'tianshan-precompress',
    apply: 'build',
    closeBundle() {
      const assets = join(import.meta.dirname, outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const content = readFileSync(join(assets, name));
        if (content.length < 1024) continue;
        writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
        writeFileSync(
          join(assets, `${name}.br`),
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        );
      }
    },
  };
}

/** The chunks a module's chunk needs (itself and its static imports, transitively), by file name. */
function chunkGraph(bundle: Rolldown.OutputBundle, moduleEnd: string): string[] {
  const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
  const start = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(moduleEnd)));
  if (!start) throw new Error(`no chunk holds ${moduleEnd}`);
  const entry = new Set(
    chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [chunk.fileName, ...chunk.imports]),
  );
  const found = new Set<string>();
  const visit = (fileName: string) => {
    if (found.has(fileName) || entry.has(fileName)) return;
    found.add(fileName);
    for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? [])
      visit(imported);
  };
  visit(start.fileName);
  return [...found];
}

const mapData = ['/api/config', '/api/boundaries'];

/** The modules each page preloads beside the entry: the map's, and the wall's route on top. */
const preloadedPages: Record<string, string[]> = {
  'map.html': ['src/map/early-start.ts', 'src/map/situation-map.ts'],
  'wall.html': ['src/map/early-start.ts', 'src/map/situation-map.ts', 'src/views/wall-view.tsx'],
};

/**
 * Writes map.html and wall.html: index.html that also preloads the map's code (MapLibre, deck.gl; 1.9 MB)
 * and the module that asks for the map's data, and for the wall its route's chunks, so their download and
 * parse start with the page, not after the entry has run and reached the route's lazy import (issue 16: the
 * wall's cold start). The server sends them for the routes that draw the map (server/http/static.ts).
 */
function mapPreload(): Plugin {
  let preloads: Record<string, string[]> = {};
  return {
    name: 'tianshan-map-preload',
    apply: 'build',
    generateBundle(_options, bundle) {
      preloads = Object.fromEntries(
        Object.entries(preloadedPages).map(([page, modules]) => [
          page,
          [...new Set(modules.flatMap((module) => chunkGraph(bundle, module)))],
        ]),
      );
    },
    writeBundle() {
      const directory = join(import.meta.dirname, outDir);
      const html = readFileSync(join(directory, 'index.html'), 'utf8');
      for (const [page, fileNames] of Object.entries(preloads)) {
        const links = [
          ...fileNames.map((fileName) => `<link rel="modulepreload" crossorigin href="/${fileName}">`),
          // The map's data (client/src/map/early-start.ts asks for it; fetch takes the preloaded answer).
          ...mapData.map((path) => `<link rel="preload" as="fetch" crossorigin href="${path}">`),
        ].join('\n    ');
        writeFileSync(join(directory, page), html.replace('</head>', `  ${links}\n  </head>`));
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), mapPreload(), precompress()],
  build: { outDir: `../${outDir}`, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } },
  },
});
