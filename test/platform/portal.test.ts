// The built portal as the server sends it: hashed assets compressed as the build wrote them and
// cached for good, index.html never cached and naming the chunks of the page asked for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';

const ENTRY_JS = 'assets/index-Abc123.js';
const ENTRY_CSS = 'assets/index-Def456.css';
const DASHBOARD_JS = 'assets/dashboard-page-Ghi789.js';
const DASHBOARD_CSS = 'assets/facts-Jkl012.css';
const SHARED_JS = 'assets/require-auth-Mno345.js';
const SERVICE_JS = 'assets/service-page-Pqr678.js';
const NOT_FOUND_JS = 'assets/not-found-page-Stu901.js';
const WORKER_JS = 'assets/worker-page-Vwx234.js';
const ESTABLISHMENT_JS = 'assets/establishment-page-Yz0567.js';

/** A portal as `vite build` leaves it, on a small scale. */
function buildDist(dir: string): string {
  const entry = `console.log(${JSON.stringify('the portal '.repeat(400))});`;
  const files: Record<string, string> = {
    'index.html': `<!doctype html>\n<html lang="ar" dir="rtl">\n  <head>\n    <title>t</title>\n    <script type="module" crossorigin src="/${ENTRY_JS}"></script>\n    <link rel="stylesheet" crossorigin href="/${ENTRY_CSS}">\n  </head>\n  <body><div id="root"></div></body>\n</html>\n`,
    [ENTRY_JS]: entry,
    [ENTRY_CSS]: 'body{margin:0}',
    [DASHBOARD_JS]: 'export const a = 1;',
    [DASHBOARD_CSS]: '.facts{}',
    [SHARED_JS]: 'export const b = 2;',
    [SERVICE_JS]: 'export const c = 3;',
    [NOT_FOUND_JS]: 'export const d = 4;',
    [WORKER_JS]: 'export const e = 5;',
    [ESTABLISHMENT_JS]: 'export const f = 6;',
    'robots.txt': 'User-agent: *\n',
    '.vite/manifest.json': JSON.stringify({
      'index.html': { file: ENTRY_JS, isEntry: true, css: [ENTRY_CSS], dynamicImports: ['features/dashboard/dashboard-page.tsx'] },
      'features/dashboard/dashboard-page.tsx': { file: DASHBOARD_JS, isDynamicEntry: true, imports: ['index.html', '_require-auth-Mno345.js'], css: [DASHBOARD_CSS] },
      '_require-auth-Mno345.js': { file: SHARED_JS, imports: ['index.html'] },
      'features/eservices/service-page.tsx': { file: SERVICE_JS, isDynamicEntry: true, imports: ['index.html', '_require-auth-Mno345.js'] },
      'features/not-found/not-found-page.tsx': { file: NOT_FOUND_JS, isDynamicEntry: true, imports: ['index.html'] },
      'features/establishments/worker-page.tsx': { file: WORKER_JS, isDynamicEntry: true, imports: ['index.html', '_establishment-page-Yz0567.js'] },
      '_establishment-page-Yz0567.js': { file: ESTABLISHMENT_JS, imports: ['index.html', '_require-auth-Mno345.js'] },
    }),
    '.vite/pages.json': JSON.stringify({
      dashboard: DASHBOARD_JS,
      'services/:code': SERVICE_JS,
      'establishments/:id': ESTABLISHMENT_JS,
      'establishments/:id/workers/:workerId': WORKER_JS,
      '*': NOT_FOUND_JS,
    }),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.writeFileSync(path.join(dir, `${ENTRY_JS}.br`), brotliCompressSync(entry));
  fs.writeFileSync(path.join(dir, `${ENTRY_JS}.gz`), gzipSync(entry));
  return entry;
}

let t: TestContext;
let dist: string;
let entry: string;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'absher-portal-'));
  entry = buildDist(dist);
  t = await createTestApp({ env: { WEB_DIST: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const page = (url: string) => t.app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml' } });
const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g)].map((m) => m[1]);

describe('the hashed assets', () => {
  it('are sent as the build compressed them, brotli first, and kept for a year', async () => {
    const res = await t.app.inject({ url: `/${ENTRY_JS}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(entry);
    expect(res.rawPayload.length).toBeLessThan(entry.length / 5);
  });

  it('are sent gzipped to a browser that takes no brotli, and as they are to one that takes neither', async () => {
    const gz = await t.app.inject({ url: `/${ENTRY_JS}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(entry);

    const plain = await t.app.inject({ url: `/${ENTRY_JS}`, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(entry);
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
  });

  it('are sent as they are when the build wrote no compressed copy (too small to gain)', async () => {
    const res = await t.app.inject({ url: `/${DASHBOARD_JS}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export const a = 1;');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('are sent gzipped to a browser that refuses brotli (q=0), and answer HEAD with their headers alone', async () => {
    const refused = await t.app.inject({ url: `/${ENTRY_JS}`, headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(refused.rawPayload).toString()).toBe(entry);

    const head = await t.app.inject({ method: 'HEAD', url: `/${ENTRY_JS}`, headers: { 'accept-encoding': 'br' } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(brotliCompressSync(entry).length);
    expect(head.rawPayload.length).toBe(0);
  });

  it('answer a file the build did not write as not found, whatever the query string', async () => {
    const res = await t.app.inject({ url: '/assets/index-Nope000.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await t.app.inject({ url: `/${DASHBOARD_JS}?v=2` })).body).toBe('export const a = 1;');
  });

  it('are sent compressed to a browser that accepts any encoding (*), and styles as CSS', async () => {
    const any = await t.app.inject({ url: `/${ENTRY_JS}`, headers: { 'accept-encoding': '*' } });
    expect(any.headers['content-encoding']).toBe('br');
    const notBrotli = await t.app.inject({ url: `/${ENTRY_JS}`, headers: { 'accept-encoding': 'br;q=0, *' } });
    expect(notBrotli.headers['content-encoding']).toBe('gzip');
    const css = await t.app.inject({ url: `/${ENTRY_CSS}` });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe('body{margin:0}');
  });

  it('are the only files under /assets: a path that climbs out of the folder finds nothing', async () => {
    for (const url of ['/assets/..%2f.vite%2fmanifest.json', '/assets/..%2F..%2Fpackage.json', '/assets/', '/assets']) {
      const res = await t.app.inject({ url, headers: { accept: '*/*' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('not_found');
    }
    expect((await t.app.inject({ url: '/.vite/manifest.json' })).statusCode).toBe(404);
  });

  it('leaves the files outside the hashed folder to be checked on every use', async () => {
    const res = await t.app.inject({ url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('index.html', () => {
  it('names, for the dashboard, its chunk, what the chunk imports and its styles, and is never cached', async () => {
    const res = await page('/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(preloads(res.body)).toEqual([DASHBOARD_JS, SHARED_JS]);
    expect(res.body).toContain(`<link rel="stylesheet" crossorigin href="/${DASHBOARD_CSS}">`);
    // The entry is already named once, by its own script tag.
    expect(res.body.split(ENTRY_JS)).toHaveLength(2);
    // Inside the head, after the entry.
    expect(res.body.indexOf(DASHBOARD_JS)).toBeGreaterThan(res.body.indexOf(ENTRY_JS));
    expect(res.body.indexOf(DASHBOARD_JS)).toBeLessThan(res.body.indexOf('</head>'));
  });

  it('matches a page by its path pattern, the most specific first, ignoring the query string', async () => {
    expect(preloads((await page('/services/exit_reentry_visa?delegation=x')).body)).toEqual([SERVICE_JS, SHARED_JS]);
    expect(preloads((await page('/establishments/7000100000')).body)).toEqual([ESTABLISHMENT_JS, SHARED_JS]);
    expect(preloads((await page('/establishments/7000100000/workers/2000000008')).body)).toEqual([WORKER_JS, ESTABLISHMENT_JS, SHARED_JS]);
    expect(preloads((await page('/Dashboard/')).body)).toEqual([DASHBOARD_JS, SHARED_JS]);
    // No page of its own: the catch-all's.
    expect(preloads((await page('/no/such/page')).body)).toEqual([NOT_FOUND_JS]);
  });

  it('names no chunk for the home page, which is part of the entry', async () => {
    const res = await page('/');
    expect(res.statusCode).toBe(200);
    expect(preloads(res.body)).toEqual([]);
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('says the server is a sandbox', async () => {
    expect((await page('/login')).body).toContain('<meta name="absher-mode" content="sandbox">');
  });

  it('is not what an unknown API path answers', async () => {
    const res = await t.app.inject({ url: '/api/v1/no-such-thing', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('a build without the list of pages (an older build)', () => {
  let old: TestContext;
  let oldDist: string;
  beforeAll(async () => {
    oldDist = fs.mkdtempSync(path.join(os.tmpdir(), 'absher-portal-old-'));
    buildDist(oldDist);
    fs.rmSync(path.join(oldDist, '.vite/pages.json'));
    old = await createTestApp({ env: { WEB_DIST: oldDist, ABSHER_MODE: 'sandbox' } });
  });
  afterAll(async () => {
    await old.close();
    fs.rmSync(oldDist, { recursive: true, force: true });
  });

  it('is served all the same, without preloads', async () => {
    const res = await old.app.inject({ url: '/dashboard', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(preloads(res.body)).toEqual([]);
    expect(res.body).toContain(ENTRY_JS);
  });
});
