// Brotli and gzip copies of the built JavaScript and CSS, beside each file (x.js.br, x.js.gz),
// so that the server sends compressed bytes without compressing on every request.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Smaller files gain too little to be worth a second request path. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(js|css|svg|json)$/;

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'absher:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f.startsWith('assets/') && COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(outDir, f);
          const raw = await fs.readFile(file);
          if (raw.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gzip(raw, { level: 9 }),
          ]);
          // A copy no smaller than the file would only cost the reader its decompression.
          if (br.length < raw.length) await fs.writeFile(file + '.br', br);
          if (gz.length < raw.length) await fs.writeFile(file + '.gz', gz);
        }),
      );
    },
  };
}
