// A transfer of services as the three parties live it, in English: the demo owner's
// establishment asks for a worker of another establishment (the eligibility answer and the
// fee first), the worker finds it waiting for their decision on their dashboard (shown in
// Arabic too) and consents from their own account, the worker's establishment releases them
// after a confirmation, the new establishment pays at the ATM simulator, and the request is
// issued with every step done. Desktop, then the issued request at 360 px. Every page is
// checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';
import { buildAccount, DEFAULT_PASSWORD } from '../helpers/factories';
import { buildEstablishment, type BuiltEstablishment } from '../helpers/establishments';
import { PERSONA_ESTABLISHMENTS } from '../../src/server/modules/sandbox/personas';
import { launchBrowser, newContext, visit } from './support/browser';
import { chooseLanguage, logIn, SANDBOX_PASSWORD, type Credentials } from './support/personas';
import { startServer, type RunningServer } from './support/server';

const L = en;
// The demo owner and his establishment, open on Absher: the one asking for the worker.
const OWNER_A = { login: 'demo.owner', mobile: '+966500000008', password: SANDBOX_PASSWORD };
const ESTABLISHMENT_A = '7000100000';
const ESTABLISHMENT_A_NAME = PERSONA_ESTABLISHMENTS.find((e) => e.id === ESTABLISHMENT_A)!.name;

let server: RunningServer;
let browser: Browser;
// The worker's current establishment, its owner, and the worker, each with an active account.
let from: BuiltEstablishment;
let ownerB: { login: string; mobile: string; password: string };
let worker: { login: string; mobile: string; password: string; idNumber: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = server.deps.database.db;
  const owner = await buildAccount(db, { username: 'transfer.owner.b' });
  from = await buildEstablishment({ deps: server.deps, clock: server.deps.clock }, { workers: 1, owner });
  const w = from.workers[0]!;
  await buildAccount(db, { person: w, username: 'transfer.worker' });
  ownerB = { login: 'transfer.owner.b', mobile: owner.person.mobile, password: DEFAULT_PASSWORD };
  worker = { login: 'transfer.worker', mobile: w.mobile, password: DEFAULT_PASSWORD, idNumber: w.idNumber };
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A new browser in English, logged in with the password and the code read on the sandbox phone. */
async function logInAs(who: Credentials): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, 'desktop', server.url);
  const page = await context.newPage();
  await chooseLanguage(page, 'en');
  await logIn(context, page, who);
  return { context, page };
}

const status = (page: Page, label: string) => page.getByTestId('request-status').filter({ hasText: label });

describe('a transfer of services: asked, consented, released, paid, issued (English)', () => {
  it('desktop, then 360 px', { timeout: 240_000 }, async () => {
    const journey = 'transfer-en-desktop';

    // The new establishment asks for the worker: the eligibility answer and the fee first.
    const a = await logInAs(OWNER_A);
    await a.page.goto(`/establishments/${ESTABLISHMENT_A}`);
    await a.page.getByTestId('establishment-transfers-link').click();
    await a.page.waitForURL((url) => url.pathname === `/establishments/${ESTABLISHMENT_A}/transfers`);
    await a.page.getByTestId('awaiting-release-none').waitFor();
    await visit(a.page, journey, '01-transfers');
    await a.page.getByTestId('transfer-worker').fill('1000000016');
    await a.page.getByTestId('transfer-quote').click();
    await a.page.getByText(L.transfers.ask.notResident).waitFor();
    await a.page.getByTestId('transfer-worker').fill(worker.idNumber);
    await a.page.getByTestId('transfer-quote').click();
    await a.page.getByTestId('transfer-eligible').waitFor();
    // The worker's first transfer: SR2,000.
    expect(await a.page.getByTestId('transfer-fee-total').textContent()).toContain('2,000.00');
    await visit(a.page, journey, '02-quote');
    await a.page.getByTestId('transfer-submit').click();
    await a.page.waitForURL((url) => url.pathname.startsWith('/requests/'));
    const requestPath = new URL(a.page.url()).pathname;
    await status(a.page, L.eservices.requests.statuses.awaiting_consent).waitFor();
    expect(await a.page.getByTestId('transfer-step-consent').getAttribute('data-state')).toBe('current');
    expect(await a.page.getByTestId('transfer-step-release').getAttribute('data-state')).toBe('waiting');
    // The consent is the worker's to give: not offered to the establishment that asked.
    expect(await a.page.getByTestId('consent-section').count()).toBe(0);
    await visit(a.page, journey, '03-request-awaiting-consent');
    const number = (await a.page.getByTestId('request-number').textContent())!.trim();

    // The worker's dashboard opens with the request waiting for their decision, in English and
    // in Arabic; from there to the request, where they consent after a confirmation.
    const w = await logInAs(worker);
    const waiting = w.page.getByTestId('waiting-for-you');
    await waiting.getByTestId(`waiting-${number}`).waitFor();
    expect(await waiting.getByRole('heading', { level: 2 }).textContent()).toBe(L.dashboard.waiting.title);
    // The establishment that asks, by its name.
    expect(await waiting.getByTestId(`waiting-${number}`).getByTestId('waiting-establishment').textContent()).toBe(ESTABLISHMENT_A_NAME.en);
    // A new account: no notice was ever sent to it.
    expect(await w.page.getByTestId('my-notifications').getByTestId('notifications-none').textContent()).toBe(L.notifications.none);
    await visit(w.page, journey, '04-worker-dashboard-waiting');
    await w.page.getByTestId('language-switch').click();
    await w.page.waitForSelector('html[lang="ar"][dir="rtl"]');
    await waiting.getByRole('heading', { level: 2, name: ar.dashboard.waiting.title }).waitFor();
    expect(await waiting.getByTestId(`waiting-${number}`).textContent()).toContain(ar.dashboard.waiting.transfer);
    expect(await waiting.getByTestId(`waiting-${number}`).getByTestId('waiting-establishment').textContent()).toBe(ESTABLISHMENT_A_NAME.ar);
    await visit(w.page, journey, '04-worker-dashboard-waiting-ar');
    await w.page.getByTestId('language-switch').click();
    await waiting.getByRole('heading', { level: 2, name: L.dashboard.waiting.title }).waitFor();
    await waiting.getByRole('link', { name: L.dashboard.waiting.open.replace('{{number}}', number) }).click();
    await w.page.waitForURL((url) => url.pathname === requestPath);
    await w.page.getByTestId('consent-section').waitFor();
    expect(await w.page.getByTestId('consent-establishment').textContent()).toBe(ESTABLISHMENT_A_NAME.en);
    await visit(w.page, journey, '04-worker-consent');
    await w.page.getByTestId('consent-approve').click();
    await w.page.getByText(L.transfers.consent.approveQuestion).waitFor();
    await w.page.getByTestId('confirm-approve').click();
    await status(w.page, L.eservices.requests.statuses.awaiting_release).waitFor();
    await w.page.getByTestId('consent-given').waitFor();
    expect(await w.page.getByTestId('consent-section').count()).toBe(0);
    await visit(w.page, journey, '05-worker-consented');
    // Decided: the dashboard no longer asks, and the request stays among the worker's own.
    await w.page.goto('/dashboard');
    await w.page.getByTestId('my-requests').getByTestId(`request-${number}`).waitFor();
    expect(await w.page.getByTestId('waiting-for-you').count()).toBe(0);

    // The worker's establishment releases them, after a confirmation, and sees what followed.
    const b = await logInAs(ownerB);
    await b.page.goto(`/establishments/${from.id}/transfers`);
    const row = b.page.locator('[data-testid^="awaiting-release-"]').filter({ hasText: worker.idNumber });
    await row.waitFor();
    await visit(b.page, journey, '06-awaiting-release');
    await row.getByTestId('release').click();
    await row.getByText(L.transfers.release.releaseQuestion).waitFor();
    await visit(b.page, journey, '07-release-confirm');
    await row.getByTestId('confirm-release').click();
    const decided = b.page.locator('[data-testid^="release-decided-"]');
    await decided.waitFor();
    expect(await decided.textContent()).toContain(L.eservices.requests.statuses.awaiting_payment);
    await b.page.getByTestId('awaiting-release-none').waitFor();
    await visit(b.page, journey, '08-released');

    // The new establishment pays the fee at the ATM simulator; the ministry approves.
    await a.page.goto(requestPath);
    await status(a.page, L.eservices.requests.statuses.awaiting_payment).waitFor();
    expect(await a.page.getByTestId('transfer-step-release').getAttribute('data-state')).toBe('done');
    expect(await a.page.getByTestId('transfer-step-payment').getAttribute('data-state')).toBe('current');
    await a.page.getByTestId('pay-at-atm').click();
    await a.page.waitForURL((url) => url.pathname === '/sandbox/atm');
    await a.page.getByTestId('pay-bill').click();
    await a.page.getByTestId('payment-result').waitFor();
    await visit(a.page, journey, '09-atm-paid');
    await a.page.goto(requestPath);
    await status(a.page, L.eservices.requests.statuses.issued).waitFor({ timeout: 20_000 });
    for (const step of ['consent', 'release', 'payment', 'approval', 'recorded']) {
      expect(await a.page.getByTestId(`transfer-step-${step}`).getAttribute('data-state'), step).toBe('done');
    }
    await visit(a.page, journey, '10-issued');
    expect((await server.deps.registry.findPerson(worker.idNumber))!.sponsor).toEqual({ kind: 'establishment', id: ESTABLISHMENT_A });

    // The issued request on a 360 px phone.
    const small = await newContext(browser, 'mobile', server.url);
    await small.addCookies(await a.context.cookies());
    const phone = await small.newPage();
    await chooseLanguage(phone, 'en');
    await phone.goto(requestPath);
    await status(phone, L.eservices.requests.statuses.issued).waitFor();
    await phone.getByTestId('transfer-steps').waitFor();
    await visit(phone, 'transfer-en-360', '01-request-issued');

    await Promise.all([a.context.close(), w.context.close(), b.context.close(), small.close()]);
  });
});
