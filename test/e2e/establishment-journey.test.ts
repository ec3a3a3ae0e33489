// An establishment renews a worker's iqama and the officer hands over the card, as the people
// involved live it, in Arabic: the demo owner opens his establishment, narrows the workers
// table to what expires, downloads the CSV, selects a worker and renews his iqama for a year
// with the card to be collected at the Riyadh office, pays the bill at the ATM simulator and
// sees the request issued and the card printed; the officer at the Riyadh office confirms the
// card's arrival, refuses a collector who is not entitled, hands it over to the owner, and
// records paper transactions (refused at 100 workers, recorded at 101). Desktop, then the same
// pages at 360 px. Every page is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ar } from '../../src/web/i18n/ar';
import { launchBrowser, newContext, visit } from './support/browser';
import { logIn } from './support/personas';
import { startServer, type RunningServer } from './support/server';

const L = ar;
const OWNER = { login: 'demo.owner', mobile: '+966500000008', idNumber: '1000000081' };
const OFFICER = { login: 'demo.officer', mobile: '+966500000006' };
const CITIZEN_ID = '1000000016';
const ESTABLISHMENT = '7000100000';
const PAPER_AT_LIMIT = '7000000100';
const PAPER_ABOVE_LIMIT = '7000000101';
// Raju Kumar: his iqama expires in 12 days (a renewal without the late fee).
const WORKER = '2000000816';
const FAR_WORKER = '2000000865';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Chooses an option of a Mantine select by its visible label. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('an establishment renews a worker’s iqama and the officer hands over the card (Arabic)', () => {
  it('desktop, then 360 px', { timeout: 240_000 }, async () => {
    const journey = 'establishment-ar-desktop';
    const owner = await newContext(browser, 'desktop', server.url);
    const page = await owner.newPage();
    await logIn(owner, page, OWNER);

    // The establishments: the open one, and the two not yet opened on Absher.
    await page.getByRole('navigation', { name: L.nav.label }).getByRole('link', { name: L.nav.establishments }).click();
    await page.waitForURL((url) => url.pathname === '/establishments');
    await page.getByTestId(`establishment-${ESTABLISHMENT}`).waitFor();
    await page.getByTestId(`open-on-absher-${PAPER_AT_LIMIT}`).waitFor();
    await visit(page, journey, '01-establishments');

    // The workers table: every worker, with warnings for what expires.
    await page.getByTestId(`open-establishment-${ESTABLISHMENT}`).click();
    await page.waitForURL((url) => url.pathname === `/establishments/${ESTABLISHMENT}`);
    await page.getByTestId(`worker-${WORKER}`).waitFor();
    expect(await page.getByTestId('establishment-id').textContent()).toBe(ESTABLISHMENT);
    expect(await page.getByTestId(`warnings-${WORKER}`).textContent()).toContain('الإقامة');
    expect(await page.getByTestId(`worker-${WORKER}`).textContent()).toContain(L.common.hijri);
    await page.getByTestId(`worker-${FAR_WORKER}`).waitFor();
    await visit(page, journey, '02-workers');

    // Only what expires within 30 days: the far iqama leaves the table; sorted by iqama expiry.
    await choose(page, 'filter-expiring', L.establishments.workers.within.replace('{{days}}', '30'));
    await page.getByTestId(`worker-${FAR_WORKER}`).waitFor({ state: 'detached' });
    await choose(page, 'sort', L.establishments.workers.sorts.iqama_expiry);
    await page.waitForURL((url) => url.searchParams.get('sort') === 'iqama_expiry' && url.searchParams.get('expiring') === '30');
    await page.getByTestId(`worker-${WORKER}`).waitFor();
    await visit(page, journey, '03-workers-expiring');

    // The CSV of the same rows, downloaded with the session.
    const csvHref = await page.getByTestId('workers-csv').getAttribute('href');
    expect(csvHref).toContain('expiring=30');
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const csvText = await csv.text();
    expect(csvText).toContain(WORKER);
    expect(csvText).not.toContain(FAR_WORKER);

    // Select the worker and renew his iqama for a year, the card at the Riyadh office.
    await page.getByTestId(`select-${WORKER}`).check();
    expect(await page.getByTestId('selected-count').textContent()).toBe(L.establishments.renew.selected_one);
    await page.getByTestId('quarters-4').check();
    await choose(page, 'renew-office', 'جوازات منطقة الرياض');
    await visit(page, journey, '04-renew-form');
    await page.getByTestId('renew-submit').click();
    await page.getByTestId('renew-results').waitFor();
    expect(await page.getByTestId(`outcome-${WORKER}`).textContent()).toBe(L.establishments.renew.outcomes.submitted);
    const billNumber = (await page.getByTestId(`bill-${WORKER}`).textContent())!.trim();
    expect(billNumber).toMatch(/^\d{6,20}$/);
    const amount = (await page.getByTestId(`amount-${WORKER}`).textContent())!;
    expect(amount).toMatch(/\d+\.\d{2}/);
    const requestHref = await page.getByTestId(`request-link-${WORKER}`).getAttribute('href');
    await visit(page, journey, '05-renew-results');

    // Pay the bill at the ATM simulator (signed as the bank).
    await page.getByTestId(`pay-${WORKER}`).click();
    await page.waitForURL((url) => url.pathname === '/sandbox/atm');
    expect(await page.getByTestId('pay-bill-number').inputValue()).toBe(billNumber);
    await page.getByTestId('pay-bill').click();
    await page.getByTestId('payment-result').waitFor();
    await visit(page, journey, '06-atm-paid');

    // The request is issued.
    await page.goto(requestHref!);
    await page.getByTestId('request-status').filter({ hasText: L.eservices.requests.statuses.issued }).waitFor({ timeout: 20_000 });
    await page.getByTestId('issued-document').first().waitFor();
    await visit(page, journey, '07-request-issued');

    // The worker's services open the service pages with the establishment and the worker chosen.
    await page.goto(`/establishments/${ESTABLISHMENT}/workers/${WORKER}`);
    await page.getByTestId('worker-id-number').waitFor();
    await visit(page, journey, '08-worker-services');
    await page.getByTestId('worker-service-exit_reentry_visa').click();
    await page.waitForURL((url) => url.pathname === '/services/exit_reentry_visa' && url.searchParams.get('establishment') === ESTABLISHMENT);
    await page.getByTestId('acting-for-establishment').waitFor();
    expect(await page.getByTestId('beneficiary-id-number').inputValue()).toBe(WORKER);
    await page.getByTestId('quote').click();
    await page.getByTestId('quote-result').waitFor();
    await visit(page, journey, '09-service-for-worker');

    // The establishment's cards: the new one printed, on its way to the Riyadh office.
    await page.goto(`/establishments/${ESTABLISHMENT}/cards`);
    await page.getByTestId(`card-status-${WORKER}`).waitFor();
    expect(await page.getByTestId(`card-status-${WORKER}`).textContent()).toBe(L.establishments.cards.statuses.printed);
    await visit(page, journey, '10-cards-printed');

    // The officer at the Riyadh office.
    const officeContext = await newContext(browser, 'desktop', server.url);
    const office = await officeContext.newPage();
    await logIn(officeContext, office, OFFICER);
    await office.goto('/office');
    const cards = office.getByTestId('office-cards');
    await cards.getByTestId(`card-${WORKER}`).waitFor();
    await visit(office, journey, '11-office-cards-printed');
    await cards.getByTestId(`mark-ready-${WORKER}`).click();
    await office.getByTestId('office-cards-notice').waitFor();
    // The owner is told on his phone.
    const sms = await office.request.get(`/api/v1/sandbox/sms?to=${encodeURIComponent(OWNER.mobile)}&limit=1`);
    expect(((await sms.json()) as { messages: Array<{ body: string }> }).messages[0]!.body).toMatch(/\S/);

    // Ready: a collector who is not entitled is refused, the owner is handed the card.
    await cards.locator('label[for$="-ready"]').click();
    const form = cards.getByTestId(`handover-${WORKER}`);
    await form.waitFor();
    await form.getByTestId('collector-id-number').fill(CITIZEN_ID);
    await form.getByTestId('collector-checked').check();
    await form.getByTestId('hand-over').click();
    await form.getByTestId('form-error').waitFor();
    await visit(office, journey, '12-office-handover-refused');
    await form.getByTestId('collector-id-number').fill(OWNER.idNumber);
    await form.getByTestId('hand-over').click();
    await office.getByTestId('office-cards-notice').filter({ hasText: L.office.cards.collectorRoles.establishment_owner }).waitFor();
    await visit(office, journey, '13-office-handed-over');

    // Paper: refused for the establishment of 100 workers, recorded for the one of 101.
    const paper = office.getByTestId('paper-transactions');
    await paper.getByTestId('paper-establishment').fill(PAPER_AT_LIMIT);
    await choose(office, 'paper-service', 'تجديد إقامة');
    await paper.getByTestId('paper-beneficiary').fill(WORKER);
    await paper.getByTestId('paper-submit').click();
    await paper.getByTestId('paper-refused').waitFor();
    expect(await paper.getByTestId('paper-refused').textContent()).toContain('100');
    await visit(office, journey, '14-office-paper-refused');
    await paper.getByTestId('paper-establishment').fill(PAPER_ABOVE_LIMIT);
    await paper.getByTestId('paper-submit').click();
    await paper.getByTestId('paper-recorded').waitFor();
    await paper.getByTestId('paper-list').getByText(PAPER_ABOVE_LIMIT).waitFor();
    await visit(office, journey, '15-office-paper-recorded');

    // The owner sees the card handed over.
    await page.reload();
    await page.getByTestId(`card-status-${WORKER}`).filter({ hasText: L.establishments.cards.statuses.handed_over }).waitFor();
    await visit(page, journey, '16-cards-handed-over');

    // The same pages on a 360 px phone.
    const phoneJourney = 'establishment-ar-360';
    const small = await newContext(browser, 'mobile', server.url);
    await small.addCookies(await owner.cookies());
    const phone = await small.newPage();
    await phone.goto('/establishments');
    await phone.getByTestId(`establishment-${ESTABLISHMENT}`).waitFor();
    await visit(phone, phoneJourney, '01-establishments');
    await phone.goto(`/establishments/${ESTABLISHMENT}`);
    await phone.getByTestId(`worker-${WORKER}`).waitFor();
    await visit(phone, phoneJourney, '02-workers');
    await phone.goto(`/establishments/${ESTABLISHMENT}/cards`);
    await phone.getByTestId(`card-status-${WORKER}`).waitFor();
    await visit(phone, phoneJourney, '03-cards');
    const smallOffice = await newContext(browser, 'mobile', server.url);
    await smallOffice.addCookies(await officeContext.cookies());
    const officePhone = await smallOffice.newPage();
    await officePhone.goto('/office');
    await officePhone.getByTestId('paper-list').waitFor();
    await visit(officePhone, phoneJourney, '04-office');

    await Promise.all([owner.close(), officeContext.close(), small.close(), smallOffice.close()]);
  });
});
