// An e-service as a head of family lives it: log in as a sandbox persona, see the documents
// and the people on the dashboard, apply for an exit and re-entry visa for someone they act
// for, read the eligibility answer and the fee, submit, pay the bill at the ATM simulator, and
// see the request issued, and the SMS telling of it among the dashboard's notifications. In Arabic at a desktop width (the head of family and his domestic
// worker) and in English on a 360 px phone (the resident and his wife), against one server.
// Every page is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';
import { launchBrowser, newContext, visit, type VIEWPORTS } from './support/browser';
import { logIn, chooseLanguage, type PersonaKey } from './support/personas';
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

type Journey = {
  name: string;
  language: 'ar' | 'en';
  viewport: keyof typeof VIEWPORTS;
  persona: PersonaKey;
  beneficiary: string;
  relation: 'domestic_worker' | 'family';
};

async function runVisaJourney(j: Journey): Promise<void> {
  const L = j.language === 'ar' ? ar : en;
  const context = await newContext(browser, j.viewport, server.url);
  const page = await context.newPage();

  // The catalogue on the home page, from the API, in the chosen language.
  await chooseLanguage(page, j.language);
  await page.getByTestId('service-exit_reentry_visa').waitFor();
  expect(await page.getByTestId('service-exit_reentry_visa').textContent()).toContain(L.eservices.params.single_base_halalas);
  await visit(page, j.name, '01-home-catalogue');

  await logIn(context, page, j.persona);

  // The dashboard: documents with both calendars, the people, no requests yet.
  await page.getByTestId('document-passport').waitFor();
  expect(await page.getByTestId('document-passport').textContent()).toContain(L.common.hijri);
  await page.getByTestId(`person-${j.beneficiary}`).waitFor();
  if (j.relation === 'domestic_worker') expect(await page.getByTestId(`person-${j.beneficiary}`).textContent()).toContain(L.eservices.people.relations.domestic_worker);
  await page.getByText(L.eservices.requests.none).waitFor();
  await page.getByTestId('recent-access').getByTestId('access-entry').first().waitFor();
  await visit(page, j.name, '02-dashboard');

  // The service page: the beneficiary, a single visa for two months.
  await page.goto('/');
  await page.getByTestId('service-exit_reentry_visa').getByRole('link').click();
  await page.waitForURL((url) => url.pathname === '/services/exit_reentry_visa');
  await page.locator(`input[type="radio"][value="${j.beneficiary}"]`).check();
  await page.locator('input[type="radio"][value="single"]').check();
  await page.getByTestId('duration-months').fill('2');
  await visit(page, j.name, '03-service-form');

  // The eligibility answer and the fee before paying, each line named by the API.
  await page.getByTestId('quote').click();
  await page.getByTestId('eligible').waitFor();
  expect(await page.getByTestId('quote-total').textContent()).toContain('200.00');
  expect(await page.getByTestId('quote-lines').textContent()).toContain(j.language === 'ar' ? 'تأشيرة مفردة (المدة الأساسية)' : 'Single visa (base period)');
  await visit(page, j.name, '04-quote');

  // Submit: the request waits for its bill.
  await page.getByTestId('submit-request').click();
  await page.waitForURL((url) => url.pathname.startsWith('/requests/'));
  const requestUrl = new URL(page.url()).pathname;
  await page.getByTestId('bills').waitFor();
  expect(await page.getByTestId('request-status').textContent()).toBe(L.eservices.requests.statuses.awaiting_payment);
  const billNumber = (await page.getByTestId('bill-number').textContent())!.trim();
  const requestNumber = (await page.getByTestId('request-number').textContent())!.trim();
  expect(billNumber).toMatch(/^\d{6,20}$/);
  expect(await page.getByTestId('bill-amount').textContent()).toContain('200.00');
  await visit(page, j.name, '05-request-awaiting-payment');

  // Pay the bill at the ATM simulator (signed as the bank).
  await page.getByTestId('pay-at-atm').click();
  await page.waitForURL((url) => url.pathname === '/sandbox/atm');
  expect(await page.getByTestId('pay-bill-number').inputValue()).toBe(billNumber);
  expect(await page.getByTestId('pay-amount').inputValue()).toBe('200.00');
  await page.getByTestId('pay-bill').click();
  await page.getByTestId('payment-result').waitFor();
  await visit(page, j.name, '06-atm-paid');

  // The request is issued, the bill paid with its receipt.
  await page.goto(requestUrl);
  await page.getByTestId('request-status').filter({ hasText: L.eservices.requests.statuses.issued }).waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('bill-status').textContent()).toBe(L.eservices.bills.statuses.paid);
  expect((await page.getByTestId('bill-receipt').textContent())!.trim().length).toBeGreaterThan(3);
  await page.getByTestId('issued-document').first().waitFor();
  await visit(page, j.name, '07-request-issued');

  // The dashboard lists it with its bill, and the SMS that told of it among the notifications, dated in both calendars.
  await page.goto('/dashboard');
  await page.getByTestId('my-requests').getByText(billNumber).waitFor();
  const notice = page.getByTestId('my-notifications').getByTestId('notification').filter({ hasText: requestNumber });
  await notice.waitFor();
  expect(await notice.textContent()).toContain(L.common.hijri);
  await visit(page, j.name, '08-dashboard-after');

  if (j.viewport === 'desktop') {
    // The same request on a 360 px phone.
    const mobile = await newContext(browser, 'mobile', server.url);
    await mobile.addCookies(await context.cookies());
    const small = await mobile.newPage();
    await small.goto(requestUrl);
    await small.getByTestId('request-status').filter({ hasText: L.eservices.requests.statuses.issued }).waitFor();
    await visit(small, `${j.name}-360`, '01-request-issued');
    await mobile.close();
  }
  await context.close();
}

describe('e-services', () => {
  it('applies for an exit and re-entry visa for a domestic worker, pays at the ATM and sees it issued (Arabic, desktop)', () =>
    runVisaJourney({ name: 'eservices-ar', language: 'ar', viewport: 'desktop', persona: 'family', beneficiary: '2000000550', relation: 'domestic_worker' }));

  it('applies for an exit and re-entry visa for a wife, pays at the ATM and sees it issued (English, 360 px)', () =>
    runVisaJourney({ name: 'eservices-en-360', language: 'en', viewport: 'mobile', persona: 'resident', beneficiary: '2000000410', relation: 'family' }));
});
