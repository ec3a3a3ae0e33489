import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount } from '../helpers/factories';
import {
  addFine,
  addTravelBan,
  bearer,
  buildHousehold,
  buildResidentDependent,
  grantDelegation,
  kingdomDayFromToday,
  pay,
  quoteRequest,
  submitRequest,
} from '../helpers/services';
import { documents, sandboxSmsMessages } from '../../src/server/db/schema';
import { finalExitValidityDays } from '../../src/server/services/visas/final-exit';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SERVICE = 'final_exit_visa';
const finalExit = (person: { idNumber: string }, extra: Record<string, unknown> = {}) => ({ beneficiaryIdNumber: person.idNumber, input: {}, ...extra });
const exitReentry = (person: { idNumber: string }) => ({ beneficiaryIdNumber: person.idNumber, input: { type: 'single', durationMonths: 2 } });

async function visasOf(idNumber: string) {
  return t.deps.database.db
    .select()
    .from(documents)
    .where(and(eq(documents.holderIdNumber, idNumber), eq(documents.kind, 'final_exit_visa')));
}

describe('the duration rule, without a database', () => {
  const limits = { minIqamaDays: 30, standardDays: 60 };
  it.each([
    [null, null],
    [-3, null],
    [0, null],
    [29, null],
    [30, 30],
    [31, 31],
    [59, 59],
    [60, 60],
    [61, 60],
    [400, 60],
  ])('%s days of iqama left give %s days of visa', (left, days) => {
    expect(finalExitValidityDays(left, limits)).toBe(days);
  });

  it('follows the limits it is given, not constants', () => {
    expect(finalExitValidityDays(45, { minIqamaDays: 50, standardDays: 90 })).toBeNull();
    expect(finalExitValidityDays(80, { minIqamaDays: 50, standardDays: 90 })).toBe(80);
  });
});

describe('final exit visa, end to end', () => {
  it('is free, issued at once, recorded as a document, and the sponsor gets an SMS', async () => {
    const h = await buildHousehold(t);
    const q = await quoteRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json()).toEqual({ eligible: true, relation: 'domestic_worker', refusals: [], fee: { totalHalalas: 0, lines: [] } });

    const sub = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    expect(sub.statusCode, sub.body).toBe(201);
    const r = sub.json();
    expect(r).toMatchObject({ service: SERVICE, status: 'issued', relation: 'domestic_worker', fee: { totalHalalas: 0 }, bills: [] });
    const [doc] = await visasOf(h.worker.idNumber);
    expect(doc).toMatchObject({ kind: 'final_exit_visa', status: 'valid', requestId: r.id, issuedOn: kingdomDayFromToday(t, 0), expiresOn: kingdomDayFromToday(t, 60) });
    expect(doc!.number).toMatch(/^FE\d{10}$/);
    expect(r.outcome.documents).toEqual([{ kind: 'final_exit_visa', number: doc!.number, issuedOn: doc!.issuedOn, expiresOn: doc!.expiresOn }]);
    const sms = await t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, h.head.person.mobile));
    expect(sms.some((m) => m.body.includes(r.number) && m.body.includes('تأشيرة خروج نهائي'))).toBe(true);
  });

  it('is applied for by the head of family for a resident dependent', async () => {
    const h = await buildHousehold(t);
    const wife = await buildResidentDependent(t, h.head.person.idNumber);
    const sub = await submitRequest(t, h.head.auth, SERVICE, finalExit(wife));
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ status: 'issued', relation: 'family' });
  });

  it('can be applied for by a delegate the sponsor authorized, and says so', async () => {
    const h = await buildHousehold(t);
    const delegate = await buildAccount(t.deps.database.db);
    const delegationId = await grantDelegation(t, h.head.account.id, delegate.account.id, [SERVICE]);
    const sub = await submitRequest(t, await bearer(t, delegate.account.id), SERVICE, finalExit(h.worker, { delegationId }));
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ status: 'issued', relation: 'domestic_worker', byDelegate: true });
  });

  it('refuses input fields the service does not have', async () => {
    const h = await buildHousehold(t);
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: { durationDays: 90 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
  });
});

describe('duration at the day boundaries of the iqama', () => {
  it.each([
    [29, null],
    [30, 30],
    [31, 31],
    [59, 59],
    [60, 60],
    [61, 60],
  ])('with %i days of iqama left the visa lasts %s days', async (left, days) => {
    const h = await buildHousehold(t, { worker: { iqamaExpiresOn: kingdomDayFromToday(t, left) } });
    const res = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    if (days === null) {
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'iqama_validity_too_short', details: { refusals: [{ code: 'iqama_validity_too_short', details: { daysLeft: left, minDays: 30 } }] } });
      expect(await visasOf(h.worker.idNumber)).toHaveLength(0);
      return;
    }
    expect(res.statusCode, res.body).toBe(201);
    const [doc] = await visasOf(h.worker.idNumber);
    expect(doc!.expiresOn).toBe(kingdomDayFromToday(t, days));
    expect(doc!.details).toEqual({ validityDays: days });
    // Up to 60 days left the visa ends with the iqama; beyond, before it.
    if (left <= 60) expect(doc!.expiresOn).toBe(h.worker.iqamaExpiresOn);
    else expect(doc!.expiresOn < h.worker.iqamaExpiresOn!).toBe(true);
  });
});

describe('eligibility', () => {
  it.each([
    ['an expired iqama', { iqamaExpiresOn: '2020-01-01' }],
    ['no iqama on file', { iqamaExpiresOn: null }],
  ])('refuses %s', async (_n, worker) => {
    const h = await buildHousehold(t, { worker });
    const res = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('iqama_validity_too_short');
  });

  it('refuses unpaid traffic fines and a travel ban, listing every refusal in the caller’s language', async () => {
    const h = await buildHousehold(t);
    await addFine(t.deps.database.db, h.worker.idNumber, 50000);
    await addTravelBan(t.deps.database.db, h.worker.idNumber);
    const res = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.refusals.map((r: { code: string }) => r.code)).toEqual(['unpaid_traffic_fines', 'travel_ban']);
    expect(res.json().error.details.refusals[0].details).toEqual({ totalHalalas: 50000 });
    const en = await t.app.inject({ method: 'POST', url: `/api/v1/services/${SERVICE}/quote`, headers: { ...h.head.auth, 'accept-language': 'en' }, payload: finalExit(h.worker) });
    expect(en.json()).toMatchObject({
      eligible: false,
      refusals: [
        { code: 'unpaid_traffic_fines', message: 'There are unpaid traffic fines; pay them first.' },
        { code: 'travel_ban', message: 'This person is banned from travel.' },
      ],
    });
  });

  it('refuses a second final exit visa while the first is open', async () => {
    const h = await buildHousehold(t);
    expect((await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker))).statusCode).toBe(201);
    const again = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('open_final_exit_visa');
  });

  it('issues one visa when two submissions race', async () => {
    const h = await buildHousehold(t);
    const results = await Promise.all([submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker)), submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker))]);
    // The loser is refused up front (409, 422) or, having slipped in after the winner's issue, rejected at fulfilment.
    const issued = results.filter((r) => r.statusCode === 201 && r.json().status === 'issued');
    expect(issued).toHaveLength(1);
    const loser = results.find((r) => r !== issued[0])!;
    const outcome = loser.statusCode === 201 ? loser.json().outcome.refusals[0].code : loser.json().error.code;
    expect(['conflicting_request', 'open_final_exit_visa']).toContain(outcome);
    expect(await visasOf(h.worker.idNumber)).toHaveLength(1);
  });

  it('refuses while an exit and re-entry visa is issued and unexpired', async () => {
    const h = await buildHousehold(t);
    const er = (await submitRequest(t, h.head.auth, 'exit_reentry_visa', exitReentry(h.worker))).json();
    expect((await pay(t, er.bills[0].billNumber, er.bills[0].amountHalalas)).statusCode).toBe(200);
    const res = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('open_exit_reentry_visa');
  });

  it('refuses while an exit and re-entry visa is applied for, and accepts once that request is cancelled', async () => {
    const h = await buildHousehold(t);
    const er = (await submitRequest(t, h.head.auth, 'exit_reentry_visa', exitReentry(h.worker))).json();
    expect(er.status).toBe('awaiting_payment');
    const res = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('open_exit_reentry_visa');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/requests/${er.id}/cancel`, headers: h.head.auth })).statusCode).toBe(200);
    expect((await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker))).statusCode).toBe(201);
  });

  it('accepts again once an earlier final exit visa has expired', async () => {
    const h = await buildHousehold(t);
    await t.deps.database.db.insert(documents).values({
      id: randomUUID(),
      kind: 'final_exit_visa',
      number: `FE${Date.now()}`.slice(0, 12),
      holderIdNumber: h.worker.idNumber,
      issuedOn: kingdomDayFromToday(t, -90),
      expiresOn: kingdomDayFromToday(t, -30),
      status: 'valid',
      createdAt: t.clock.now(),
    });
    expect((await submitRequest(t, h.head.auth, SERVICE, finalExit(h.worker))).statusCode).toBe(201);
  });
});

describe('who may apply', () => {
  it('needs a session', async () => {
    const h = await buildHousehold(t);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/services/${SERVICE}/requests`, headers: { 'idempotency-key': randomUUID() }, payload: finalExit(h.worker) });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a stranger, the resident themself, and a citizen family member', async () => {
    const h = await buildHousehold(t);
    const stranger = await buildAccount(t.deps.database.db);
    const other = await submitRequest(t, await bearer(t, stranger.account.id), SERVICE, finalExit(h.worker));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('not_your_beneficiary');
    const self = await buildAccount(t.deps.database.db, { person: h.worker });
    const own = await submitRequest(t, await bearer(t, self.account.id), SERVICE, finalExit(h.worker));
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('relation_not_allowed');
    const son = await submitRequest(t, h.head.auth, SERVICE, finalExit(h.son));
    expect(son.statusCode).toBe(422);
    expect(son.json().error.code).toBe('service_not_for_beneficiary');
  });

  it('refuses a delegate whose authorization does not name the service', async () => {
    const h = await buildHousehold(t);
    const delegate = await buildAccount(t.deps.database.db);
    const delegationId = await grantDelegation(t, h.head.account.id, delegate.account.id, ['exit_reentry_visa']);
    const res = await submitRequest(t, await bearer(t, delegate.account.id), SERVICE, finalExit(h.worker, { delegationId }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('delegation_out_of_scope');
  });
});

describe('the catalogue', () => {
  it('lists the service with its rules and its dated limits', async () => {
    const res = await t.app.inject({ url: '/api/v1/services' });
    const s = res.json().services.find((x: { code: string }) => x.code === SERVICE);
    expect(s).toMatchObject({ name: { ar: 'تأشيرة خروج نهائي', en: 'Final exit visa' }, beneficiaryKinds: ['resident'], relations: ['family', 'domestic_worker', 'establishment_worker'], delegable: true });
    expect(s.rules.map((r: { code: string }) => r.code)).toEqual(['iqama_validity_too_short', 'unpaid_traffic_fines', 'travel_ban', 'open_final_exit_visa', 'open_exit_reentry_visa', 'worker_transferred']);
    expect(s.parameters.min_iqama_validity_days.value).toBe(30);
    expect(s.parameters.standard_validity_days.value).toBe(60);
  });
});
