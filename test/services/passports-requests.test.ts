// Passport requests through their life: a minor's own application waiting for the guardian,
// payment and issue, the new passport in the directorate's documents and in the registry,
// and submissions that collide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice } from '../helpers/factories';
import { bearer, buildHousehold, getRequest, kingdomDayFromToday, linkFamily, pay, submitRequest, type Household } from '../helpers/services';
import { documents, registryPersons, serviceRequests } from '../../src/server/db/schema';
import { addDays, addYears } from '../../src/domain/calendar';
import { FakeClock } from '../../src/server/platform/clock';

let t: TestContext;
let officeId: string;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-03-10T09:00:00Z') });
  officeId = (await buildOffice(t.deps.database.db)).id;
});
afterAll(() => t.close());

const POST = { validityYears: 5, delivery: { method: 'post' } };
const today = () => kingdomDayFromToday(t, 0);
const born = (years: number, days = 0) => addDays(addYears(today(), -years), days);
const PASSPORT_NUMBER = /^[A-Z]\d{7,8}$/;

function consent(auth: Record<string, string>, requestId: string, decision: 'approve' | 'decline') {
  return t.app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/consent`, headers: auth, payload: { decision } });
}

function passportsOf(holder: string) {
  return t.deps.database.db.select().from(documents).where(and(eq(documents.holderIdNumber, holder), eq(documents.kind, 'passport'))).orderBy(documents.createdAt);
}

/** A household whose 17-year-old son has his own account and applies for his own renewal. */
async function minorApplies(h?: Household) {
  const household = h ?? (await buildHousehold(t, { son: { birthDate: born(17, -20) } }));
  const son = await buildAccount(t.deps.database.db, { person: household.son });
  const sonAuth = await bearer(t, son.account.id);
  const sub = await submitRequest(t, sonAuth, 'passport_renew', { beneficiaryIdNumber: household.son.idNumber, input: POST });
  expect(sub.statusCode, sub.body).toBe(201);
  return { h: household, sonAuth, r: sub.json() };
}

describe('a minor’s own application and the guardian’s consent', () => {
  it('waits for the father, who approves; then the bill is paid and the passport issued', async () => {
    const { h, sonAuth, r } = await minorApplies();
    expect(r).toMatchObject({ status: 'awaiting_consent', relation: 'self', fee: { totalHalalas: 30000 }, bills: [] });
    expect(r.allowedActions).toEqual(expect.arrayContaining(['consent', 'decline', 'cancel']));

    // The father sees the request he is asked about, on its own and in his list of requests.
    const seen = await getRequest(t, h.head.auth, r.id);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().appliedByYou).toBe(false);
    expect(seen.json().consentFromYou).toBe(true);
    const listed = (await t.app.inject({ url: '/api/v1/requests', headers: h.head.auth })).json().requests;
    expect(listed.find((x: { id: string }) => x.id === r.id)).toMatchObject({ status: 'awaiting_consent', consentFromYou: true, appliedByYou: false });
    // The mother, who is not asked, does not find it in hers.
    const mother = await buildAccount(t.deps.database.db, { person: h.wife });
    const hers = (await t.app.inject({ url: '/api/v1/requests', headers: await bearer(t, mother.account.id) })).json().requests;
    expect(hers.some((x: { id: string }) => x.id === r.id)).toBe(false);

    const approved = await consent(h.head.auth, r.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'awaiting_payment', bills: [{ amountHalalas: 30000, status: 'unpaid' }] });

    const bill = approved.json().bills[0];
    expect((await pay(t, bill.billNumber, 30000)).statusCode).toBe(200);

    const after = (await getRequest(t, sonAuth, r.id)).json();
    expect(after.status).toBe('issued');
    expect(after.events.map((e: { to: string }) => e.to)).toEqual(['awaiting_consent', 'awaiting_payment', 'submitted', 'issued']);
    expect(after.events[1].details).toMatchObject({ consent: 'approved' });
    const [doc] = after.outcome.documents;
    expect(doc).toMatchObject({ kind: 'passport', issuedOn: today(), expiresOn: addYears(today(), 5) });
    expect(doc.number).toMatch(PASSPORT_NUMBER);
    expect((await t.deps.registry.findPerson(h.son.idNumber))!.passport).toEqual({ number: doc.number, issuedOn: today(), expiresOn: addYears(today(), 5) });
  });

  it('is cancelled when the father declines, and no bill is made', async () => {
    const { h, sonAuth, r } = await minorApplies();
    const declined = await consent(h.head.auth, r.id, 'decline');
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'cancelled', bills: [] });
    expect((await getRequest(t, sonAuth, r.id)).json().status).toBe('cancelled');
    // Cancelled, the request no longer blocks a new one.
    const again = await submitRequest(t, h.head.auth, 'passport_renew', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().status).toBe('awaiting_payment');
  });

  it('refuses the consent of anyone but the head of family: a stranger, the mother, the minor himself', async () => {
    const { h, sonAuth, r } = await minorApplies();
    const stranger = await buildAccount(t.deps.database.db);
    const mother = await buildAccount(t.deps.database.db, { person: h.wife });
    // Those who cannot see the request are not told it exists; the minor is told it is not his to give.
    for (const auth of [await bearer(t, stranger.account.id), await bearer(t, mother.account.id)]) {
      const res = await consent(auth, r.id, 'approve');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('request_not_found');
    }
    const own = await consent(sonAuth, r.id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('consent_not_yours');
    expect((await getRequest(t, sonAuth, r.id)).json().status).toBe('awaiting_consent');
  });

  it('takes one decision: a second one is refused', async () => {
    const { h, r } = await minorApplies();
    expect((await consent(h.head.auth, r.id, 'approve')).statusCode).toBe(200);
    const second = await consent(h.head.auth, r.id, 'decline');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('request_action_not_allowed');
  });

  it('can be withdrawn by the minor before the father decides', async () => {
    const { sonAuth, r } = await minorApplies();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/cancel`, headers: sonAuth });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
  });

  it('asks every head the minor is registered under, and either may approve', async () => {
    const h = await buildHousehold(t, { son: { birthDate: born(16) } });
    const second = await buildAccount(t.deps.database.db);
    await linkFamily(t.deps.database.db, second.person.idNumber, h.son.idNumber, 'son');
    const { r } = await minorApplies(h);
    expect((await consent(await bearer(t, second.account.id), r.id, 'approve')).json().status).toBe('awaiting_payment');
  });
});

describe('issue, then renewal: the documents and the registry', () => {
  it('issues a first passport, records it in the registry, then renewal replaces it', async () => {
    const db = t.deps.database.db;
    const h = await buildHousehold(t, { son: { passportNumber: null, passportIssuedOn: null, passportExpiresOn: null } });
    const issue = await submitRequest(t, h.head.auth, 'passport_issue', {
      beneficiaryIdNumber: h.son.idNumber,
      input: { validityYears: 10, delivery: { method: 'collect', officeId } },
    });
    expect(issue.statusCode, issue.body).toBe(201);
    expect(issue.json()).toMatchObject({ status: 'awaiting_payment', fee: { totalHalalas: 60000 } });
    await pay(t, issue.json().bills[0].billNumber, 60000);
    const issued = (await getRequest(t, h.head.auth, issue.json().id)).json();
    expect(issued.status).toBe('issued');

    const [first] = await passportsOf(h.son.idNumber);
    expect(first).toMatchObject({
      status: 'valid',
      issuedOn: today(),
      expiresOn: addYears(today(), 10),
      requestId: issue.json().id,
      details: { validityYears: 10, delivery: { method: 'collect', officeId }, previousNumber: null },
    });
    expect(first!.number).toMatch(PASSPORT_NUMBER);
    expect(issued.outcome.documents[0].number).toBe(first!.number);
    const [inRegistry] = await db.select().from(registryPersons).where(eq(registryPersons.idNumber, h.son.idNumber));
    expect(inRegistry).toMatchObject({ passportNumber: first!.number, passportIssuedOn: today(), passportExpiresOn: addYears(today(), 10) });

    // Holding a valid passport now, the son is pointed to renewal.
    const twice = await submitRequest(t, h.head.auth, 'passport_issue', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.code).toBe('passport_already_valid');

    const renew = await submitRequest(t, h.head.auth, 'passport_renew', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(renew.statusCode, renew.body).toBe(201);
    await pay(t, renew.json().bills[0].billNumber, 30000);
    expect((await getRequest(t, h.head.auth, renew.json().id)).json().status).toBe('issued');

    const [old, next] = await passportsOf(h.son.idNumber);
    expect(old).toMatchObject({ number: first!.number, status: 'replaced', details: { replacedBy: next!.number } });
    expect(next).toMatchObject({ status: 'valid', expiresOn: addYears(today(), 5), details: { validityYears: 5, delivery: { method: 'post' }, previousNumber: first!.number } });
    expect(next!.number).not.toBe(first!.number);
    expect((await t.deps.registry.findPerson(h.son.idNumber))!.passport).toEqual({ number: next!.number, issuedOn: today(), expiresOn: addYears(today(), 5) });
  });

  it('renews a passport known only to the registry: the new one names it as the previous', async () => {
    const h = await buildHousehold(t);
    const sub = await submitRequest(t, h.head.auth, 'passport_renew', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    await pay(t, sub.json().bills[0].billNumber, 30000);
    const docs = await passportsOf(h.son.idNumber);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ status: 'valid', details: { previousNumber: h.son.passportNumber } });
    expect((await t.deps.registry.findPerson(h.son.idNumber))!.passport!.number).toBe(docs[0]!.number);
  });

  it('rejects at payment when a valid passport appeared meanwhile, and records the refund due', async () => {
    const db = t.deps.database.db;
    const h = await buildHousehold(t, { son: { passportNumber: null, passportIssuedOn: null, passportExpiresOn: null } });
    const sub = await submitRequest(t, h.head.auth, 'passport_issue', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(sub.statusCode, sub.body).toBe(201);
    // Issued meanwhile at an office, on paper.
    await db.update(registryPersons).set({ passportNumber: 'B7654321', passportIssuedOn: today(), passportExpiresOn: addYears(today(), 5) }).where(eq(registryPersons.idNumber, h.son.idNumber));
    await pay(t, sub.json().bills[0].billNumber, 30000);
    const after = (await getRequest(t, h.head.auth, sub.json().id)).json();
    expect(after).toMatchObject({ status: 'rejected', bills: [{ status: 'paid', refundStatus: 'due' }] });
    expect(after.outcome.refusals[0].code).toBe('passport_already_valid');
    expect(await passportsOf(h.son.idNumber)).toHaveLength(0);
  });
});

describe('duplicate and conflicting submissions', () => {
  it('two devices renewing at once with different keys make one request; the other gets 409', async () => {
    const me = await buildAccount(t.deps.database.db);
    const body = { beneficiaryIdNumber: me.person.idNumber, input: POST };
    const [phone, laptop] = await Promise.all([
      submitRequest(t, await bearer(t, me.account.id), 'passport_renew', body, randomUUID()),
      submitRequest(t, await bearer(t, me.account.id), 'passport_renew', body, randomUUID()),
    ]);
    expect([phone.statusCode, laptop.statusCode].sort()).toEqual([201, 409]);
    expect((phone.statusCode === 409 ? phone : laptop).json().error.code).toBe('conflicting_request');
    const rows = await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.beneficiaryIdNumber, me.person.idNumber));
    expect(rows).toHaveLength(1);
  });

  it('replays the same key with the same answer', async () => {
    const me = await buildAccount(t.deps.database.db);
    const auth = await bearer(t, me.account.id);
    const key = randomUUID();
    const body = { beneficiaryIdNumber: me.person.idNumber, input: POST };
    const first = await submitRequest(t, auth, 'passport_renew', body, key);
    const again = await submitRequest(t, auth, 'passport_renew', body, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('issue and renewal share one open request per person', async () => {
    const h = await buildHousehold(t, { son: { passportExpiresOn: kingdomDayFromToday(t, -10) } });
    const renew = await submitRequest(t, h.head.auth, 'passport_renew', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(renew.statusCode).toBe(201);
    const issue = await submitRequest(t, h.head.auth, 'passport_issue', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(issue.statusCode).toBe(409);
    expect(issue.json().error.code).toBe('conflicting_request');
  });

  it('a minor’s request awaiting consent blocks the father’s own application for him until it is decided', async () => {
    const { h, r } = await minorApplies();
    const body = { beneficiaryIdNumber: h.son.idNumber, input: POST };
    const blocked = await submitRequest(t, h.head.auth, 'passport_renew', body);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('conflicting_request');
    await consent(h.head.auth, r.id, 'decline');
    expect((await submitRequest(t, h.head.auth, 'passport_renew', body)).statusCode).toBe(201);
  });
});
