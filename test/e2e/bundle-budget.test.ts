// The first visit downloads at most 300 KB of gzipped JavaScript: the entry chunk and what it
// imports statically. Every other page is a chunk of its own, fetched when first visited; the
// build lists each page's chunk for the server (which names it in the page's index.html) and
// writes compressed copies of the assets for the server to send.
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(process.env.WEB_DIST ?? 'dist/web');
const BUDGET_BYTES = 300 * 1024;

type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };

const readManifest = () => JSON.parse(fs.readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

describe('the portal bundle', () => {
  it('keeps the initial JavaScript within 300 KB gzipped', () => {
    const manifest = readManifest();
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
    expect(entry).toBeDefined();
    const initial = new Set<string>();
    const walk = (key: string) => {
      if (initial.has(key)) return;
      initial.add(key);
      for (const dep of manifest[key]?.imports ?? []) walk(dep);
    };
    walk(entry!);
    const sizes = [...initial].map((k) => ({ file: manifest[k]!.file, gzip: gzipSync(fs.readFileSync(path.join(DIST, manifest[k]!.file))).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.info(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.length} file(s)`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    // The pages behind the home page are not part of it.
    expect(Object.values(manifest).some((c) => c.file.includes('registration-page'))).toBe(true);
    expect(sizes.some((s) => s.file.includes('registration-page'))).toBe(false);
  });

  it("lists each page's chunk for the server, and ships the assets compressed", () => {
    const manifest = readManifest();
    const pages = JSON.parse(fs.readFileSync(path.join(DIST, '.vite/pages.json'), 'utf8')) as Record<string, string>;
    expect(pages['dashboard']).toBe(manifest['features/dashboard/dashboard-page.tsx']!.file);
    expect(pages['services/:code']).toBe(manifest['features/eservices/service-page.tsx']!.file);
    // A page other pages import from shares a chunk with them: the chunk that holds it.
    expect(Object.values(manifest).map((c) => c.file)).toContain(pages['establishments/:id']);
    const entry = Object.values(manifest).find((c) => c.isEntry)!.file;
    const raw = fs.readFileSync(path.join(DIST, entry));
    expect(brotliDecompressSync(fs.readFileSync(path.join(DIST, `${entry}.br`))).equals(raw)).toBe(true);
    expect(gunzipSync(fs.readFileSync(path.join(DIST, `${entry}.gz`))).equals(raw)).toBe(true);
  });
});
