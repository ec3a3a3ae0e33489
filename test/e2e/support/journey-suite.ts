// One language's journeys, at 360 px and at a desktop width, against a server of their own
// (so that the two languages run side by side).
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { runIdentityJourney } from './journey';
import { startServer, type RunningServer } from './server';

export function identityJourneys(language: 'ar' | 'en'): void {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe(`register, activate at an ATM, log in (${language === 'ar' ? 'Arabic' : 'English'})`, () => {
    for (const viewport of ['mobile', 'desktop'] as const) {
      it(`at ${viewport === 'mobile' ? '360 px' : 'desktop'} width`, () => runIdentityJourney({ browser, baseURL: server.url, language, viewport }));
    }
  });
}
