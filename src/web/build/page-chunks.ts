// Which chunk each page of the portal loads, for the server: it names that chunk (and what the
// chunk imports) in the index.html it answers for the page, so that the browser fetches them
// beside the entry instead of after the entry has run. The router is the one list of pages;
// this reads its lazy routes (`{ path: '...', lazy: () => import('...') }`, one level under the
// shell) and writes `.vite/pages.json`: each path pattern and the file of the chunk that holds
// its module (a page that other pages import from shares its chunk with them; a page small
// enough to be merged into the entry has nothing to preload and is left out).
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export const PAGES_FILE = '.vite/pages.json';

const LAZY_ROUTE = /path:\s*'([^']+)',\s*lazy:\s*\(\)\s*=>\s*import\('([^']+)'\)/g;

/** The router's lazy pages: path pattern → module file, absolute. */
export function lazyPages(routerFile: string): Map<string, string> {
  const source = fs.readFileSync(routerFile, 'utf8');
  const pages = new Map<string, string>();
  for (const [, pattern, specifier] of source.matchAll(LAZY_ROUTE)) {
    const base = path.resolve(path.dirname(routerFile), specifier!);
    const file = ['.tsx', '.ts'].map((ext) => base + ext).find((f) => fs.existsSync(f));
    if (!file) throw new Error(`${routerFile}: the page of '${pattern}' (${specifier}) is not a .tsx or .ts file`);
    pages.set(pattern!, file);
  }
  // A lazy route written another way would be silently missed: refuse it instead.
  const lazy = source.match(/\blazy:/g)?.length ?? 0;
  if (lazy !== pages.size) throw new Error(`${routerFile}: ${lazy} lazy routes, ${pages.size} read as { path: '...', lazy: () => import('...') }`);
  return pages;
}

export function pageChunks(routerFile: string): Plugin {
  return {
    name: 'absher:page-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const pages: Record<string, string> = {};
      for (const [pattern, file] of lazyPages(routerFile)) {
        const chunk = chunks.find((c) => c.moduleIds.includes(file));
        if (!chunk) this.error(`the page of '${pattern}' (${file}) is in no chunk`);
        if (!chunk.isEntry) pages[pattern] = chunk.fileName;
      }
      this.emitFile({ type: 'asset', fileName: PAGES_FILE, source: JSON.stringify(pages, null, 2) });
    },
  };
}
