// The portal's build: the app lives in src/web and is served by the API server from dist/web
// (or from WEB_DIST, where the build then goes too).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
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
      onwarn(warning, warn) {
        // Zod ships pure-annotations Rollup cannot place; they are dropped harmlessly.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
