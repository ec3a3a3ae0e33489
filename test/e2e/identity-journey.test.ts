import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { runIdentityJourney } from './support/journey';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('register, activate at an ATM, log in', () => {
  for (const language of ['ar', 'en'] as const) {
    for (const viewport of ['mobile', 'desktop'] as const) {
      it(`in ${language === 'ar' ? 'Arabic' : 'English'} at ${viewport === 'mobile' ? '360 px' : 'desktop'} width`, () =>
        runIdentityJourney({ browser, baseURL: server.url, language, viewport }));
    }
  }
});
