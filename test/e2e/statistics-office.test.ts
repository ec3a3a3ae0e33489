// The statistics and the office's queue, as the people who read them live it: anyone opens the
// statistics from the footer and reads the kingdom's summary; the supervisor reads the charts
// and their tables, and narrows them to a region; the officer at the Riyadh office reads what
// waits there (a printed card to confirm, a card ready for 16 days and not collected, each with
// its holder's name and how long it has waited) and confirms the printed card's arrival. In
// Arabic at desktop width, then in English at 360 px. Every page is checked with axe and
// photographed.
//
// Before the browser: the head of family renews his driver's iqama and the owner a worker's,
// both for collection at the Riyadh office, and the banks pay the bills, through the API (the
// pages of those steps have journeys of their own); the worker's card is marked arrived, and
// its arrival moved 16 days back, since a journey cannot wait that long.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { accounts, iqamaCards } from '../../src/server/db/schema';
import { sign } from '../../src/server/modules/channels/signature';
import { issueSession } from '../../src/server/modules/sessions/store';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';
import { launchBrowser, newContext, visit } from './support/browser';
import { chooseLanguage, logIn } from './support/personas';
import { startServer, type RunningServer } from './support/server';

const SUPERVISOR = { login: 'demo.supervisor', mobile: '+966500000007' };
const OFFICER = { login: 'demo.officer', mobile: '+966500000006' };
const OFFICE = 'office-riyadh';
// The head of family's private driver, whose iqama has expired; the owner's worker, whose iqama expires in 12 days.
const DRIVER = '2000000568';
const WORKER = '2000000816';
const ESTABLISHMENT = '7000100000';
const DAY_MS = 86_400_000;

let server: RunningServer;
let browser: Browser;
const names: Record<string, { ar: string; en: string }> = {};

async function bearerFor(username: string): Promise<Record<string, string>> {
  const db = server.deps.database.db;
  const [a] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  const session = await issueSession(db, server.deps.clock, a!.id, {});
  return { authorization: `Bearer ${session.token}` };
}

async function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** Renews an iqama for collection at the Riyadh office, and the bank pays the bill. */
async function renewAndPay(auth: Record<string, string>, beneficiaryIdNumber: string, establishmentId?: string) {
  const request = await call('POST', '/api/v1/services/iqama_renew/requests', { ...auth, 'idempotency-key': randomUUID() }, {
    beneficiaryIdNumber,
    ...(establishmentId ? { establishmentId } : {}),
    input: { quarters: 4, pickupOfficeId: OFFICE },
  });
  const bill = (request.bills as Array<{ billNumber: string; amountHalalas: number }>)[0]!;
  const path = '/api/v1/channels/payments';
  const payload = JSON.stringify({ billNumber: bill.billNumber, amountHalalas: bill.amountHalalas });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-client-id': 'atm-alrajhi',
      'x-timestamp': timestamp,
      'x-signature': sign('sandbox-secret-atm-alrajhi', timestamp, 'POST', path, payload),
    },
    body: payload,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  for (const id of [DRIVER, WORKER]) names[id] = (await server.deps.registry.findPerson(id))!.name;
  await renewAndPay(await bearerFor('demo.family'), DRIVER);
  await renewAndPay(await bearerFor('demo.owner'), WORKER, ESTABLISHMENT);
  const db = server.deps.database.db;
  const deadline = Date.now() + 20_000;
  let cards: Array<typeof iqamaCards.$inferSelect> = [];
  while (cards.length < 2 && Date.now() < deadline) {
    cards = await db.select().from(iqamaCards).where(inArray(iqamaCards.holderIdNumber, [DRIVER, WORKER]));
    if (cards.length < 2) await new Promise((r) => setTimeout(r, 250));
  }
  expect(cards).toHaveLength(2);
  const workerCard = cards.find((c) => c.holderIdNumber === WORKER)!;
  await call('POST', `/api/v1/office/iqama-cards/${workerCard.id}/ready`, { ...(await bearerFor(OFFICER.login)), 'idempotency-key': randomUUID() });
  await db.update(iqamaCards).set({ readyAt: new Date(Date.now() - 16 * DAY_MS) }).where(eq(iqamaCards.id, workerCard.id));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The figures of the open summary: both renewals issued, the personas' accounts registered. */
async function expectSummary(page: Page): Promise<void> {
  await page.getByTestId('summary-e-transactions').waitFor();
  expect(await page.getByTestId('summary-e-transactions').textContent()).toBe('2');
  expect(Number(await page.getByTestId('summary-registered').textContent())).toBeGreaterThan(0);
}

describe('statistics and the office’s queue', () => {
  it('in Arabic at desktop width, then in English at 360 px', { timeout: 240_000 }, async () => {
    const L = ar;
    const journey = 'statistics-office-ar-desktop';

    // Anyone: the statistics from the footer, the summary of the kingdom.
    const visitor = await newContext(browser, 'desktop', server.url);
    const page = await visitor.newPage();
    await page.goto('/');
    await page.getByTestId('footer-statistics').click();
    await page.waitForURL((url) => url.pathname === '/statistics');
    await page.getByRole('heading', { level: 1, name: L.statistics.title }).waitFor();
    await expectSummary(page);
    expect(await page.getByTestId('statistics-period').textContent()).toContain(L.common.hijri);
    await page.getByTestId('processing-title-table').getByText('تجديد إقامة').waitFor();
    // An anonymous visitor is not sent the supervisors' figures.
    expect(await page.getByTestId('statistics-supervisor').count()).toBe(0);
    await visit(page, journey, '01-statistics-public');

    // The supervisor: charts with their tables, from the menu.
    const supervisorContext = await newContext(browser, 'desktop', server.url);
    const supervisor = await supervisorContext.newPage();
    await logIn(supervisorContext, supervisor, SUPERVISOR);
    await supervisor.getByRole('navigation', { name: L.nav.label }).getByRole('link', { name: L.statistics.nav }).click();
    await supervisor.getByTestId('chart-users').waitFor();
    await supervisor.getByTestId('chart-transactions').locator('svg').first().waitFor();
    expect(await supervisor.getByTestId('statistics-scope').textContent()).toContain(L.statistics.supervisor.kingdom);
    // The charts are drawings only; their numbers are in the tables.
    expect(await supervisor.getByTestId('chart-users').locator('[aria-hidden="true"] svg').count()).toBeGreaterThan(0);
    await supervisor.getByTestId('chart-transactions-table-toggle').click();
    const officeRow = supervisor.getByTestId(`office-row-${OFFICE}`);
    expect(await officeRow.textContent()).toContain('جوازات منطقة الرياض');
    expect(await supervisor.getByTestId('supervisor-totals-e-transactions').textContent()).toBe('2');
    await visit(supervisor, journey, '02-statistics-supervisor');

    // Narrowed to the Riyadh region: the address keeps the filter, the scope says it.
    await supervisor.getByTestId('filter-region').selectOption('riyadh');
    await supervisor.getByTestId('filter-apply').click();
    await supervisor.waitForURL((url) => url.searchParams.get('region') === 'riyadh');
    await supervisor.getByTestId('statistics-scope').filter({ hasText: L.establishments.regions.riyadh }).waitFor();
    await supervisor.getByTestId('regions-table').waitFor();
    expect(await supervisor.getByTestId('offices-table').textContent()).not.toContain('جوازات محافظة جدة');
    await visit(supervisor, journey, '03-statistics-riyadh');

    // The officer at the Riyadh office: what waits there, by name and for how long.
    const officeContext = await newContext(browser, 'desktop', server.url);
    const office = await officeContext.newPage();
    await logIn(officeContext, office, OFFICER);
    await office.goto('/office');
    const queue = office.getByTestId('office-queue');
    await queue.getByTestId('queue-printed-count').filter({ hasText: '1' }).waitFor();
    expect(await queue.getByTestId('queue-uncollected-count').textContent()).toBe('1');
    expect(await queue.getByTestId('queue-uncollected').textContent()).toContain('16 يوماً');
    const cards = office.getByTestId('office-cards');
    expect(await cards.getByTestId(`holder-name-${DRIVER}`).textContent()).toBe(names[DRIVER]!.ar);
    await visit(office, journey, '04-office-queue');
    await cards.locator('label[for$="-uncollected"]').click();
    expect(await cards.getByTestId(`holder-name-${WORKER}`).textContent()).toBe(names[WORKER]!.ar);
    expect(await cards.getByTestId(`waited-${WORKER}`).textContent()).toBe('16 يوماً');
    await visit(office, journey, '05-office-uncollected');
    // The printed card has arrived: it leaves the cards to confirm.
    await cards.locator('label[for$="-printed"]').click();
    await cards.getByTestId(`mark-ready-${DRIVER}`).click();
    await office.getByTestId('office-cards-notice').waitFor();
    await queue.getByTestId('queue-printed-count').filter({ hasText: '0' }).waitFor();
    expect(await queue.getByTestId('queue-ready-count').textContent()).toBe('2');

    // English, on a 360 px phone.
    const phoneJourney = 'statistics-office-en-360';
    const phoneVisitor = await newContext(browser, 'mobile', server.url);
    const publicPhone = await phoneVisitor.newPage();
    await chooseLanguage(publicPhone, 'en');
    await publicPhone.goto('/statistics');
    await publicPhone.getByRole('heading', { level: 1, name: en.statistics.title }).waitFor();
    await expectSummary(publicPhone);
    await visit(publicPhone, phoneJourney, '01-statistics-public');

    const supervisorPhoneContext = await newContext(browser, 'mobile', server.url);
    await supervisorPhoneContext.addCookies(await supervisorContext.cookies());
    const supervisorPhone = await supervisorPhoneContext.newPage();
    await chooseLanguage(supervisorPhone, 'en');
    await supervisorPhone.goto('/statistics');
    await supervisorPhone.getByTestId('chart-offices').locator('svg').first().waitFor();
    expect(await supervisorPhone.getByTestId('statistics-scope').textContent()).toContain(en.statistics.supervisor.kingdom);
    expect(await supervisorPhone.getByTestId(`office-row-${OFFICE}`).textContent()).toContain('Riyadh Region Passports');
    await visit(supervisorPhone, phoneJourney, '02-statistics-supervisor');

    const officePhoneContext = await newContext(browser, 'mobile', server.url);
    await officePhoneContext.addCookies(await officeContext.cookies());
    const officePhone = await officePhoneContext.newPage();
    await chooseLanguage(officePhone, 'en');
    await officePhone.goto('/office');
    await officePhone.getByTestId('queue-ready-count').filter({ hasText: '2' }).waitFor();
    await officePhone.getByTestId('office-cards').locator('label[for$="-uncollected"]').click();
    expect(await officePhone.getByTestId(`holder-name-${WORKER}`).textContent()).toBe(names[WORKER]!.en);
    expect(await officePhone.getByTestId(`waited-${WORKER}`).textContent()).toBe('16 days');
    await visit(officePhone, phoneJourney, '03-office-queue');

    await Promise.all([visitor, supervisorContext, officeContext, phoneVisitor, supervisorPhoneContext, officePhoneContext].map((c) => c.close()));
  });
});
