// The paths beside the main journey: a wrong password refused in the interface language; the
// two other ways to activate, the airport kiosk simulator (fingerprints read from the sandbox
// registry) and the officer console (after checking the original document); a forgotten
// password reset with the SMS code. One server and one browser for all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { errorCatalogue } from '../../src/server/errors';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';
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

const SANDBOX_PASSWORD = 'Absher-Sandbox-2026';

/** The newest code sent to a mobile, read on the sandbox inbox page. */
async function codeFor(page: Page, mobile: string, not?: string): Promise<string> {
  await page.goto(`/sandbox/sms?to=${encodeURIComponent(mobile)}`);
  for (let i = 0; i < 40; i++) {
    const first = await page.getByTestId('sms-body').first().textContent().catch(() => null);
    const code = first?.match(/\b(\d{6})\b/)?.[1];
    if (code && code !== not) return code;
    await page.getByTestId('sms-refresh').click();
    await page.waitForTimeout(250);
  }
  throw new Error(`no code for ${mobile}`);
}

describe('other ways to activate', () => {
  it('activates the registered persona with fingerprints at the airport kiosk simulator (English)', async () => {
    const context = await newContext(browser, 'desktop', server.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByTestId('language-switch').click();
    await page.waitForSelector('html[lang="en"]');
    await page.getByRole('link', { name: en.nav.kiosk, exact: true }).click();
    // The "registered" demo persona: registered, never activated.
    await page.getByTestId('kiosk-id-number').fill('1000000024');
    await page.getByTestId('kiosk-scan').click();
    await page.getByTestId('activation-result').waitFor();
    expect(await page.getByTestId('result-status').textContent()).toBe(en.statuses.active);
    await visit(page, 'identity-paths', 'kiosk-en');
    await context.close();
  });

  it('lets an officer activate an account after checking the original document (Arabic, 360 px)', async () => {
    const { person } = await buildAccount(server.deps.database.db, { status: 'registered' });
    const context = await newContext(browser, 'mobile', server.url);
    const page = await context.newPage();
    // The console is behind the login: it sends the officer there and back.
    await page.goto('/office');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login').fill('demo.officer');
    await page.getByTestId('password').fill(SANDBOX_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('code').waitFor();
    const phone = await context.newPage();
    const code = await codeFor(phone, '+966500000006');
    await page.getByTestId('code').fill(code);
    await page.getByTestId('verify').click();
    await page.waitForURL((url) => url.pathname === '/office');
    await page.getByTestId('office-id-number').fill(person.idNumber);
    await page.getByTestId('office-lookup').click();
    await page.getByTestId('office-person').waitFor();
    expect(await page.getByTestId('office-status').textContent()).toBe(ar.statuses.registered);
    await visit(page, 'identity-paths', 'office-lookup-ar');
    await page.getByTestId('document-checked').check();
    await page.getByTestId('office-activate').click();
    await page.getByTestId('office-activated').waitFor();
    await page.getByText(ar.statuses.active).first().waitFor();
    await visit(page, 'identity-paths', 'office-activated-ar');
    await context.close();
  });

  it('resets a forgotten password with the SMS code (Arabic)', async () => {
    const { person, account } = await buildAccount(server.deps.database.db);
    const context = await newContext(browser, 'desktop', server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: ar.login.forgot }).click();
    await page.getByTestId('idNumber').fill(person.idNumber);
    await page.getByTestId('mobile').fill(person.mobile.replace('+966', '0'));
    await visit(page, 'identity-paths', 'reset-details-ar');
    await page.getByTestId('next').click();
    await page.getByTestId('code').waitFor();
    const phone = await context.newPage();
    await page.getByTestId('code').fill(await codeFor(phone, person.mobile));
    await page.getByTestId('verify').click();
    await page.getByTestId('password').fill('طريق الحرير 1447 red');
    await page.getByTestId('confirm').fill('طريق الحرير 1447 red');
    await page.getByTestId('save-password').click();
    await page.getByTestId('reset-done').waitFor();
    await visit(page, 'identity-paths', 'reset-done-ar');
    // The new password works.
    await page.getByRole('link', { name: ar.nav.login }).last().click();
    await page.getByTestId('login').fill(account.username);
    await page.getByTestId('password').fill('طريق الحرير 1447 red');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('code').waitFor();
    await context.close();
  });
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
    await visit(page, 'identity-paths', 'login-wrong-password-ar');
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
    await visit(page, 'identity-paths', 'login-wrong-password-en-mobile');
    // The field labels follow the switch too.
    expect(await page.getByText(ar.fields.login).count()).toBe(0);
    await context.close();
  });
});
