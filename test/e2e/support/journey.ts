// The identity journey as a person lives it: register with a sandbox person, read the code on
// the sandbox "phone", activate at the sandbox ATM, log in, see the activation on the
// dashboard, log out. Every page is checked with axe and photographed.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ar } from '../../../src/web/i18n/ar';
import { en } from '../../../src/web/i18n/en';
import { newContext, visit, type VIEWPORTS } from './browser';

export type JourneyOptions = { browser: Browser; baseURL: string; language: 'ar' | 'en'; viewport: keyof typeof VIEWPORTS };

const PASSWORD = 'نخلة الواحة 2026 green';

/** Follows a main-menu link, opening the menu first on narrow screens. */
async function menu(page: Page, name: string): Promise<void> {
  const link = page.getByRole('link', { name, exact: true });
  if (!(await link.first().isVisible())) {
    await page.getByRole('button', { name: /menu|القائمة/ }).click();
  }
  await page.getByRole('link', { name, exact: true }).first().click();
}

/** The newest 6-digit code in the sandbox inbox that was not seen before. */
async function newCode(phone: Page, seen: Set<string>): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const bodies = await phone.getByTestId('sms-body').allTextContents();
    for (const body of bodies) {
      const code = body.match(/\b(\d{6})\b/)?.[1];
      if (code && !seen.has(code)) {
        seen.add(code);
        return code;
      }
    }
    await phone.getByTestId('sms-refresh').click();
    await phone.waitForTimeout(250);
  }
  throw new Error('no new code arrived in the sandbox inbox');
}

export async function runIdentityJourney({ browser, baseURL, language, viewport }: JourneyOptions): Promise<void> {
  const journey = `${language}-${viewport}`;
  const L = language === 'ar' ? ar : en;
  const context = await newContext(browser, viewport, baseURL);
  const page = await context.newPage();
  const seenCodes = new Set<string>();

  // Home: Arabic, right to left, unless English was chosen (and then remembered).
  await page.goto('/');
  await page.waitForSelector('html[lang="ar"][dir="rtl"]');
  if (language === 'en') {
    await page.getByTestId('language-switch').click();
    await page.waitForSelector('html[lang="en"][dir="ltr"]');
    await page.reload();
    await page.waitForSelector('html[lang="en"][dir="ltr"]');
  }
  await page.getByRole('heading', { level: 1, name: L.home.title }).waitFor();
  await page.getByRole('navigation', { name: L.nav.sandboxLabel }).waitFor();
  await visit(page, journey, '01-home');

  // A new synthetic citizen from the sandbox registry.
  await page.getByRole('link', { name: L.nav.personas, exact: true }).click();
  await page.getByTestId('create-citizen').waitFor();
  // After a navigation, focus is on the new page's heading, not left on a vanished link.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(L.sandbox.personas.title);
  await page.getByTestId('create-citizen').click();
  await page.getByTestId('synthetic-person').waitFor();
  const idNumber = (await page.getByTestId('person-id-number').textContent())!.trim();
  const mobile = (await page.getByTestId('person-mobile').textContent())!.trim();
  expect(idNumber).toMatch(/^1\d{9}$/);
  await visit(page, journey, '02-sandbox-personas');

  // Registration, step 1: the data (the person's arrive filled in).
  await page.getByTestId('register-person').click();
  await page.getByTestId('idNumber').waitFor();
  expect(await page.getByTestId('idNumber').inputValue()).toBe(idNumber);
  await page.getByTestId('username').fill(`user.${idNumber}`);
  await visit(page, journey, '03-register-data');
  await page.getByTestId('next').click();

  // Step 2: the terms, as the server publishes them.
  await page.getByTestId('terms-text').waitFor();
  expect((await page.getByTestId('terms-text').textContent())!.length).toBeGreaterThan(50);
  await page.getByTestId('accept-terms').check();
  await visit(page, journey, '04-register-terms');
  await page.getByTestId('next').click();

  // Step 3: the SMS code, read on the sandbox phone in another tab.
  await page.getByTestId('code').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
  await page.getByTestId('resend-countdown').waitFor();
  await visit(page, journey, '05-register-code');
  const phone = await context.newPage();
  await phone.goto(`/sandbox/sms?to=${encodeURIComponent(mobile)}`);
  const registrationCode = await newCode(phone, seenCodes);
  await visit(phone, journey, '06-sandbox-sms-inbox');
  await page.bringToFront();
  await page.getByTestId('code').fill(registrationCode);
  await page.getByTestId('verify').click();

  // Step 4: the password, any script.
  await page.getByTestId('password').waitFor();
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('confirm').fill(PASSWORD);
  await visit(page, journey, '07-register-password');
  await page.getByTestId('save-password').click();

  // Step 5: registered; the three ways to activate.
  await page.getByTestId('registration-done').waitFor();
  await visit(page, journey, '08-register-done');

  // Activation at a Riyad Bank ATM (the simulator signs as the bank).
  await page.getByRole('link', { name: L.registration.done.sandboxAtm }).click();
  await page.getByTestId('bank-atm-riyadbank').click();
  await page.getByTestId('atm-id-number').fill(idNumber);
  await page.getByTestId('atm-cardholder').fill(idNumber);
  await page.getByTestId('atm-activate').click();
  await page.getByTestId('activation-result').waitFor();
  expect(await page.getByTestId('result-status').textContent()).toBe(L.statuses.active);
  await visit(page, journey, '09-sandbox-atm');

  // Log in: the password, then a new code.
  await menu(page, L.nav.login);
  await page.getByTestId('login').fill(`user.${idNumber}`);
  await page.getByTestId('password').fill(PASSWORD);
  await visit(page, journey, '10-login');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('code').waitFor();
  await visit(page, journey, '11-login-code');
  await phone.bringToFront();
  const loginCode = await newCode(phone, seenCodes);
  await page.bringToFront();
  await page.getByTestId('code').fill(loginCode);
  await page.getByTestId('verify').click();

  // The dashboard shows what the API says: both names, the identity, the ATM activation.
  await page.waitForURL('**/dashboard');
  await page.getByTestId('account-card').waitFor();
  expect(await page.getByTestId('id-number').textContent()).toBe(idNumber);
  expect(await page.getByTestId('status').textContent()).toBe(L.statuses.active);
  expect(await page.getByTestId('activation-channel').textContent()).toBe(L.channels.atm);
  expect((await page.getByTestId('name-ar').textContent())!.trim().length).toBeGreaterThan(2);
  expect((await page.getByTestId('name-en').textContent())!.trim().length).toBeGreaterThan(2);
  expect(await page.getByTestId('activated-at').textContent()).toContain(L.common.hijri);
  await visit(page, journey, '12-dashboard');

  // Log out; the dashboard then asks to log in again, and comes back after.
  if (!(await page.getByTestId('logout').first().isVisible())) await page.getByRole('button', { name: /menu|القائمة/ }).click();
  await page.getByTestId('logout').filter({ visible: true }).click();
  await page.waitForFunction(() => location.pathname === '/');
  await page.goto('/dashboard');
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/dashboard');
  await page.getByTestId('login').waitFor();

  await context.close();
}
