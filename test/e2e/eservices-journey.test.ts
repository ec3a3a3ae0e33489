// An e-service as a head of family lives it (Arabic): log in as the sandbox persona, see the
// documents and the people on the dashboard, apply for an exit and re-entry visa for the
// domestic worker, read the eligibility answer and the fee, submit, pay the bill at the ATM
// simulator, and see the request issued. Every page is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ar } from '../../src/web/i18n/ar';
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
const WORKER = '2000000550';
const JOURNEY = 'eservices-ar';

async function codeFor(page: Page, mobile: string): Promise<string> {
  await page.goto(`/sandbox/sms?to=${encodeURIComponent(mobile)}`);
  for (let i = 0; i < 40; i++) {
    const first = await page.getByTestId('sms-body').first().textContent().catch(() => null);
    const code = first?.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    await page.getByTestId('sms-refresh').click();
    await page.waitForTimeout(250);
  }
  throw new Error(`no code for ${mobile}`);
}

describe('e-services (Arabic)', () => {
  it('applies for an exit and re-entry visa for a domestic worker, pays at the ATM and sees it issued', async () => {
    const context = await newContext(browser, 'desktop', server.url);
    const page = await context.newPage();

    // The catalogue on the home page, from the API.
    await page.goto('/');
    await page.waitForSelector('html[lang="ar"][dir="rtl"]');
    await page.getByTestId('service-exit_reentry_visa').waitFor();
    expect(await page.getByTestId('service-exit_reentry_visa').textContent()).toContain(ar.eservices.params.single_base_halalas);
    await visit(page, JOURNEY, '01-home-catalogue');

    // Log in as the head of family.
    await page.goto('/login');
    await page.getByTestId('login').fill('demo.family');
    await page.getByTestId('password').fill(SANDBOX_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('code').waitFor();
    const phone = await context.newPage();
    const code = await codeFor(phone, '+966500000005');
    await page.bringToFront();
    await page.getByTestId('code').fill(code);
    await page.getByTestId('verify').click();
    await page.waitForURL((url) => url.pathname === '/dashboard');

    // The dashboard: documents with both calendars, the people, no requests yet.
    await page.getByTestId('document-passport').waitFor();
    expect(await page.getByTestId('document-passport').textContent()).toContain(ar.common.hijri);
    await page.getByTestId(`person-${WORKER}`).waitFor();
    expect(await page.getByTestId(`person-${WORKER}`).textContent()).toContain(ar.eservices.people.relations.domestic_worker);
    await page.getByText(ar.eservices.requests.none).waitFor();
    await visit(page, JOURNEY, '02-dashboard');

    // The service page: the worker, a single visa for two months.
    await page.goto('/');
    await page.getByTestId('service-exit_reentry_visa').getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/services/exit_reentry_visa');
    await page.locator(`input[type="radio"][value="${WORKER}"]`).waitFor();
    await page.locator(`input[type="radio"][value="${WORKER}"]`).check();
    await page.locator('input[type="radio"][value="single"]').check();
    await page.getByTestId('duration-months').fill('2');
    await visit(page, JOURNEY, '03-service-form');

    // The eligibility answer and the fee before paying.
    await page.getByTestId('quote').click();
    await page.getByTestId('eligible').waitFor();
    expect(await page.getByTestId('quote-total').textContent()).toContain('200.00');
    await visit(page, JOURNEY, '04-quote');

    // Submit: the request waits for its bill.
    await page.getByTestId('submit-request').click();
    await page.waitForURL((url) => url.pathname.startsWith('/requests/'));
    const requestUrl = new URL(page.url()).pathname;
    await page.getByTestId('bills').waitFor();
    expect(await page.getByTestId('request-status').textContent()).toBe(ar.eservices.requests.statuses.awaiting_payment);
    const billNumber = (await page.getByTestId('bill-number').textContent())!.trim();
    expect(billNumber).toMatch(/^\d{6,20}$/);
    expect(await page.getByTestId('bill-amount').textContent()).toContain('200.00');
    await visit(page, JOURNEY, '05-request-awaiting-payment');

    // Pay the bill at the ATM simulator (signed as the bank).
    await page.getByTestId('pay-at-atm').click();
    await page.waitForURL((url) => url.pathname === '/sandbox/atm');
    expect(await page.getByTestId('pay-bill-number').inputValue()).toBe(billNumber);
    expect(await page.getByTestId('pay-amount').inputValue()).toBe('200.00');
    await page.getByTestId('pay-bill').click();
    await page.getByTestId('payment-result').waitFor();
    await visit(page, JOURNEY, '06-atm-paid');

    // The request is issued, the bill paid with its receipt.
    await page.goto(requestUrl);
    await page.getByTestId('request-status').filter({ hasText: ar.eservices.requests.statuses.issued }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('bill-status').textContent()).toBe(ar.eservices.bills.statuses.paid);
    expect((await page.getByTestId('bill-receipt').textContent())!.trim().length).toBeGreaterThan(3);
    await page.getByTestId('issued-document').first().waitFor();
    await visit(page, JOURNEY, '07-request-issued');

    // The dashboard lists it with its bill.
    await page.goto('/dashboard');
    await page.getByTestId('my-requests').getByText(billNumber).waitFor();
    await visit(page, JOURNEY, '08-dashboard-after');

    // The same request on a 360 px phone.
    const mobile = await newContext(browser, 'mobile', server.url);
    await mobile.addCookies(await context.cookies());
    const small = await mobile.newPage();
    await small.goto(requestUrl);
    await small.getByTestId('request-status').filter({ hasText: ar.eservices.requests.statuses.issued }).waitFor();
    await visit(small, `${JOURNEY}-360`, '01-request-issued');
    await mobile.close();
    await context.close();
  });
});
