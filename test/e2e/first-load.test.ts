// A page's first load, in a new browser: the API requests its route needs leave from index.html
// while the portal's code is still on its way, and the portal takes their answers rather than
// asking a second time; a visitor who chose English sees English from the first render, never
// Arabic meanwhile (and Arabic, not a blank page, when those words cannot be fetched); an
// Arabic visitor never fetches the English words, and gets them when switching.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageRequests } from '../../src/web/app/early-requests';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';
import { launchBrowser, newContext } from './support/browser';
import { logIn } from './support/personas';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let citizen: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const context = await newContext(browser, 'desktop', server.url);
  await logIn(context, await context.newPage(), 'citizen');
  citizen = await context.storageState();
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A new browser context, as a first visit is: the citizen's session, or nobody's; a language remembered or not. */
async function firstVisit(opts: { session: boolean; language?: 'en' }): Promise<{ context: BrowserContext; page: Page }> {
  const origins = opts.language ? [{ origin: server.url, localStorage: [{ name: 'absher.language', value: opts.language }] }] : [];
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 900 },
    storageState: { cookies: opts.session ? citizen.cookies : [], origins },
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Every GET the page makes to the API, by path and query. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname.startsWith('/api/')) seen.push(url.pathname + url.search);
  });
  return seen;
}

/** Holds back the responses of matching files until released. */
function holdBack(page: Page, pattern: RegExp): Promise<() => void> {
  const held: Route[] = [];
  let released = false;
  const release = () => {
    released = true;
    for (const route of held.splice(0)) void route.continue();
  };
  return page
    .route(
      (url) => pattern.test(url.pathname),
      (route) => (released ? route.continue() : void held.push(route)),
    )
    .then(() => release);
}

describe("a page's first load", () => {
  it("sends the dashboard's API requests before the portal's code has come, and asks for each once", async () => {
    const { context, page } = await firstVisit({ session: true });
    const requested = apiRequests(page);
    const expected = pageRequests('/dashboard', new URLSearchParams(), true);
    expect(expected.length).toBeGreaterThan(3);
    // The portal's entry is held back: what reaches the API meanwhile was sent by index.html.
    const release = await holdBack(page, /^\/assets\/index-[\w-]+\.js$/);
    await page.goto('/dashboard', { waitUntil: 'commit' });
    await expect.poll(() => expected.filter((p) => requested.includes(p)), { timeout: 10_000 }).toEqual(expected);
    release();
    await page.getByTestId('my-requests').waitFor();
    await page.getByTestId('my-documents').waitFor();
    await page.waitForLoadState('networkidle');
    for (const path of expected) expect(requested.filter((p) => p === path), path).toHaveLength(1);
    await context.close();
  });

  it('shows a visitor who chose English the page in English from the first render, never Arabic meanwhile', async () => {
    const { context, page } = await firstVisit({ session: false, language: 'en' });
    // Every text the portal adds to the page (in its root), from the start: what a flash would leave.
    await page.addInitScript(() => {
      const texts: string[] = [];
      (window as unknown as { addedTexts: string[] }).addedTexts = texts;
      new MutationObserver((records) => {
        const root = document.getElementById('root');
        for (const r of records) {
          if (!root?.contains(r.target)) continue;
          if (r.type === 'characterData') texts.push(r.target.textContent ?? '');
          for (const n of r.addedNodes) if (n.textContent) texts.push(n.textContent);
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: en.home.title }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    const added = await page.evaluate(() => (window as unknown as { addedTexts: string[] }).addedTexts.join('\n'));
    // Arabic letters only in the switch's label, which names the other language in its own.
    const arabic = added.replaceAll(en.nav.otherLanguage, '').match(/[\u0600-\u06ff][\u0600-\u06ff ]+/g) ?? [];
    expect(arabic).toEqual([]);
    expect(added).toContain(en.home.title);
    await context.close();
  });

  it('starts in Arabic when the English words cannot be fetched, rather than showing nothing', async () => {
    const { context, page } = await firstVisit({ session: false, language: 'en' });
    await page.route(
      (url) => /^\/assets\/en-[\w-]+\.js$/.test(url.pathname),
      (route) => route.abort(),
    );
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: ar.home.title }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await context.close();
  });

  it('leaves the English words to those who ask for them: fetched on the switch, then shown', async () => {
    const { context, page } = await firstVisit({ session: false });
    const english: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/en-[\w-]+\.js$/.test(new URL(r.url()).pathname)) english.push(r.url());
    });
    await page.goto('/');
    await page.waitForSelector('html[lang="ar"][dir="rtl"]');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(english).toEqual([]);
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: en.home.title }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(english).toHaveLength(1);
    // Remembered: the next visit starts in English.
    expect(await page.evaluate(() => localStorage.getItem('absher.language'))).toBe('en');
    await context.close();
  });
});
