import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount } from '../helpers/factories';
import { addFine, addTravelBan, bearer, buildHousehold, getRequest, pay, quoteRequest, submitRequest } from '../helpers/services';
import { auditLog, bills, documents, requestEvents, sandboxSmsMessages, serviceParameters, smsOutbox } from '../../src/server/db/schema';
import type { SandboxTrafficAgency } from '../../src/server/adapters/traffic/sandbox';
import { fulfil, fulfilPending } from '../../src/server/services/engine/requests';
import { DAY } from '../../src/server/platform/clock';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SERVICE = 'exit_reentry_visa';
const visa = (worker: { idNumber: string }, input: Record<string, unknown> = { type: 'single', durationMonths: 2 }) => ({ beneficiaryIdNumber: worker.idNumber, input });

describe('exit and re-entry visa, end to end', () => {
  it('quotes, bills, is paid at a bank and is issued, with an SMS to the sponsor', async () => {
    const h = await buildHousehold(t);
    const q = await quoteRequest(t, h.head.auth, SERVICE, visa(h.worker));
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json()).toMatchObject({ eligible: true, relation: 'domestic_worker', fee: { totalHalalas: 20000 } });

    const sub = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker));
    expect(sub.statusCode, sub.body).toBe(201);
    const r = sub.json();
    expect(r).toMatchObject({ status: 'awaiting_payment', service: SERVICE, relation: 'domestic_worker', fee: { totalHalalas: 20000 } });
    expect(r.number).toMatch(/^R\d+$/);
    const bill = r.bills[0];
    expect(bill).toMatchObject({ amountHalalas: 20000, status: 'unpaid' });
    expect(bill.billNumber).toMatch(/^\d{12}$/);

    const paid = await pay(t, bill.billNumber, 20000);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ billNumber: bill.billNumber, status: 'paid' });

    const after = (await getRequest(t, h.head.auth, r.id)).json();
    expect(after.status).toBe('issued');
    expect(after.bills[0]).toMatchObject({ status: 'paid', receiptId: paid.json().receiptId });
    expect(after.events.map((e: { to: string }) => e.to)).toEqual(['awaiting_payment', 'submitted', 'issued']);
    const [doc] = await t.deps.database.db.select().from(documents).where(eq(documents.requestId, r.id));
    expect(doc).toMatchObject({ kind: 'exit_reentry_visa', holderIdNumber: h.worker.idNumber, status: 'valid' });
    const sms = await t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, h.head.person.mobile));
    expect(sms.some((m) => m.body.includes(r.number))).toBe(true);
  });

  it('lists the request for the applicant', async () => {
    const h = await buildHousehold(t);
    const sub = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker));
    const list = await t.app.inject({ url: '/api/v1/requests', headers: h.head.auth });
    const listed = list.json().requests.find((r: { id: string }) => r.id === sub.json().id);
    expect(listed.beneficiary).toEqual({ idNumber: h.worker.idNumber, name: { ar: h.worker.nameAr, en: h.worker.nameEn } });
  });
});

describe('fees across the schedule', () => {
  it.each([
    ['single', 1, 20000],
    ['single', 2, 20000],
    ['single', 3, 30000],
    ['single', 6, 60000],
    ['multiple', 3, 50000],
    ['multiple', 4, 70000],
    ['multiple', 12, 230000],
  ])('%s for %i months costs %i halalas', async (type, months, halalas) => {
    const h = await buildHousehold(t);
    const q = await quoteRequest(t, h.head.auth, SERVICE, visa(h.worker, { type, durationMonths: months }));
    expect(q.json().fee.totalHalalas).toBe(halalas);
  });

  it('applies a new schedule from its effective date, not before', async () => {
    const h = await buildHousehold(t);
    const tomorrow = new Date(t.clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
    await t.deps.database.db.insert(serviceParameters).values({ service: SERVICE, key: 'single_base_halalas', effectiveFrom: tomorrow, value: 25000, unit: 'halalas' });
    expect((await quoteRequest(t, h.head.auth, SERVICE, visa(h.worker))).json().fee.totalHalalas).toBe(20000);
    t.clock.advance(3 * DAY);
    const h2 = await buildHousehold(t);
    expect((await quoteRequest(t, h2.head.auth, SERVICE, visa(h2.worker))).json().fee.totalHalalas).toBe(25000);
    await t.deps.database.db.delete(serviceParameters).where(and(eq(serviceParameters.service, SERVICE), eq(serviceParameters.effectiveFrom, tomorrow)));
    // The schedule was withdrawn behind the instance's back: it forgets what it read.
    t.deps.parameters.invalidate();
  });
});

describe('eligibility', () => {
  const soon = (days: number) => new Date(t.clock.now().getTime() + days * DAY + 3 * 3600_000).toISOString().slice(0, 10);

  it.each([
    ['a passport valid 89 days', () => ({ passportExpiresOn: soon(89) }), 'passport_validity_too_short'],
    ['an expired iqama', () => ({ iqamaExpiresOn: soon(-1) }), 'iqama_not_valid'],
    ['no passport', () => ({ passportNumber: null, passportIssuedOn: null, passportExpiresOn: null }), 'passport_validity_too_short'],
  ])('refuses %s', async (_n, worker, code) => {
    const h = await buildHousehold(t, { worker: worker() });
    const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(code);
  });

  it('accepts a passport valid exactly 90 days', async () => {
    const h = await buildHousehold(t, { worker: { passportExpiresOn: soon(90) } });
    expect((await quoteRequest(t, h.head.auth, SERVICE, visa(h.worker))).json().eligible).toBe(true);
  });

  it('refuses unpaid traffic fines and a travel ban, listing every refusal', async () => {
    const h = await buildHousehold(t);
    await addFine(t.deps.database.db, h.worker.idNumber);
    await addTravelBan(t.deps.database.db, h.worker.idNumber);
    const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker), undefined);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('unpaid_traffic_fines');
    expect(res.json().details ?? res.json().error.details).toMatchObject({ refusals: [{ code: 'unpaid_traffic_fines' }, { code: 'travel_ban' }] });
    const en = await t.app.inject({ method: 'POST', url: `/api/v1/services/${SERVICE}/quote`, headers: { ...h.head.auth, 'accept-language': 'en' }, payload: visa(h.worker) });
    expect(en.json().refusals[1]).toEqual({ code: 'travel_ban', message: 'This person is banned from travel.' });
  });

  it('refuses while a final exit visa is applied for, so that a resident holds one exit document', async () => {
    const h = await buildHousehold(t);
    const fe = await submitRequest(t, h.head.auth, 'final_exit_visa', { beneficiaryIdNumber: h.worker.idNumber, input: {} });
    expect(fe.statusCode, fe.body).toBe(201);
    const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('final_exit_visa_open');
  });

  it('refuses a duration above the limit', async () => {
    const h = await buildHousehold(t);
    const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker, { type: 'single', durationMonths: 25 }));
    expect(res.json().error.code).toBe('duration_too_long');
  });

  it('refuses a second visa while one is open, and two racing submissions give one request', async () => {
    const h = await buildHousehold(t);
    const [a, b] = await Promise.all([submitRequest(t, h.head.auth, SERVICE, visa(h.worker)), submitRequest(t, h.head.auth, SERVICE, visa(h.worker))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const first = a.statusCode === 201 ? a.json() : b.json();
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('conflicting_request');
    await pay(t, first.bills[0].billNumber, 20000);
    const again = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('open_exit_reentry_visa');
  });

  it('refuses bad input in the service fields', async () => {
    const h = await buildHousehold(t);
    for (const input of [{ type: 'triple', durationMonths: 2 }, { type: 'single', durationMonths: 0 }, { type: 'single', durationMonths: 1.5 }, { type: 'single' }, { type: 'single', durationMonths: 2, extra: 1 }]) {
      const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker, input));
      expect(res.statusCode, JSON.stringify(input)).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
    }
  });
});

describe('who may apply', () => {
  it('refuses another citizen, the resident themself, and an unknown person', async () => {
    const h = await buildHousehold(t);
    const stranger = await buildAccount(t.deps.database.db);
    const res = await submitRequest(t, await bearer(t, stranger.account.id), SERVICE, visa(h.worker));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_your_beneficiary');
    const self = await buildAccount(t.deps.database.db, { person: h.worker });
    const own = await submitRequest(t, await bearer(t, self.account.id), SERVICE, visa(h.worker));
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('relation_not_allowed');
    const nobody = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: '1000000008', input: { type: 'single', durationMonths: 2 } });
    expect(nobody.json().error.code).toBe('person_not_found');
  });

  it('refuses a citizen family member (the visa is for residents)', async () => {
    const h = await buildHousehold(t);
    const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.son));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('service_not_for_beneficiary');
  });

  it('needs a session, and hides other people’s requests', async () => {
    const h = await buildHousehold(t);
    const anon = await t.app.inject({ method: 'POST', url: `/api/v1/services/${SERVICE}/requests`, headers: { 'idempotency-key': randomUUID() }, payload: visa(h.worker) });
    expect(anon.statusCode).toBe(401);
    const sub = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker));
    const stranger = await buildAccount(t.deps.database.db);
    const peek = await getRequest(t, await bearer(t, stranger.account.id), sub.json().id);
    expect(peek.statusCode).toBe(404);
  });
});

describe('idempotent submission', () => {
  it('replays the first answer for the same key and body, and refuses the key with another body', async () => {
    const h = await buildHousehold(t);
    const key = randomUUID();
    const first = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker), key);
    const again = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker), key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker, { type: 'multiple', durationMonths: 3 }), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
  });

  it('needs the key', async () => {
    const h = await buildHousehold(t);
    const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker), null);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('idempotency_key_required');
  });

  it('creates one request when the same key arrives ten times at once', async () => {
    const h = await buildHousehold(t);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitRequest(t, h.head.auth, SERVICE, visa(h.worker), key)));
    const created = results.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    expect(results.every((r) => r.statusCode === 201 || (r.statusCode === 409 && r.json().error.code === 'request_in_progress'))).toBe(true);
  });
});

describe('payment', () => {
  async function awaiting() {
    const h = await buildHousehold(t);
    const r = (await submitRequest(t, h.head.auth, SERVICE, visa(h.worker))).json();
    return { h, r, bill: r.bills[0] as { billNumber: string; amountHalalas: number } };
  }

  it('paying twice returns the same receipt, and racing payments pay once', async () => {
    const { bill } = await awaiting();
    const results = await Promise.all([pay(t, bill.billNumber, bill.amountHalalas, 'atm-alrajhi'), pay(t, bill.billNumber, bill.amountHalalas, 'atm-samba')]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results[0]!.json().receiptId).toBe(results[1]!.json().receiptId);
    t.clock.advance(1000);
    const third = await pay(t, bill.billNumber, bill.amountHalalas);
    expect(third.json().receiptId).toBe(results[0]!.json().receiptId);
  });

  it('refuses the wrong amount, an unknown bill, and a kiosk', async () => {
    const { bill } = await awaiting();
    const wrong = await pay(t, bill.billNumber, bill.amountHalalas - 1);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('amount_mismatch');
    const unknown = await pay(t, '100000000008', 100);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('bill_not_found');
    const kiosk = await pay(t, bill.billNumber, bill.amountHalalas, 'kiosk-airports');
    expect(kiosk.statusCode).toBe(403);
  });

  it('refuses an expired bill and cancels its request', async () => {
    const { h, r, bill } = await awaiting();
    t.clock.advance(3 * DAY + 1000);
    const res = await pay(t, bill.billNumber, bill.amountHalalas);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('bill_expired');
    // Three days on, the morning's session has ended: a new one.
    expect((await getRequest(t, await bearer(t, h.head.account.id), r.id)).json()).toMatchObject({ status: 'cancelled', bills: [{ status: 'expired' }] });
  });

  it('refuses the bill of a cancelled request', async () => {
    const { h, r, bill } = await awaiting();
    const c = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/cancel`, headers: h.head.auth });
    expect(c.statusCode).toBe(200);
    expect(c.json().status).toBe('cancelled');
    const res = await pay(t, bill.billNumber, bill.amountHalalas);
    expect(res.json().error.code).toBe('bill_cancelled');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/cancel`, headers: h.head.auth });
    expect(again.statusCode).toBe(409);
  });

  it('rejects at fulfilment when a rule no longer holds, and records the refund due', async () => {
    const { h, r, bill } = await awaiting();
    await addTravelBan(t.deps.database.db, h.worker.idNumber);
    expect((await pay(t, bill.billNumber, bill.amountHalalas)).statusCode).toBe(200);
    const after = (await getRequest(t, h.head.auth, r.id)).json();
    expect(after.status).toBe('rejected');
    expect(after.outcome.refusals[0].code).toBe('travel_ban');
    expect(after.bills[0]).toMatchObject({ status: 'paid', refundStatus: 'due' });
  });

  /** A request paid while the traffic agency was down: paid, submitted, not yet decided. */
  async function paidWhileAgencyDown() {
    const { h, r, bill } = await awaiting();
    const traffic = t.deps.traffic as SandboxTrafficAgency;
    traffic.setDown(true);
    try {
      expect((await pay(t, bill.billNumber, bill.amountHalalas)).statusCode).toBe(200);
    } finally {
      traffic.setDown(false);
    }
    return { h, r };
  }

  it('keeps a paid request when an agency is down, and issues it once the agency is back', async () => {
    const { h, r } = await paidWhileAgencyDown();
    expect((await getRequest(t, h.head.auth, r.id)).json().status).toBe('submitted');
    await fulfilPending(t.deps);
    expect((await getRequest(t, h.head.auth, r.id)).json().status).toBe('issued');
    const [b] = await t.deps.database.db.select().from(bills).where(eq(bills.requestId, r.id));
    expect(b!.status).toBe('paid');
  });

  it('issues one visa when fulfilments race, and the ones that lost write nothing', async () => {
    const { h, r } = await paidWhileAgencyDown();
    const meta = { requestId: 'race', channel: 'system' } as const;
    const rows = await Promise.all(Array.from({ length: 4 }, () => fulfil(t.deps, r.id, meta)));
    expect(rows.map((x) => x.status)).toEqual(['issued', 'issued', 'issued', 'issued']);
    const docs = await t.deps.database.db.select().from(documents).where(eq(documents.requestId, r.id));
    expect(docs).toHaveLength(1);
    // Every caller answers with the one outcome that was written.
    const written = { documents: [{ kind: SERVICE, number: docs[0]!.number, issuedOn: docs[0]!.issuedOn, expiresOn: docs[0]!.expiresOn }], summary: { type: 'single', durationMonths: 2 } };
    for (const x of rows) expect(x.outcome).toEqual(written);
    const events = await t.deps.database.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, r.id), eq(requestEvents.toStatus, 'issued')));
    expect(events).toHaveLength(1);
    const issuedAudits = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'request.issued'), sql`${auditLog.details}->>'requestId' = ${r.id}`));
    expect(issuedAudits).toHaveLength(1);
    const notices = await t.deps.database.db.select().from(smsOutbox).where(and(eq(smsOutbox.to, h.head.account.mobile), eq(smsOutbox.kind, 'notice')));
    expect(notices.filter((n) => n.body.includes(r.number))).toHaveLength(1);
  });

  it('answers 503 with Retry-After when an agency is down at submission, and creates nothing', async () => {
    const h = await buildHousehold(t);
    const traffic = t.deps.traffic as SandboxTrafficAgency;
    traffic.setDown(true);
    try {
      const res = await submitRequest(t, h.head.auth, SERVICE, visa(h.worker));
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      traffic.setDown(false);
    }
    const list = await t.app.inject({ url: '/api/v1/requests', headers: h.head.auth });
    expect(list.json().requests).toHaveLength(0);
  });
});

describe('the catalogue', () => {
  it('lists the service publicly with its rules, fees and input', async () => {
    const res = await t.app.inject({ url: '/api/v1/services' });
    expect(res.statusCode).toBe(200);
    const s = res.json().services.find((x: { code: string }) => x.code === SERVICE);
    expect(s.name).toEqual({ ar: 'تأشيرة خروج وعودة', en: 'Exit and re-entry visa' });
    expect(s.rules.map((r: { code: string }) => r.code)).toContain('travel_ban');
    expect(s.parameters.single_base_halalas.value).toBe(20000);
    expect(s.input.properties.type.enum).toEqual(['single', 'multiple']);
  });
});

