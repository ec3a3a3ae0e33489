// The first visit downloads at most 300 KB of gzipped JavaScript: the entry chunk and what it
// imports statically. Every other page is a chunk of its own, fetched when first visited; the
// build lists each page's chunk for the server (which names it in the page's index.html) and
// writes compressed copies of the assets for the server to send. English is a chunk of its own
// too, and of Mantine's styles the build carries those of the components the portal uses
// (src/web/app/mantine.css), all of them.
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';

const DIST = path.resolve(process.env.WEB_DIST ?? 'dist/web');
const BUDGET_BYTES = 300 * 1024;

type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

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

  it('leaves the English words out of the first visit: they are fetched for those who choose them', () => {
    const manifest = readManifest();
    const entry = Object.values(manifest).find((c) => c.isEntry)!;
    const english = manifest['i18n/en.ts'];
    expect(english?.file).toBeDefined();
    expect(entry.dynamicImports).toContain('i18n/en.ts');
    const entryCode = fs.readFileSync(path.join(DIST, entry.file), 'utf8');
    // A sentence of each: the Arabic one is in the entry, the English one only in its chunk.
    expect(entryCode).toContain(ar.app.skipToContent);
    expect(entryCode).not.toContain(en.app.skipToContent);
    expect(fs.readFileSync(path.join(DIST, english!.file), 'utf8')).toContain(en.app.skipToContent);
  });

  it("styles every Mantine component the code uses, with no component's styles it does not", () => {
    const files = (ext: string) => fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith(ext));
    const classes = (text: string) => new Set(text.match(/\bm_[0-9a-f]{8}\b/g) ?? []);
    const used = new Set(files('.js').flatMap((f) => [...classes(fs.readFileSync(path.join(DIST, 'assets', f), 'utf8'))]));
    const styled = new Set(files('.css').flatMap((f) => [...classes(fs.readFileSync(path.join(DIST, 'assets', f), 'utf8'))]));
    // Where Mantine defines each class: the file to add to src/web/app/mantine.css for one missing.
    const stylesDir = path.resolve('node_modules/@mantine/core/styles');
    const definedIn = new Map<string, string>();
    for (const f of fs.readdirSync(stylesDir).filter((f) => f.endsWith('.css') && !f.endsWith('.layer.css'))) {
      for (const c of classes(fs.readFileSync(path.join(stylesDir, f), 'utf8'))) definedIn.set(c, f);
    }
    const unstyled = [...used].filter((c) => !styled.has(c)).map((c) => `${c} (${definedIn.get(c) ?? 'not a Mantine class'})`);
    expect(unstyled, 'Mantine classes in the code with no styles: add their files to src/web/app/mantine.css').toEqual([]);

    const listed = [...fs.readFileSync(path.resolve('src/web/app/mantine.css'), 'utf8').matchAll(/@import '@mantine\/core\/styles\/([\w-]+\.css)';/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(3);
    const base = new Set(['baseline.css', 'default-css-variables.css', 'global.css']);
    const unused = listed.filter((f) => !base.has(f) && ![...classes(fs.readFileSync(path.join(stylesDir, f), 'utf8'))].some((c) => used.has(c)));
    expect(unused, 'styles of components the code does not use: remove them from src/web/app/mantine.css').toEqual([]);
    // Every page's styles are in the one file the entry brings (the charts' own, for supervisors, aside).
    const entry = Object.values(readManifest()).find((c) => c.isEntry)!;
    expect(entry.css).toHaveLength(1);
  });
});
