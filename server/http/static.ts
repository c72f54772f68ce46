import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, Router } from 'express';

const clientDist = fileURLToPath(new URL('../../dist/client', import.meta.url));
const clientRoutes = ['/', '/wall', '/command', '/press', '/snapshot'];
/** The routes that draw the map get a page that preloads its code (vite.config.ts mapPreload); /press does not. */
const preloadingPage: Record<string, string> = {
  '/': 'map.html',
  '/wall': 'wall.html',
  '/command': 'map.html',
  '/snapshot': 'map.html',
};
/** Vite names every asset by its content hash: a URL never changes meaning, so it may be kept for a year. */
const immutable = 'public, max-age=31536000, immutable';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** Brotli, else gzip, as the client accepts and the build wrote (vite.config.ts precompresses). */
function precompressed(request: Request, file: string): { path: string; encoding: string } | null {
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const)
    if (request.acceptsEncodings(encoding) === encoding && existsSync(file + suffix))
      return { path: file + suffix, encoding };
  return null;
}

function sendAsset(request: Request, response: Response, next: () => void): void {
  const file = normalize(join(clientDist, request.path));
  if (!file.startsWith(join(clientDist, 'assets')) || !existsSync(file) || !statSync(file).isFile()) {
    next();
    return;
  }
  response.setHeader('Cache-Control', immutable);
  response.setHeader('Vary', 'Accept-Encoding');
  const compressed = precompressed(request, file);
  if (!compressed) {
    response.sendFile(file);
    return;
  }
  response.setHeader('Content-Encoding', compressed.encoding);
  response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
  response.sendFile(compressed.path);
}

/**
 * The built client (issue 16): hashed assets compressed (brotli or gzip, written at build) and cached for
 * a year as immutable; index.html for each client route, revalidated on every load (no-cache), so a new
 * build is picked up at once. Nothing is served when the client has not been built.
 */
export function clientRouter(): Router {
  const router = Router();
  if (!existsSync(clientDist)) return router;
  router.get('/assets/{*path}', sendAsset);
  router.use(
    express.static(clientDist, {
      index: false,
      setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  // Browsers, bookmarks and tools ask for /favicon.ico whatever the page links: the same icon, not a 404.
  router.get('/favicon.ico', (_request, response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.type('image/svg+xml').sendFile('favicon.svg', { root: clientDist });
  });
  router.get(clientRoutes, (request, response) => {
    response.setHeader('Cache-Control', 'no-cache');
    const preloading = preloadingPage[request.path.replace(/\/+$/, '') || '/'];
    const page = preloading && existsSync(join(clientDist, preloading)) ? preloading : 'index.html';
    response.sendFile(page, { root: clientDist });
  });
  return router;
}
