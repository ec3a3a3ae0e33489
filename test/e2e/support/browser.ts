// Debian's Chromium, driven by playwright-core; every visited page is checked with axe and
// photographed for review.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const VIEWPORTS = {
  mobile: { width: 360, height: 780 },
  desktop: { width: 1280, height: 900 },
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, viewport: keyof typeof VIEWPORTS, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], baseURL, reducedMotion: 'reduce' });
  context.setDefaultTimeout(15_000);
  return context;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe finds no WCAG 2.2 AA violation on the page as it is now. */
export async function expectAccessible(page: Page, step: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  // For contrast, the colours and ratio axe measured say at once what to change.
  const why = (n: { any: Array<{ data?: unknown }> }) => {
    const d = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
    return d?.contrastRatio ? ` (${d.fgColor} on ${d.bgColor}: ${d.contrastRatio})` : '';
  };
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ') + why(n)).slice(0, 5).join('\n    ')}`,
  );
  expect(summary, `accessibility violations on ${step}`).toEqual([]);
}

/** A full-page screenshot in test-results/screenshots/<journey>/<step>.png. */
export async function screenshot(page: Page, journey: string, step: string): Promise<void> {
  const dir = path.resolve('test-results/screenshots', journey);
  await fs.mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${step}.png`), fullPage: true });
}

/** Both checks of a visited page, once it has settled. */
export async function visit(page: Page, journey: string, step: string): Promise<void> {
  // Pages that poll (the SMS inbox) never go idle for long; a short wait is enough.
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  await expectAccessible(page, `${journey}/${step}`);
  await screenshot(page, journey, step);
}
