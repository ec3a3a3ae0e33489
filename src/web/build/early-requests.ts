// index.html's first script: app/early-requests.ts, compiled and written into the page itself,
// so that a page's API requests leave as soon as the browser reads the page's head, with no
// file to fetch first and before the entry's 150 KB have arrived and run.
import fs from 'node:fs/promises';
import { transformWithEsbuild, type Plugin } from 'vite';

/** The module compiled into one statement that runs it: no globals left behind. */
export async function earlyRequestsScript(moduleFile: string): Promise<string> {
  const source = await fs.readFile(moduleFile, 'utf8');
  const { code } = await transformWithEsbuild(source, moduleFile, { format: 'iife', globalName: 'early', minify: true, target: 'es2022' });
  return `(()=>{${code.trim()}early.startEarlyRequests()})();`;
}

/**
 * Right after the charset, which must come within the page's first kilobyte, and before the
 * stylesheets: a script after a stylesheet would wait for it to load.
 *
 * An inline script: should the server ever send a Content-Security-Policy, its script-src must
 * name this script's hash ('sha256-…' of the text between the tags, which changes whenever
 * app/early-requests.ts does), or the browser will not run it and every page will ask for its
 * data only once the entry has run, as it did before.
 */
export function earlyRequests(moduleFile: string): Plugin {
  return {
    name: 'absher:early-requests',
    async transformIndexHtml(html) {
      const charset = /<meta charset="[^"]+"\s*\/?>/i.exec(html);
      if (!charset) throw new Error('index.html has no <meta charset>: the early requests have no place');
      const at = charset.index + charset[0].length;
      return `${html.slice(0, at)}\n    <script>${await earlyRequestsScript(moduleFile)}</script>${html.slice(at)}`;
    },
  };
}
