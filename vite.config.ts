// The portal's build: the app lives in src/web and is served by the API server from dist/web
// (or from WEB_DIST, where the build then goes too).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { earlyRequests } from './src/web/build/early-requests';
import { pageChunks } from './src/web/build/page-chunks';
import { precompress } from './src/web/build/precompress';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'src/web'),
  // index.html starts the page's API requests itself (earlyRequests). The server reads what the
  // last two write: the chunks of each page (for modulepreload in the index.html it answers) and
  // compressed copies of the assets.
  plugins: [
    react(),
    earlyRequests(path.join(here, 'src/web/app/early-requests.ts')),
    pageChunks(path.join(here, 'src/web/app/router.tsx')),
    precompress(),
  ],
  // The server is the only origin in production; in development the API is proxied to it.
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The budget is on gzipped initial JavaScript (300 KB); the e2e suite checks it from the
    // manifest. Rollup's warning counts minified bytes, hence the higher limit here.
    manifest: true,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // Shared modules of a few hundred bytes (a date, a label, the login gate) each made a file
      // of their own, and a page fetched up to 28 files. Chunks under 6 KB are merged into one
      // loaded wherever they were (Rollup merges only chunks without side effects), which
      // leaves a page 1 to 15 files for about 2 KB more in the entry, gzipped.
      output: { experimentalMinChunkSize: 6_000 },
      onwarn(warning, warn) {
        // Zod ships pure-annotations Rollup cannot place; they are dropped harmlessly.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
