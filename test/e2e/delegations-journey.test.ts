// An e-authorization as people live it, against one server: the head of family authorizes a
// citizen for exit and re-entry visas (Arabic); the citizen sees it received and applies on
// his behalf for his domestic worker, and the request says so (English, 360 px); the head of
// family reads in "who looked at my data" what the delegate did, then revokes the
// authorization (Arabic). Every page is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ar } from '../../src/web/i18n/ar';
import { en } from '../../src/web/i18n/en';
import { launchBrowser, newContext, visit } from './support/browser';
import { chooseLanguage, logIn, PERSONAS } from './support/personas';
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

const WORKER = '2000000550';
const SERVICE = 'exit_reentry_visa';

describe('e-authorizations', () => {
  it('gives an authorization, the delegate acts on it, and the holder sees it in the access log', async () => {
    // The holder gives the authorization.
    const holderContext = await newContext(browser, 'desktop', server.url);
    const holder = await holderContext.newPage();
    await logIn(holderContext, holder, 'family');
    await holder.getByTestId('my-authorizations').getByTestId('authorizations-given').waitFor();
    await holder.getByTestId('manage-authorizations').click();
    await holder.waitForURL((url) => url.pathname === '/authorizations');
    await holder.getByText(ar.delegations.givenNone).waitFor();
    await holder.getByTestId('delegate-id-number').fill(PERSONAS.citizen.idNumber);
    await holder.getByTestId(`service-${SERVICE}`).check();
    await visit(holder, 'delegations-holder-ar', '01-grant-form');
    await holder.getByTestId('grant-submit').click();
    await holder.getByTestId('granted').waitFor();
    const given = holder.getByTestId('given').locator('li').first();
    await given.getByTestId('delegation-status').filter({ hasText: ar.delegations.statuses.in_force }).waitFor();
    expect(await given.getByTestId('delegate').textContent()).toContain(PERSONAS.citizen.name.ar);
    await visit(holder, 'delegations-holder-ar', '02-given');

    // The delegate, on a phone in English, sees it received and applies on the holder's behalf.
    const delegateContext = await newContext(browser, 'mobile', server.url);
    const delegate = await delegateContext.newPage();
    await chooseLanguage(delegate, 'en');
    await logIn(delegateContext, delegate, 'citizen');
    expect(await delegate.getByTestId('authorizations-received').textContent()).toContain('1');
    await visit(delegate, 'delegations-delegate-en-360', '01-dashboard');
    await delegate.goto('/authorizations');
    const received = delegate.getByTestId('received').locator('li').first();
    await received.waitFor();
    expect(await received.getByTestId('grantor').textContent()).toContain(PERSONAS.family.name.en);
    await visit(delegate, 'delegations-delegate-en-360', '02-received');
    await received.getByTestId(`act-${SERVICE}`).click();
    await delegate.waitForURL((url) => url.pathname === `/services/${SERVICE}` && url.searchParams.has('delegation'));
    await delegate.getByTestId('acting-for').waitFor();
    expect(await delegate.getByTestId('acting-for').textContent()).toContain(PERSONAS.family.name.en);
    await delegate.getByTestId('beneficiary-id-number').fill(WORKER);
    await delegate.locator('input[type="radio"][value="single"]').check();
    await delegate.getByTestId('duration-months').fill('2');
    await visit(delegate, 'delegations-delegate-en-360', '03-service-on-behalf');
    await delegate.getByTestId('quote').click();
    await delegate.getByTestId('eligible').waitFor();
    await visit(delegate, 'delegations-delegate-en-360', '04-quote');
    await delegate.getByTestId('submit-request').click();
    await delegate.waitForURL((url) => url.pathname.startsWith('/requests/'));
    await delegate.getByTestId('on-behalf-of').waitFor();
    expect(await delegate.getByTestId('on-behalf-of').textContent()).toContain(PERSONAS.family.name.en);
    expect(await delegate.getByTestId('by-delegate').textContent()).toContain(PERSONAS.citizen.name.en);
    expect(await delegate.getByTestId('request-status').textContent()).toBe(en.eservices.requests.statuses.awaiting_payment);
    await visit(delegate, 'delegations-delegate-en-360', '05-request-on-behalf');
    const requestNumber = (await delegate.getByTestId('request-number').textContent())!.trim();

    // The holder reads what the delegate did, named, on his behalf.
    await holder.goto('/access-log');
    const created = holder.locator('[data-testid="access-entry"][data-action="request.created"][data-who="delegate"]').first();
    await created.waitFor();
    expect(await created.getByTestId('entry-who').textContent()).toContain(PERSONAS.citizen.name.ar);
    expect(await created.textContent()).toContain('تأشيرة خروج وعودة');
    await visit(holder, 'delegations-holder-ar', '03-access-log');
    // The request is his too, with the delegate named.
    await holder.goto('/dashboard');
    await holder.getByTestId(`request-${requestNumber}`).waitFor();
    expect(await holder.getByTestId(`request-${requestNumber}`).textContent()).toContain(PERSONAS.citizen.name.ar);
    await visit(holder, 'delegations-holder-ar', '04-dashboard');

    // What the delegate did, from the authorization itself.
    await holder.goto('/authorizations');
    await holder.getByTestId('given').getByTestId('show-activity').first().click();
    await holder.getByTestId('activity').getByText(requestNumber).waitFor();
    await visit(holder, 'delegations-holder-ar', '05-activity');

    // He revokes it at once; the delegate sees it revoked.
    await holder.getByTestId('given').getByTestId('revoke').first().click();
    await holder.getByTestId('confirm-revoke').click();
    await holder.getByTestId('given').getByTestId('delegation-status').filter({ hasText: ar.delegations.statuses.revoked }).waitFor();
    await visit(holder, 'delegations-holder-ar', '06-revoked');
    await delegate.goto('/authorizations');
    await delegate.getByTestId('received').getByTestId('delegation-status').filter({ hasText: en.delegations.statuses.revoked }).waitFor();
    expect(await delegate.getByTestId(`act-${SERVICE}`).count()).toBe(0);

    await delegateContext.close();
    await holderContext.close();
  });
});
