// An establishment's owner manages its staff and follows its requests, in Arabic: the menu
// offers the establishments to him (and to a citizen only while authorized); he authorizes a
// citizen for two services, who then sees the establishment but not its staff page; he narrows
// the workers table with the nationality and profession lists, renews an iqama, finds the
// request with its bill on the establishment's requests page and opens it; he asks for a
// worker's profession change, the new profession chosen from the ministry's list; he revokes
// the authorization and the citizen loses the menu item. Desktop, then two pages at 360 px.
// Every page is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ar } from '../../src/web/i18n/ar';
import { launchBrowser, newContext, visit } from './support/browser';
import { logIn, PERSONAS } from './support/personas';
import { startServer, type RunningServer } from './support/server';

const L = ar;
const OWNER = { login: 'demo.owner', mobile: '+966500000008' };
const CITIZEN = PERSONAS.citizen;
const ESTABLISHMENT = '7000100000';
// Raju Kumar (India, electrician): his iqama expires in 12 days.
const WORKER = '2000000816';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const menuItem = (page: Page) => page.getByRole('navigation', { name: L.nav.label }).getByRole('link', { name: L.nav.establishments });

describe('an establishment’s owner manages its staff and follows its requests (Arabic)', () => {
  it('desktop, then 360 px', { timeout: 240_000 }, async () => {
    const journey = 'establishment-staff-ar-desktop';
    const owner = await newContext(browser, 'desktop', server.url);
    const page = await owner.newPage();
    const citizen = await newContext(browser, 'desktop', server.url);
    const other = await citizen.newPage();
    await Promise.all([logIn(owner, page, OWNER), logIn(citizen, other, CITIZEN)]);

    // The owner is offered the establishments; the citizen, who has none yet, is not.
    await menuItem(page).click();
    await other.getByTestId('logout').first().waitFor();
    await other.waitForLoadState('networkidle');
    expect(await menuItem(other).count()).toBe(0);

    // The staff page, from the establishment's page.
    await page.getByTestId(`open-establishment-${ESTABLISHMENT}`).click();
    await page.getByTestId('establishment-staff-link').click();
    await page.waitForURL((url) => url.pathname === `/establishments/${ESTABLISHMENT}/staff`);
    await page.getByTestId('staff-list').getByText(L.establishmentStaff.none).waitFor();
    await visit(page, journey, '01-staff-none');

    // A refusal lands on its field: a resident cannot be staff.
    await page.getByTestId('staff-id-number').fill(PERSONAS.resident.idNumber);
    await page.getByTestId('staff-service-iqama_renew').check();
    await page.getByTestId('staff-submit').click();
    await expect.poll(() => page.getByTestId('staff-id-number').getAttribute('aria-invalid')).toBe('true');

    // Authorize the citizen for two services.
    await page.getByTestId('staff-id-number').fill(CITIZEN.idNumber);
    await page.getByTestId('staff-service-exit_reentry_visa').check();
    await page.getByTestId('staff-submit').click();
    await page.getByTestId('staff-granted').waitFor();
    const card = page.getByTestId('staff-list').getByRole('listitem').first();
    await card.getByTestId('staff-status').filter({ hasText: L.delegations.statuses.in_force }).waitFor();
    const services = (await card.getByTestId('staff-services-given').textContent())!;
    expect(services).toContain('تجديد إقامة');
    expect(services).toContain('تأشيرة خروج وعودة');
    await visit(page, journey, '02-staff-authorized');

    // The citizen now has the establishment, without its staff page.
    await other.reload();
    await menuItem(other).click();
    await other.getByTestId(`open-establishment-${ESTABLISHMENT}`).click();
    await other.getByTestId('establishment-requests-link').waitFor();
    expect(await other.getByTestId('establishment-staff-link').count()).toBe(0);
    await other.goto(`/establishments/${ESTABLISHMENT}/staff`);
    await other.getByTestId('staff-owner-only').waitFor();
    expect(await other.getByTestId('staff-form').count()).toBe(0);
    await visit(other, journey, '03-staff-page-as-staff');

    // The workers table's filters offer lists: India, then electricians.
    await page.goto(`/establishments/${ESTABLISHMENT}`);
    await page.getByTestId(`worker-${WORKER}`).waitFor();
    await page.getByTestId('filter-nationality').click();
    await page.getByRole('option', { name: /^الهند \(\d+\)$/ }).click();
    await page.waitForURL((url) => url.searchParams.get('nationality') === 'IND');
    await page.getByTestId('filter-profession').click();
    await page.getByRole('option', { name: 'كهربائي', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('profession') === 'electrician');
    // Every row left is an Indian electrician, named rather than coded.
    const rows = page.getByTestId('workers-table').locator('tbody tr');
    await expect.poll(async () => (await rows.allTextContents()).every((text) => text.includes('الهند') && text.includes('كهربائي'))).toBe(true);
    await page.getByTestId(`worker-${WORKER}`).waitFor();
    await visit(page, journey, '04-workers-filtered');

    // Renew his iqama; the request and its bill are on the establishment's requests page.
    await page.getByTestId(`select-${WORKER}`).check();
    await page.getByTestId('quarters-4').check();
    await page.getByTestId('renew-office').click();
    await page.getByRole('option', { name: 'جوازات منطقة الرياض', exact: true }).click();
    await page.getByTestId('renew-submit').click();
    await page.getByTestId(`outcome-${WORKER}`).filter({ hasText: L.establishments.renew.outcomes.submitted }).waitFor();
    const billNumber = (await page.getByTestId(`bill-${WORKER}`).textContent())!.trim();
    await page.goto(`/establishments/${ESTABLISHMENT}`);
    await page.getByTestId('establishment-requests-link').click();
    await page.waitForURL((url) => url.pathname === `/establishments/${ESTABLISHMENT}/requests`);
    const bill = page.getByTestId(`request-bill-${billNumber}`);
    await bill.getByTestId('request-bill-status').filter({ hasText: L.eservices.bills.statuses.unpaid }).waitFor();
    const row = page.getByTestId('requests-table').locator('tbody tr', { has: bill });
    expect(await row.textContent()).toContain(WORKER);
    expect(await row.textContent()).toContain(L.eservices.requests.statuses.awaiting_payment);
    await visit(page, journey, '05-requests');
    await row.getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/requests/'));
    await page.getByTestId('request-status').waitFor();

    // His profession changed, from his page: the new one chosen from the ministry's list, named
    // in Arabic and searched, with no domestic profession offered (a private driver is one).
    await page.goto(`/establishments/${ESTABLISHMENT}/workers/${WORKER}`);
    await page.getByTestId('worker-service-profession_change').click();
    await page.waitForURL((url) => url.pathname === '/services/profession_change');
    const profession = page.getByTestId('profession');
    await expect.poll(() => profession.isEnabled()).toBe(true);
    await profession.fill('سائق');
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['سائق']);
    await profession.fill('نجار');
    await page.getByRole('option', { name: 'نجار', exact: true }).click();
    await visit(page, journey, '06-profession-chosen');
    await page.getByTestId('quote').click();
    await page.getByTestId('eligible').waitFor();
    expect(await page.getByTestId('quote-total').textContent()).toContain('1,000.00');

    // Revoke: the citizen loses the establishment and its menu item.
    await page.goto(`/establishments/${ESTABLISHMENT}/staff`);
    const given = page.getByTestId('staff-list').getByRole('listitem').first();
    await given.getByTestId('staff-revoke').click();
    await given.getByTestId('staff-confirm-revoke').click();
    await given.getByTestId('staff-status').filter({ hasText: L.delegations.statuses.revoked }).waitFor();
    expect(await given.getByTestId('staff-revoke').count()).toBe(0);
    await visit(page, journey, '07-staff-revoked');
    await other.goto('/dashboard');
    await other.waitForLoadState('networkidle');
    expect(await menuItem(other).count()).toBe(0);

    // The two pages on a 360 px phone.
    const phoneJourney = 'establishment-staff-ar-360';
    const small = await newContext(browser, 'mobile', server.url);
    await small.addCookies(await owner.cookies());
    const phone = await small.newPage();
    await phone.goto(`/establishments/${ESTABLISHMENT}/staff`);
    await phone.getByTestId('staff-status').first().waitFor();
    await visit(phone, phoneJourney, '01-staff');
    await phone.goto(`/establishments/${ESTABLISHMENT}/requests`);
    await phone.getByTestId(`request-bill-${billNumber}`).waitFor();
    await visit(phone, phoneJourney, '02-requests');

    await Promise.all([owner.close(), citizen.close(), small.close()]);
  });
});
