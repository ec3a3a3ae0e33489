// The other individuals' e-service forms, as people fill them in, against one server:
// - a head of family renews his son's passport, to be collected at an office chosen from the
//   API's list (Arabic, 360 px), and gets the bill;
// - a resident records his daughter's new passport (transfer of information) and asks for a
//   final exit visa for his wife, both free and issued at once (English, desktop).
// Every page is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';
import { launchBrowser, newContext, visit } from './support/browser';
import { chooseLanguage, logIn } from './support/personas';
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

const SON = '1000000529';
const WIFE = '2000000410';
const DAUGHTER = '2000000428';

/** A day `days` from today, as the date inputs take it. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('e-service forms', () => {
  it('renews a son’s passport to be collected at an office, and gets the bill (Arabic, 360 px)', async () => {
    const journey = 'passport-renewal-ar-360';
    const context = await newContext(browser, 'mobile', server.url);
    const page = await context.newPage();
    await logIn(context, page, 'family');

    await page.goto('/services/passport_renew');
    await page.locator(`input[type="radio"][value="${SON}"]`).check();
    await page.locator('input[type="radio"][value="5"]').check();
    await page.locator('input[type="radio"][value="collect"]').check();
    // The offices come from the API, named in the interface language.
    await page.getByTestId('office').click();
    await page.getByRole('option', { name: 'جوازات منطقة المدينة المنورة' }).click();
    await visit(page, journey, '01-form');

    await page.getByTestId('quote').click();
    await page.getByTestId('eligible').waitFor();
    expect(await page.getByTestId('quote-lines').textContent()).toContain('جواز صالح 5 سنوات');
    expect(await page.getByTestId('quote-total').textContent()).toContain('300.00');
    await visit(page, journey, '02-quote');

    await page.getByTestId('submit-request').click();
    await page.waitForURL((url) => url.pathname.startsWith('/requests/'));
    await page.getByTestId('bills').waitFor();
    expect(await page.getByTestId('request-status').textContent()).toBe(ar.eservices.requests.statuses.awaiting_payment);
    expect(await page.getByTestId('fee-lines').textContent()).toContain('جواز صالح 5 سنوات');
    expect(await page.getByTestId('bill-amount').textContent()).toContain('300.00');
    await visit(page, journey, '03-request-awaiting-payment');
    await context.close();
  });

  it('records a daughter’s new passport and gets a final exit visa for a wife, both issued at once (English, desktop)', async () => {
    const journey = 'resident-forms-en';
    const context = await newContext(browser, 'desktop', server.url);
    const page = await context.newPage();
    await chooseLanguage(page, 'en');
    await logIn(context, page, 'resident');

    // Transfer of information: the new passport's number and dates.
    await page.goto('/services/transfer_of_information');
    await page.locator(`input[type="radio"][value="${DAUGHTER}"]`).check();
    await page.getByLabel(en.eservices.apply.passportNumber).fill('Z7654321');
    await page.getByLabel(en.eservices.apply.issuedOn).fill(day(-3));
    await page.getByLabel(en.eservices.apply.expiresOn).fill(day(5 * 365));
    await visit(page, journey, '01-transfer-form');
    await page.getByTestId('quote').click();
    await page.getByTestId('eligible').waitFor();
    expect(await page.getByTestId('quote-total').textContent()).toContain('0.00');
    await visit(page, journey, '02-transfer-quote');
    await page.getByTestId('submit-request').click();
    await page.waitForURL((url) => url.pathname.startsWith('/requests/'));
    await page.getByTestId('request-status').filter({ hasText: en.eservices.requests.statuses.issued }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('issued-document').first().textContent()).toContain('Z7654321');
    await visit(page, journey, '03-transfer-issued');

    // Final exit: no fields of its own; the eligibility answer, then issued at once.
    await page.goto('/services/final_exit_visa');
    await page.locator(`input[type="radio"][value="${WIFE}"]`).check();
    await page.getByText(en.eservices.apply.noFields).waitFor();
    await visit(page, journey, '04-final-exit-form');
    await page.getByTestId('quote').click();
    await page.getByTestId('eligible').waitFor();
    await visit(page, journey, '05-final-exit-quote');
    await page.getByTestId('submit-request').click();
    await page.waitForURL((url) => url.pathname.startsWith('/requests/'));
    await page.getByTestId('request-status').filter({ hasText: en.eservices.requests.statuses.issued }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('issued-document').first().textContent()).toContain(en.eservices.documents.kinds.final_exit_visa);
    await visit(page, journey, '06-final-exit-issued');
    await context.close();
  });
});
