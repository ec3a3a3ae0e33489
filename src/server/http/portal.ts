// The built portal. Its hashed assets are sent as the build compressed them (brotli or gzip,
// as the browser accepts) and kept by the browser for a year: a new build names new files.
// They are read once, at start, and each is sent from memory in one write: a page's first API
// requests leave with its scripts (index.html sends them), and on the embedded database each
// query holds the server's one thread, so a file streamed from disk in several steps would wait
// behind them. Every other GET for a page answers index.html, never cached, which names
// the chunks of the page asked for (modulepreload) so that the browser fetches them beside the
// entry instead of after the entry has run and the router has asked for them. The page also
// says whether this server is a sandbox, which the portal would otherwise have to ask.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';

/** Written by the build (src/web/build/page-chunks.ts): each lazy page's path pattern and its chunk's file. */
const PAGES_FILE = '.vite/pages.json';
const MANIFEST_FILE = '.vite/manifest.json';
/** Vite's folder of content-hashed files. */
const ASSETS_DIR = 'assets';

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;

export type Portal = {
  /** index.html as answered for this path: with the preloads of the page it shows. */
  html(pathname: string): string;
};

/** The portal built into webDist; null when there is none. */
export function loadPortal(webDist: string, opts: { sandbox: boolean }): Portal | null {
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const index = withHead(fs.readFileSync(indexFile, 'utf8'), [`<meta name="absher-mode" content="${opts.sandbox ? 'sandbox' : 'production'}">`]);
  const manifest = readJson<Manifest>(path.join(webDist, MANIFEST_FILE)) ?? {};
  const pages = readJson<Record<string, string>>(path.join(webDist, PAGES_FILE)) ?? {};

  const keyOf = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const routes = Object.entries(pages)
    .map(([pattern, file]) => ({ segments: pattern.split('/').filter(Boolean), html: withHead(index, pageLinks(manifest, keyOf.get(file))) }))
    // As the router ranks them: the most specific pattern first, a catch-all last.
    .sort((a, b) => rank(b.segments) - rank(a.segments));

  return {
    html(pathname) {
      const segments = pathname.split('/').filter(Boolean);
      // The home page (the router's index route) is part of the entry.
      if (segments.length === 0) return index;
      return routes.find((r) => matches(r.segments, segments))?.html ?? index;
    },
  };
}

/** The page's chunk first, then what it imports; the entry, already in index.html, is left out. */
function pageLinks(manifest: Manifest, key: string | undefined): string[] {
  if (key === undefined) return [];
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || chunk.isEntry || seen.has(key)) return;
    seen.add(key);
    scripts.push(chunk.file);
    styles.push(...(chunk.css ?? []));
    for (const dep of chunk.imports ?? []) walk(dep);
  };
  walk(key);
  // The crossorigin and the href as Vite's own loader writes them, so that it finds these
  // links and adds none of its own.
  return [
    ...[...new Set(styles)].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
  ];
}

function withHead(html: string, tags: string[]): string {
  if (tags.length === 0) return html;
  return html.replace('</head>', () => `  ${tags.join('\n    ')}\n  </head>`);
}

function rank(segments: string[]): number {
  return segments.reduce((n, s) => n + (s === '*' ? -2 : s.startsWith(':') ? 3 : 10), 0);
}

function matches(pattern: string[], segments: string[]): boolean {
  for (const [i, p] of pattern.entries()) {
    if (p === '*') return true;
    const s = segments[i];
    if (s === undefined || (!p.startsWith(':') && p.toLowerCase() !== s.toLowerCase())) return false;
  }
  return segments.length === pattern.length;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** A hashed asset as the build wrote it, with the compressed copies it made. */
type Asset = { type: string; identity: Buffer; br?: Buffer; gzip?: Buffer };

/** Every file of the assets folder by its URL path, read into memory. */
export function loadAssets(webDist: string): Map<string, Asset> {
  const dir = path.join(webDist, ASSETS_DIR);
  const assets = new Map<string, Asset>();
  if (!fs.existsSync(dir)) return assets;
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
  const names = new Set(files);
  for (const file of files) {
    if (/\.(br|gz)$/.test(file) && names.has(file.replace(/\.(br|gz)$/, ''))) continue;
    const read = (f: string) => (names.has(f) ? fs.readFileSync(path.join(dir, f)) : undefined);
    assets.set(`/${ASSETS_DIR}/${file.split(path.sep).join('/')}`, {
      type: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      identity: read(file)!,
      br: read(`${file}.br`),
      gzip: read(`${file}.gz`),
    });
  }
  return assets;
}

/**
 * The encodings the browser accepts (Accept-Encoding): each named one but those it refuses
 * (q=0); with `*`, any it does not name and refuse.
 */
function acceptedEncodings(header: string | undefined): (encoding: string) => boolean {
  const quality = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) quality.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  return (encoding) => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0;
}

/** Serves the built portal, with its client-side routes falling back to index.html. */
export function registerPortal(app: FastifyInstance, webDist: string, opts: { sandbox: boolean }): void {
  const portal = loadPortal(webDist, opts);
  if (portal) {
    const assets = loadAssets(webDist);
    app.get(`/${ASSETS_DIR}/*`, (req, reply) => {
      const asset = assets.get(req.url.split('?')[0]!);
      if (!asset) return reply.callNotFound();
      const accepts = acceptedEncodings(req.headers['accept-encoding']);
      const [encoding, body] = asset.br && accepts('br') ? ['br', asset.br] : asset.gzip && accepts('gzip') ? ['gzip', asset.gzip] : [undefined, asset.identity];
      if (encoding) reply.header('content-encoding', encoding);
      return reply
        .type(asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'accept-encoding')
        .header('content-length', body.length)
        .send(body);
    });
    // The files beside the assets (robots.txt and the like), checked on every use.
    app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      globIgnore: [`${ASSETS_DIR}/**`],
      cacheControl: false,
      setHeaders(res) {
        res.setHeader('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (portal && isPage) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(portal.html(req.url.split('?')[0]!));
    }
    return sendError(req, reply, 'not_found');
  });
}
