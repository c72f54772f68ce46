import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: { outDir: `../${outDir}`, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } },
  },
});
