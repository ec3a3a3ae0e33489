// The built portal. Its hashed assets are sent as the build compressed them (brotli or gzip,
// as the browser accepts) and kept by the browser for a year: a new build names new files.
// Every other GET for a page answers index.html, never cached, which names the chunks of the
// page asked for (modulepreload) so that the browser fetches them beside the entry instead of
// after the entry has run and the router has asked for them. The page also says whether this
// server is a sandbox, which the portal would otherwise have to ask.
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

/** Serves the built portal, with its client-side routes falling back to index.html. */
export function registerPortal(app: FastifyInstance, webDist: string, opts: { sandbox: boolean }): void {
  const portal = loadPortal(webDist, opts);
  if (portal) {
    const assets = path.join(path.resolve(webDist), ASSETS_DIR) + path.sep;
    app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, file) {
        res.setHeader('cache-control', file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('vary', 'accept-encoding');
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
