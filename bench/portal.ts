// The portal as a person's browser gets it: for each main page, the time from the start of the
// navigation until the page is usable (its heading and the content its data fills in are on
// screen, and no loader is left in the main area), with a cold cache (a new browser context)
// and a warm one (the same page visited again); for the cold loads, when the entry script
// arrived and when the page's API requests left and were answered. Beside it, ceilings measured
// in the same run by the same browser against the same server: a static file of the built
// portal, `/healthz`, and the bare `GET /api/v1/offices`.
//
//   node --import tsx bench/portal.ts [--loads 5] [--web-dist DIR]
//
// The portal is built into a temporary folder (or DIR, already built, is served as it is); the
// server runs in a child process on PGlite in a temporary DATA_DIR, in sandbox mode, and seeds
// the demo personas on its first start. Debian's Chromium, driven by playwright-core.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ar } from '../src/web/i18n/ar';
import { createEngine } from './lib/engines';
import { REPO_ROOT, startAbsher, type ServerProcess } from './lib/processes';

const { values } = parseArgs({
  options: {
    loads: { type: 'string', default: '5' },
    'web-dist': { type: 'string' },
  },
});
const LOADS = Number(values.loads);
if (!Number.isInteger(LOADS) || LOADS < 1) throw new Error('--loads must be a positive integer');
const TARGET_MS = 1000;
const TIMEOUT_MS = 30_000;
const VIEWPORT = { width: 1280, height: 900 };
const PASSWORD = 'Absher-Sandbox-2026';

type Persona = 'citizen' | 'owner' | 'officer';
const PERSONAS: Record<Persona, { login: string; mobile: string }> = {
  citizen: { login: 'demo.citizen', mobile: '+966500000001' },
  owner: { login: 'demo.owner', mobile: '+966500000008' },
  officer: { login: 'demo.officer', mobile: '+966500000006' },
};

/** A page, who looks at it, and what must be on screen for it to be usable. */
type PageSpec = { name: string; path: string; as?: Persona; ready: string[]; readyText: string };

const PAGES: PageSpec[] = [
  { name: 'home', path: '/', ready: ['main h1', '[data-testid="service-exit_reentry_visa"]'], readyText: 'heading; the e-services catalogue (from the API)' },
  { name: 'login', path: '/login', ready: ['main h1', '[data-testid="login"]', '[data-testid="login-submit"]'], readyText: 'heading; the login form' },
  {
    name: 'dashboard',
    path: '/dashboard',
    as: 'citizen',
    ready: ['main h1', '[data-testid="account-card"]', '[data-testid="my-documents"]', '[data-testid="my-requests"]'],
    readyText: 'heading; account, documents, requests (every section loaded)',
  },
  {
    name: 'e-service',
    path: '/services/exit_reentry_visa',
    as: 'citizen',
    ready: ['main h1', 'main form [data-testid="quote"]'],
    readyText: 'heading; the application form',
  },
  {
    name: 'establishment workers',
    path: '/establishments/7000100000',
    as: 'owner',
    ready: ['main h1', '[data-testid="workers"] tr[data-testid^="worker-"]'],
    readyText: 'heading; the workers table with its rows',
  },
  {
    name: 'office console',
    path: '/office',
    as: 'officer',
    ready: ['main h1', '[data-testid="queue-printed-count"]', '[data-testid="office-cards"]', '[data-testid="paper-transactions"]'],
    readyText: 'heading; the card queue, the cards, paper transactions',
  },
  {
    name: 'statistics',
    path: '/statistics',
    ready: ['main h1', '[data-testid="statistics-period"]', '[data-testid="summary-e-transactions"]'],
    readyText: 'heading; the summary figures',
  },
];

/**
 * Runs in the page on every animation frame (usableProbe): once every selector matches an
 * element that is laid out and the main area shows no loader, the time since the navigation
 * started.
 */
function usableAt({ selectors, loadingLabel }: { selectors: string[]; loadingLabel: string }): number | false {
  // No inner named functions: tsx would wrap them in a helper the page does not have.
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    if (el === null || el.getClientRects().length === 0) return false;
  }
  const main = document.querySelector('main');
  if (!main || main.querySelector(`.mantine-Loader-root, [aria-busy="true"], [aria-label="${loadingLabel}"]`)) return false;
  return performance.now();
}

type Transfer = {
  jsBytes: number;
  cssBytes: number;
  jsFiles: number;
  cssFiles: number;
  /** When the entry script had arrived, the first API request left and the last API answer had come (ms from the navigation's start). */
  entryArrived: number | null;
  apiFirstSent: number | null;
  apiLastAnswered: number | null;
};

/**
 * JavaScript and CSS fetched by this document so far, as bytes on the wire (0 from the cache);
 * and when the entry script and the API's answers came.
 */
function transferred(entryScript: string): Transfer {
  const t: Transfer = { jsBytes: 0, cssBytes: 0, jsFiles: 0, cssFiles: 0, entryArrived: null, apiFirstSent: null, apiLastAnswered: null };
  for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const p = new URL(e.name).pathname;
    if (p.endsWith('.js')) {
      t.jsBytes += e.transferSize;
      t.jsFiles++;
      if (p === entryScript) t.entryArrived = e.responseEnd;
    } else if (p.endsWith('.css')) {
      t.cssBytes += e.transferSize;
      t.cssFiles++;
    } else if (p.startsWith('/api/')) {
      t.apiFirstSent = Math.min(t.apiFirstSent ?? e.startTime, e.startTime);
      t.apiLastAnswered = Math.max(t.apiLastAnswered ?? e.responseEnd, e.responseEnd);
    }
  }
  return t;
}

type Load = { ms: number; transfer: Transfer };

/**
 * Installed in every document of a page's context before the portal's own scripts: checks
 * usableAt on every animation frame and keeps the first time it holds. Not Playwright's
 * waitForFunction, which first installs Playwright's own script in the page: evaluated on the
 * page's main thread while the portal loads, it took 30 to 180 ms of it in this bench's runs.
 */
function usableProbe(spec: PageSpec): string {
  const args = JSON.stringify({ selectors: spec.ready, loadingLabel: ar.app.loading });
  return `window.__benchUsable = new Promise((resolve) => {
    const usableAt = ${usableAt.toString()};
    const check = () => {
      const at = usableAt(${args});
      if (at === false) requestAnimationFrame(check);
      else resolve(at);
    };
    requestAnimationFrame(check);
  });`;
}

async function loadPage(page: Page, spec: PageSpec, entryScript: string): Promise<Load> {
  await page.goto(spec.path, { waitUntil: 'commit' });
  let ms: number;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
    });
    ms = await Promise.race([page.evaluate(() => (window as unknown as { __benchUsable: Promise<number> }).__benchUsable), timeout]);
  } catch (err) {
    const missing = await page.evaluate((sels) => sels.filter((s) => !document.querySelector(s)), spec.ready).catch(() => spec.ready);
    throw new Error(`${spec.name} (${spec.path}) not usable after ${TIMEOUT_MS} ms at ${page.url()}; missing: ${missing.join(', ') || 'none (a loader stayed)'}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
  return { ms, transfer: await page.evaluate(transferred, entryScript) };
}

/** A navigation to a file or route the server answers directly: until its load event. */
async function loadFile(page: Page, url: string): Promise<number> {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res?.ok()) throw new Error(`${url}: ${res?.status()}`);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.loadEventEnd || nav.responseEnd : Number.NaN;
  });
}

/** A file loaded in a new context, then again from its cache. */
async function fileColdWarm(browser: Browser, url: string, file: string): Promise<[number, number]> {
  const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cold = await loadFile(page, file);
    await page.goto('about:blank');
    return [cold, await loadFile(page, file)];
  } finally {
    await context.close();
  }
}

/** The newest 6-digit code sent to the mobile, through the sandbox handset's inbox. */
async function latestCode(url: string, mobile: string): Promise<string | null> {
  const res = await fetch(`${url}/api/v1/sandbox/sms?to=${encodeURIComponent(mobile)}`);
  if (!res.ok) throw new Error(`GET /api/v1/sandbox/sms: ${res.status}`);
  const { messages } = (await res.json()) as { messages: Array<{ body: string }> };
  return messages[0]?.body.match(/\b(\d{6})\b/)?.[1] ?? null;
}

/** Logs in through the login page, as a person does, and keeps the session's cookies. */
async function logIn(browser: Browser, url: string, who: Persona): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const { login, mobile } = PERSONAS[who];
  const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT });
  context.setDefaultTimeout(TIMEOUT_MS);
  try {
    const page = await context.newPage();
    const before = await latestCode(url, mobile);
    await page.goto('/login');
    await page.getByTestId('login').fill(login);
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('code').waitFor();
    let code: string | null = null;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      code = await latestCode(url, mobile);
      if (code && code !== before) break;
      code = null;
    }
    if (!code) throw new Error(`no login code for ${login}`);
    await page.getByTestId('code').fill(code);
    await page.getByTestId('verify').click();
    await page.waitForURL((u) => u.pathname === '/dashboard');
    return await context.storageState();
  } finally {
    await context.close();
  }
}

function entryFiles(webDist: string): { css: string; js: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(webDist, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; css?: string[] }>;
  const entry = Object.values(manifest).find((c) => c.isEntry);
  const css = entry?.css?.[0];
  if (!entry || !css) throw new Error('the manifest names no entry, or no CSS for it');
  return { css, js: entry.file };
}

const p50 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const max = (xs: number[]) => Math.max(...xs);
const ms = (x: number) => (x >= 100 ? `${Math.round(x).toLocaleString('en')} ms` : `${x.toFixed(1)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function main() {
  const started = new Date();
  const loadBefore = loadAverage();
  let webDist = values['web-dist'] ? path.resolve(values['web-dist']) : '';
  let builtHere = false;
  let buildMs: number | null = null;
  if (!webDist) {
    // As `npm run build:web`, into a folder of our own; NODE_ENV=production for React's production build.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'absher-bench-web-'));
    builtHere = true;
    const t0 = performance.now();
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', WEB_DIST: webDist },
    });
    buildMs = performance.now() - t0;
  }
  const { css, js: entryJs } = entryFiles(webDist);
  const cssSize = fs.statSync(path.join(webDist, css)).size;

  const engine = await createEngine('pglite', '', false);
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    const t0 = performance.now();
    server = await startAbsher({ dataDir: engine.dataDir, webDist });
    const startMs = performance.now() - t0;
    const url = server.url;
    // As test/e2e/support/browser.ts launches it.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const sessions: Partial<Record<Persona, Awaited<ReturnType<typeof logIn>>>> = {};
    for (const who of Object.keys(PERSONAS) as Persona[]) sessions[who] = await logIn(browser, url, who);

    const results = new Map<string, { cold: number[]; warm: number[]; coldTransfer: Transfer[]; warmTransfer: Transfer[] }>();
    const ceilings = { staticCold: [] as number[], staticWarm: [] as number[], healthCold: [] as number[], healthWarm: [] as number[], officesBrowser: [] as number[], officesNode: [] as number[] };

    // Round 0 warms the server (its first requests compile and fill its caches) and is not kept.
    for (let round = 0; round <= LOADS; round++) {
      const keep = round > 0;
      for (const spec of PAGES) {
        const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT, storageState: spec.as ? sessions[spec.as] : undefined });
        context.setDefaultTimeout(TIMEOUT_MS);
        await context.addInitScript(usableProbe(spec));
        try {
          const page = await context.newPage();
          const cold = await loadPage(page, spec, `/${entryJs}`);
          // Away first: Chromium treats a navigation to the URL on screen as a reload.
          await page.goto('about:blank');
          const warm = await loadPage(page, spec, `/${entryJs}`);
          if (keep) {
            const r = results.get(spec.name) ?? { cold: [], warm: [], coldTransfer: [], warmTransfer: [] };
            r.cold.push(cold.ms);
            r.warm.push(warm.ms);
            r.coldTransfer.push(cold.transfer);
            r.warmTransfer.push(warm.transfer);
            results.set(spec.name, r);
          }
        } finally {
          await context.close();
        }
      }
      // The ceilings, in the same round, by the same browser: a static file and /healthz, each
      // cold (a new context) then warm, and the bare API answer from the page and from this process.
      const [staticCold, staticWarm] = await fileColdWarm(browser, url, `/${css}`);
      const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const healthCold = await loadFile(page, '/healthz');
        await page.goto('about:blank');
        const healthWarm = await loadFile(page, '/healthz');
        const officesBrowser = await page.evaluate(async () => {
          const t = performance.now();
          const res = await fetch('/api/v1/offices', { cache: 'no-store' });
          await res.arrayBuffer();
          if (!res.ok) throw new Error(`GET /api/v1/offices: ${res.status}`);
          return performance.now() - t;
        });
        const t = performance.now();
        const res = await fetch(`${url}/api/v1/offices`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`GET /api/v1/offices: ${res.status}`);
        const officesNode = performance.now() - t;
        if (keep) {
          ceilings.staticCold.push(staticCold);
          ceilings.staticWarm.push(staticWarm);
          ceilings.healthCold.push(healthCold);
          ceilings.healthWarm.push(healthWarm);
          ceilings.officesBrowser.push(officesBrowser);
          ceilings.officesNode.push(officesNode);
        }
      } finally {
        await context.close();
      }
      if (server.exited()) throw new Error(`the server ended during the run (${server.exited()}):\n${server.logTail().slice(-20).join('\n')}`);
    }

    const version = browser.version();
    const lines: string[] = [];
    lines.push(`Run of ${started.toISOString()} (${LOADS} loads per page, after one discarded round), Chromium ${version}, PGlite, ${os.availableParallelism()} cores.`);
    lines.push(`Load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after.`);
    lines.push(
      `${buildMs === null ? `Portal served from ${webDist}` : `Portal built in ${ms(buildMs)}`}; server ready (migrations and first-start seeding included) in ${ms(startMs)}.`,
    );
    lines.push('');
    // Two tables a page: when it was usable, and where its cold loads went.
    const usable: string[] = [];
    const timeline: string[] = [];
    for (const spec of PAGES) {
      const r = results.get(spec.name)!;
      const t = r.coldTransfer[r.coldTransfer.length - 1]!;
      const met = max(r.cold) <= TARGET_MS && max(r.warm) <= TARGET_MS;
      usable.push(
        `| ${spec.name} | \`${spec.path}\` | ${spec.as ? `demo.${spec.as}` : 'anyone'} | ${spec.readyText} | ${ms(p50(r.cold))} | ${ms(max(r.cold))} | ${ms(p50(r.warm))} | ${ms(max(r.warm))} | ${kb(t.jsBytes)} in ${t.jsFiles} files / ${kb(t.cssBytes)} in ${t.cssFiles} | ≤ 1 s | ${met ? 'met' : 'NOT met'} |`,
      );
      const at = (pick: (t: Transfer) => number | null) => {
        const xs = r.coldTransfer.map(pick).filter((x): x is number => x !== null);
        return xs.length ? ms(p50(xs)) : '—';
      };
      timeline.push(`| ${spec.name} | ${at((t) => t.entryArrived)} | ${at((t) => t.apiFirstSent)} | ${at((t) => t.apiLastAnswered)} | ${ms(p50(r.cold))} |`);
    }
    lines.push(
      'Time from the start of the navigation until the page is usable, 1280 × 900, Arabic:',
      '',
      '| page | path | as | usable when | cold p50 | cold max | warm p50 | warm max | JS / CSS on the cold load | target | met |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...usable,
      '',
      'Where the cold loads went (p50, ms from the start of the navigation): the entry script arrived, the first API request left, the last API answer came, the page was usable:',
      '',
      '| page | entry script arrived | first API request sent | last API answer | usable |',
      '|---|---|---|---|---|',
      ...timeline,
      '',
    );
    lines.push('Ceilings, measured in the same rounds by the same browser against the same server:');
    lines.push('');
    lines.push('| ceiling | cold p50 | cold max | warm p50 | warm max |');
    lines.push('|---|---|---|---|---|');
    lines.push(`| static file \`/${css}\` (${kb(cssSize)}), navigation until its load event | ${ms(p50(ceilings.staticCold))} | ${ms(max(ceilings.staticCold))} | ${ms(p50(ceilings.staticWarm))} | ${ms(max(ceilings.staticWarm))} |`);
    lines.push(`| \`/healthz\`, navigation until its load event | ${ms(p50(ceilings.healthCold))} | ${ms(max(ceilings.healthCold))} | ${ms(p50(ceilings.healthWarm))} | ${ms(max(ceilings.healthWarm))} |`);
    lines.push(`| \`GET /api/v1/offices\`, \`fetch\` in the page (no-store) | ${ms(p50(ceilings.officesBrowser))} | ${ms(max(ceilings.officesBrowser))} | — | — |`);
    lines.push(`| \`GET /api/v1/offices\` from the bench process | ${ms(p50(ceilings.officesNode))} | ${ms(max(ceilings.officesNode))} | — | — |`);
    lines.push('');
    lines.push(
      'Warm: the same page visited again in the same context (its files from the browser cache). JS / CSS: bytes on the wire ' +
        '(Resource Timing `transferSize`) of the files fetched until the page was usable. Met: every load, cold and warm, within the target.',
    );
    console.log(lines.join('\n'));
  } catch (err) {
    if (server) console.error(server.logTail().slice(-30).join('\n'));
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
    await engine.dispose();
    if (builtHere) fs.rmSync(webDist, { recursive: true, force: true });
  }
}

await main();
