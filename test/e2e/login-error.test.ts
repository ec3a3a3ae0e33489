// A wrong password is refused with the server's message in the interface language: Arabic
// by default, English after the switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { errorCatalogue } from '../../src/server/errors';
import { ar } from '../../src/web/i18n/ar';
import { buildAccount } from '../helpers/factories';
import { launchBrowser, newContext, visit } from './support/browser';
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

describe('login refused', () => {
  it('shows the Arabic message for a wrong password', async () => {
    const { account } = await buildAccount(server.deps.database.db);
    const context = await newContext(browser, 'desktop', server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.waitForSelector('html[lang="ar"][dir="rtl"]');
    await page.getByTestId('login').fill(account.username);
    await page.getByTestId('password').fill('not the password at all');
    await page.getByTestId('login-submit').click();
    const alert = page.getByTestId('form-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(errorCatalogue.invalid_credentials.ar);
    // Arabic text is never laid out left to right by accident.
    expect(await alert.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await visit(page, 'login-error', 'ar-wrong-password');
    await context.close();
  });

  it('shows the English message after switching the language', async () => {
    const { account } = await buildAccount(server.deps.database.db);
    const context = await newContext(browser, 'mobile', server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('language-switch').click();
    await page.waitForSelector('html[lang="en"][dir="ltr"]');
    await page.getByTestId('login').fill(account.idNumber);
    await page.getByTestId('password').fill('still not the password');
    await page.getByTestId('login-submit').click();
    const alert = page.getByTestId('form-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(errorCatalogue.invalid_credentials.en);
    await visit(page, 'login-error', 'en-wrong-password-mobile');
    // The field labels follow the switch too.
    expect(await page.getByText(ar.fields.login).count()).toBe(0);
    await context.close();
  });
});
