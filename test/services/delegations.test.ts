import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson } from '../helpers/factories';
import { authorize, bearer, buildHolder, buildHousehold, getRequest, pay, quoteRequest, revokeAuthorization, submitRequest } from '../helpers/services';
import { accounts, auditLog, delegations, documents, requestEvents, sandboxSmsMessages, serviceRequests } from '../../src/server/db/schema';
import { addDays, addYears } from '../../src/domain/calendar';
import { registerService } from '../../src/server/services/catalogue';
import {
  ON_REVOKE,
  decidePeriod,
  delegateRefusal,
  delegationStatus,
  kingdomDay,
  maskIdNumber,
  periodDays,
  periodInstants,
  servicesRefusal,
} from '../../src/server/modules/delegations/rules';

let t: TestContext;

const SERVICE = 'exit_reentry_visa';
// The catalogue changes as services are added; these two fixtures keep the tests about the
// authorization's own rules: one service nobody may delegate, and a second delegable one.
const PERSONAL_ONLY = 'fixture_personal_only';
const OTHER_DELEGABLE = 'fixture_other_delegable';

function fixtureService(code: string, delegable: boolean) {
  registerService({
    code,
    name: { ar: `خدمة ${code}`, en: `Service ${code}` },
    description: { ar: 'خدمة للاختبار', en: 'A service for tests' },
    beneficiaryKinds: ['citizen'],
    relations: ['self'],
    delegable,
    input: z.strictObject({}),
    rules: {},
    eligibility: async () => [],
    fee: () => [],
    fulfil: async () => ({ documents: [] }),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  fixtureService(PERSONAL_ONLY, false);
  fixtureService(OTHER_DELEGABLE, true);
});
afterAll(() => t.close());

/** A kingdom day counted from the test clock's today. */
const day = (n: number) => addDays(kingdomDay(t.clock.now()), n);
const visa = (worker: { idNumber: string }, delegationId?: string) => ({
  beneficiaryIdNumber: worker.idNumber,
  ...(delegationId ? { delegationId } : {}),
  input: { type: 'single', durationMonths: 2 },
});

async function smsTo(mobile: string) {
  return t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, mobile)).orderBy(asc(sandboxSmsMessages.seq));
}

/** A household head, a citizen they authorize for the exit/re-entry visa from today, and the authorization. */
async function authorized(opts: { services?: string[]; startsOn?: string; endsOn?: string } = {}) {
  const h = await buildHousehold(t);
  const delegate = await buildHolder(t);
  const res = await authorize(t, h.head.auth, { delegateIdNumber: delegate.person.idNumber, services: opts.services ?? [SERVICE], endsOn: opts.endsOn ?? day(30), ...(opts.startsOn ? { startsOn: opts.startsOn } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return { h, delegate, delegation: res.json() as { id: string; status: string } };
}

describe('the rules, without a database', () => {
  it('checks the period: today or later, ending after it starts, a year at most', () => {
    const today = '2026-11-23';
    expect(decidePeriod(today, '2026-11-22', '2026-12-01')).toMatchObject({ ok: false, refusal: { code: 'delegation_start_in_past' } });
    expect(decidePeriod(today, today, today)).toMatchObject({ ok: false, refusal: { code: 'delegation_end_not_after_start' } });
    expect(decidePeriod(today, '2026-12-05', '2026-12-01')).toMatchObject({ ok: false, refusal: { code: 'delegation_end_not_after_start' } });
    expect(decidePeriod(today, today, '2027-11-23')).toMatchObject({ ok: true });
    expect(decidePeriod(today, today, '2027-11-24')).toMatchObject({ ok: false, refusal: { code: 'delegation_period_too_long', details: { latestEndsOn: '2027-11-23' } } });
    expect(decidePeriod(today, '2027-02-28', '2028-02-28')).toMatchObject({ ok: true });
  });

  it('covers its days from midnight to midnight, Riyadh time, and gives the same days back', () => {
    const p = periodInstants('2026-11-23', '2026-11-30');
    expect(p.startsAt.toISOString()).toBe('2026-11-22T21:00:00.000Z');
    expect(p.endsAt.toISOString()).toBe('2026-11-30T21:00:00.000Z');
    expect(periodDays(p.startsAt, p.endsAt)).toEqual({ startsOn: '2026-11-23', endsOn: '2026-11-30' });
    expect(kingdomDay(new Date('2026-11-22T21:00:00Z'))).toBe('2026-11-23');
    expect(kingdomDay(new Date('2026-11-22T20:59:59Z'))).toBe('2026-11-22');
  });

  it('tells the status at each boundary, revocation first', () => {
    const d = { startsAt: new Date('2026-11-22T21:00:00Z'), endsAt: new Date('2026-11-30T21:00:00Z'), revokedAt: null };
    expect(delegationStatus(d, new Date('2026-11-22T20:59:59Z'))).toBe('scheduled');
    expect(delegationStatus(d, new Date('2026-11-22T21:00:00Z'))).toBe('in_force');
    expect(delegationStatus(d, new Date('2026-11-30T20:59:59Z'))).toBe('in_force');
    expect(delegationStatus(d, new Date('2026-11-30T21:00:00Z'))).toBe('expired');
    expect(delegationStatus({ ...d, revokedAt: new Date('2026-11-21T00:00:00Z') }, new Date('2026-11-21T00:00:00Z'))).toBe('revoked');
    expect(ON_REVOKE).toEqual({ scheduled: 'revoke', in_force: 'revoke', revoked: 'unchanged', expired: 'refuse' });
  });

  it('refuses oneself and residents by the number alone, and names the services it refuses', () => {
    expect(delegateRefusal('1000000008', '1000000008')).toEqual({ code: 'delegation_to_self' });
    expect(delegateRefusal('1000000008', '2000000006')).toEqual({ code: 'delegate_not_citizen' });
    expect(delegateRefusal('2000000006', '1000000008')).toBeNull();
    const catalogue = [
      { code: 'a', delegable: true },
      { code: 'b', delegable: false },
    ];
    expect(servicesRefusal(['a', 'x', 'b'], catalogue)).toEqual({ code: 'delegation_service_not_found', details: { services: ['x'] } });
    expect(servicesRefusal(['a', 'b'], catalogue)).toEqual({ code: 'delegation_service_not_delegable', details: { services: ['b'] } });
    expect(servicesRefusal(['a'], catalogue)).toBeNull();
  });

  it('masks an identity number to its first and last two digits', () => {
    expect(maskIdNumber('1234567890')).toBe('12******90');
  });
});

describe('giving an authorization', () => {
  it('creates it in force from today, tells the delegate by SMS in their language, and records it', async () => {
    const h = await buildHousehold(t);
    const person = await buildPerson(t.deps.database.db, { nameAr: 'سارة خالد العتيبي', nameEn: 'Sara Khalid Alotaibi', gender: 'f' });
    const delegate = await buildAccount(t.deps.database.db, { person });
    await t.deps.database.db.update(accounts).set({ language: 'en' }).where(eq(accounts.id, delegate.account.id));

    const res = await authorize(t, h.head.auth, { delegateIdNumber: person.idNumber, services: [SERVICE, SERVICE], endsOn: day(30) });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      status: 'in_force',
      canRevoke: true,
      services: [{ code: SERVICE, name: { ar: 'تأشيرة خروج وعودة', en: 'Exit and re-entry visa' } }],
      delegate: { name: { ar: 'سارة خالد العتيبي', en: 'Sara Khalid Alotaibi' }, idNumberMasked: maskIdNumber(person.idNumber) },
      period: { startsOn: { gregorian: day(0) }, endsOn: { gregorian: day(30) } },
      revokedAt: null,
    });
    expect(d.period.startsOn.hijri).toMatch(/^14\d\d-\d\d-\d\d$/);
    expect(JSON.stringify(d)).not.toContain(person.idNumber);
    expect(JSON.stringify(d)).not.toContain(person.mobile);

    const sms = await smsTo(person.mobile);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain('Mohammed Abdullah Alqahtani has authorized you for: Exit and re-entry visa');
    expect(sms[0]!.body).toContain(day(30));

    const [row] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'delegation.granted'), eq(auditLog.actorId, h.head.account.id)));
    expect(row).toMatchObject({ subjectAccountId: h.head.account.id, details: { delegationId: d.id, delegateAccountId: delegate.account.id, services: [SERVICE] } });
  });

  it('starts on a later day when asked, and is scheduled until then', async () => {
    const { delegation } = await authorized({ startsOn: day(3), endsOn: day(10) });
    expect(delegation).toMatchObject({ status: 'scheduled', period: { startsOn: { gregorian: day(3) }, endsOn: { gregorian: day(10) } } });
  });

  it('accepts a period of exactly one year', async () => {
    const { delegation } = await authorized({ endsOn: addYears(day(0), 1) });
    expect(delegation.status).toBe('in_force');
  });

  type Parties = { grantor: Awaited<ReturnType<typeof buildHousehold>> };
  const refusals: Array<[string, (p: Parties) => Promise<Record<string, unknown>>, number, string]> = [
    ['a malformed identity number', async () => ({ delegateIdNumber: '1234567890', services: [SERVICE], endsOn: day(5) }), 400, 'invalid_id_number'],
    ['a resident, even with an active account', async ({ grantor }) => {
      await buildAccount(t.deps.database.db, { person: grantor.worker });
      return { delegateIdNumber: grantor.worker.idNumber, services: [SERVICE], endsOn: day(5) };
    }, 422, 'delegate_not_citizen'],
    ['oneself', async ({ grantor }) => ({ delegateIdNumber: grantor.head.person.idNumber, services: [SERVICE], endsOn: day(5) }), 422, 'delegation_to_self'],
    ['a citizen without an account', async () => ({ delegateIdNumber: (await buildPerson(t.deps.database.db)).idNumber, services: [SERVICE], endsOn: day(5) }), 422, 'delegate_account_not_active'],
    ['a citizen whose account is not activated', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db, { status: 'registered' })).person.idNumber, services: [SERVICE], endsOn: day(5) }), 422, 'delegate_account_not_active'],
    ['a citizen whose account is suspended', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db, { status: 'suspended' })).person.idNumber, services: [SERVICE], endsOn: day(5) }), 422, 'delegate_account_not_active'],
    ['a service that does not exist', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE, 'no_such_service'], endsOn: day(5) }), 422, 'delegation_service_not_found'],
    ['a service that cannot be delegated', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [PERSONAL_ONLY], endsOn: day(5) }), 422, 'delegation_service_not_delegable'],
    ['a start in the past', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE], startsOn: day(-1), endsOn: day(5) }), 422, 'delegation_start_in_past'],
    ['an end on the day it starts', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE], startsOn: day(2), endsOn: day(2) }), 422, 'delegation_end_not_after_start'],
    ['an end before the start', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE], startsOn: day(5), endsOn: day(2) }), 422, 'delegation_end_not_after_start'],
    ['more than a year', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE], endsOn: day(367) }), 422, 'delegation_period_too_long'],
    ['no service', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [], endsOn: day(5) }), 400, 'invalid_input'],
    ['no end', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE] }), 400, 'invalid_input'],
    ['a date that is not on the calendar', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE], endsOn: '2027-02-30' }), 400, 'invalid_input'],
    ['an unknown field', async () => ({ delegateIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: [SERVICE], endsOn: day(5), grantorIdNumber: '1000000008' }), 400, 'invalid_input'],
  ];

  it.each(refusals)('refuses %s', async (_name, body, status, code) => {
    const grantor = await buildHousehold(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/delegations', headers: grantor.head.auth, payload: await body({ grantor }) });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    const given = await t.app.inject({ url: '/api/v1/delegations', headers: grantor.head.auth });
    expect(given.json().given).toEqual([]);
  });

  it('says which services it refused, in the caller’s language', async () => {
    const h = await buildHousehold(t);
    const other = await buildAccount(t.deps.database.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/delegations',
      headers: { ...h.head.auth, 'accept-language': 'en' },
      payload: { delegateIdNumber: other.person.idNumber, services: [SERVICE, PERSONAL_ONLY], endsOn: day(5) },
    });
    expect(res.json().error).toEqual({ code: 'delegation_service_not_delegable', message: 'One of the chosen services cannot be delegated.', details: { services: [PERSONAL_ONLY] } });
    const tooLong = await authorize(t, h.head.auth, { delegateIdNumber: other.person.idNumber, services: [SERVICE], endsOn: day(400) });
    expect(tooLong.json().error).toMatchObject({ code: 'delegation_period_too_long', message: 'مدة التفويض سنة واحدة على الأكثر.', details: { maxYears: 1 } });
  });

  it('refuses a second authorization of the same person for a service over an overlapping period', async () => {
    const { h, delegate, delegation } = await authorized({ services: [SERVICE], endsOn: day(30) });
    const again = await authorize(t, h.head.auth, { delegateIdNumber: delegate.person.idNumber, services: [OTHER_DELEGABLE, SERVICE], startsOn: day(30), endsOn: day(40) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'delegation_overlaps', details: { delegationId: delegation.id, services: [SERVICE] } });

    // Another service, the day after it ends, or someone else: no overlap.
    expect((await authorize(t, h.head.auth, { delegateIdNumber: delegate.person.idNumber, services: [OTHER_DELEGABLE], endsOn: day(30) })).statusCode).toBe(201);
    expect((await authorize(t, h.head.auth, { delegateIdNumber: delegate.person.idNumber, services: [SERVICE], startsOn: day(31), endsOn: day(60) })).statusCode).toBe(201);
    const someoneElse = await buildAccount(t.deps.database.db);
    expect((await authorize(t, h.head.auth, { delegateIdNumber: someoneElse.person.idNumber, services: [SERVICE], endsOn: day(30) })).statusCode).toBe(201);

    // Once the first is revoked, the same period can be given again.
    expect((await revokeAuthorization(t, h.head.auth, delegation.id)).statusCode).toBe(200);
    expect((await authorize(t, h.head.auth, { delegateIdNumber: delegate.person.idNumber, services: [SERVICE], endsOn: day(30) })).statusCode).toBe(201);
  });

  it('gives one of two overlapping authorizations sent at once', async () => {
    const h = await buildHousehold(t);
    const delegate = await buildAccount(t.deps.database.db);
    const body = { delegateIdNumber: delegate.person.idNumber, services: [SERVICE], endsOn: day(10) };
    const results = await Promise.all([authorize(t, h.head.auth, body), authorize(t, h.head.auth, { ...body, endsOn: day(11) })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.deps.database.db.select().from(delegations).where(eq(delegations.grantorAccountId, h.head.account.id));
    expect(rows).toHaveLength(1);
  });

  it('answers a repeated Idempotency-Key with the first authorization', async () => {
    const h = await buildHousehold(t);
    const delegate = await buildAccount(t.deps.database.db);
    const key = randomUUID();
    const body = { delegateIdNumber: delegate.person.idNumber, services: [SERVICE], endsOn: day(10) };
    const first = await authorize(t, h.head.auth, body, key);
    const again = await authorize(t, h.head.auth, body, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await smsTo(delegate.person.mobile)).toHaveLength(1);
  });
});

describe('listing', () => {
  it('shows the holder what they gave and the delegate what they received, each with the other’s name and masked number', async () => {
    const { h, delegate, delegation } = await authorized();
    t.clock.advance(1000);
    const scheduled = await authorize(t, h.head.auth, { delegateIdNumber: delegate.person.idNumber, services: [OTHER_DELEGABLE], startsOn: day(2), endsOn: day(9) });
    t.clock.advance(1000);
    const third = await buildAccount(t.deps.database.db);
    const revoked = (await authorize(t, h.head.auth, { delegateIdNumber: third.person.idNumber, services: [SERVICE], endsOn: day(9) })).json();
    await revokeAuthorization(t, h.head.auth, revoked.id);

    const given = (await t.app.inject({ url: '/api/v1/delegations', headers: h.head.auth })).json();
    expect(given.received).toEqual([]);
    expect(given.given.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [revoked.id, 'revoked'],
      [scheduled.json().id, 'scheduled'],
      [delegation.id, 'in_force'],
    ]);
    expect(given.given[2]).toMatchObject({
      delegate: { name: { ar: delegate.person.nameAr, en: delegate.person.nameEn }, idNumberMasked: maskIdNumber(delegate.person.idNumber) },
      services: [{ code: SERVICE, name: { en: 'Exit and re-entry visa' } }],
      canRevoke: true,
    });
    expect(given.given[0].canRevoke).toBe(false);

    const received = (await t.app.inject({ url: '/api/v1/delegations', headers: delegate.auth })).json();
    expect(received.given).toEqual([]);
    expect(received.received.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [scheduled.json().id, 'scheduled'],
      [delegation.id, 'in_force'],
    ]);
    expect(received.received[1]).toMatchObject({ grantor: { name: { ar: h.head.person.nameAr, en: h.head.person.nameEn }, idNumberMasked: maskIdNumber(h.head.person.idNumber) } });
    expect(received.received[1]).not.toHaveProperty('canRevoke');
    expect(JSON.stringify(received)).not.toContain(h.head.person.idNumber);

    const stranger = await buildHolder(t);
    expect((await t.app.inject({ url: '/api/v1/delegations', headers: stranger.auth })).json()).toEqual({ given: [], received: [] });
  });
});

describe('revocation', () => {
  it('takes effect on the delegate’s next request, tells them by SMS, and is recorded', async () => {
    const { h, delegate, delegation } = await authorized();
    expect((await quoteRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id))).statusCode).toBe(200);

    const res = await revokeAuthorization(t, h.head.auth, delegation.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: delegation.id, status: 'revoked', canRevoke: false, revokedAt: t.clock.now().toISOString() });

    const next = await submitRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id));
    expect(next.statusCode).toBe(403);
    expect(next.json().error.code).toBe('delegation_revoked');
    const quote = await quoteRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id));
    expect(quote.json().error.code).toBe('delegation_revoked');

    const sms = await smsTo(delegate.person.mobile);
    expect(sms.map((m) => m.body)).toEqual([expect.stringContaining('فوّضك'), expect.stringContaining('ألغى')]);
    const [row] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'delegation.revoked'), eq(auditLog.actorId, h.head.account.id)));
    expect(row).toMatchObject({ subjectAccountId: h.head.account.id, details: { delegationId: delegation.id, delegateAccountId: delegate.account.id } });

    // A second revocation answers the same, without a second notice.
    t.clock.advance(1000);
    const again = await revokeAuthorization(t, h.head.auth, delegation.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(res.json().revokedAt);
    expect(await smsTo(delegate.person.mobile)).toHaveLength(2);
  });

  it('belongs to the holder who gave it: anyone else, the delegate included, is told it does not exist', async () => {
    const { delegate, delegation } = await authorized();
    const stranger = await buildHolder(t);
    for (const auth of [delegate.auth, stranger.auth]) {
      const res = await revokeAuthorization(t, auth, delegation.id);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('delegation_not_found');
    }
    expect((await revokeAuthorization(t, delegate.auth, randomUUID())).statusCode).toBe(404);
    const rows = await t.deps.database.db.select().from(delegations).where(eq(delegations.id, delegation.id));
    expect(rows[0]!.revokedAt).toBeNull();
  });

  it('leaves the holder the requests made before it, and takes them from the delegate', async () => {
    const { h, delegate, delegation } = await authorized();
    const made = (await submitRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id))).json();
    expect((await getRequest(t, delegate.auth, made.id)).statusCode).toBe(200);
    await revokeAuthorization(t, h.head.auth, delegation.id);

    const peek = await getRequest(t, delegate.auth, made.id);
    expect(peek.statusCode).toBe(403);
    expect(peek.json().error.code).toBe('delegation_revoked');
    const theirs = (await t.app.inject({ url: '/api/v1/requests', headers: delegate.auth })).json();
    expect(theirs.requests).toEqual([]);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${made.id}/cancel`, headers: delegate.auth });
    expect(cancel.json().error.code).toBe('delegation_revoked');

    const holder = (await t.app.inject({ url: '/api/v1/requests', headers: h.head.auth })).json();
    expect(holder.requests.map((r: { id: string }) => r.id)).toContain(made.id);
    const byHolder = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${made.id}/cancel`, headers: h.head.auth });
    expect(byHolder.json().status).toBe('cancelled');
  });
});

describe('the period', () => {
  it('ends with its last day: the delegate is then refused, and there is nothing left to revoke', async () => {
    const { h, delegate, delegation } = await authorized({ endsOn: day(1) });
    expect((await quoteRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id))).statusCode).toBe(200);

    const [row] = await t.deps.database.db.select().from(delegations).where(eq(delegations.id, delegation.id));
    t.clock.set(row!.endsAt);
    // The morning's sessions have ended by now: new ones.
    const delegateAuth = await bearer(t, delegate.account.id);
    const holderAuth = await bearer(t, h.head.account.id);
    const res = await submitRequest(t, delegateAuth, SERVICE, visa(h.worker, delegation.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('delegation_not_in_force');
    const listed = (await t.app.inject({ url: '/api/v1/delegations', headers: holderAuth })).json();
    expect(listed.given[0]).toMatchObject({ id: delegation.id, status: 'expired', canRevoke: false });
    const revoke = await revokeAuthorization(t, holderAuth, delegation.id);
    expect(revoke.statusCode).toBe(409);
    expect(revoke.json().error.code).toBe('delegation_already_ended');
  });

  it('does not let the delegate act before its first day, and does from then on', async () => {
    const { h, delegate, delegation } = await authorized({ startsOn: day(1), endsOn: day(5) });
    const early = await quoteRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id));
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('delegation_not_in_force');
    expect((await submitRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id))).json().error.code).toBe('delegation_not_in_force');

    const [row] = await t.deps.database.db.select().from(delegations).where(eq(delegations.id, delegation.id));
    t.clock.set(row!.startsAt);
    const onTime = await quoteRequest(t, await bearer(t, delegate.account.id), SERVICE, visa(h.worker, delegation.id));
    expect(onTime.statusCode, onTime.body).toBe(200);
  });

  it('covers only the services it names', async () => {
    const { h, delegate, delegation } = await authorized({ services: [OTHER_DELEGABLE] });
    const res = await submitRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('delegation_out_of_scope');
    expect((await quoteRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id))).json().error.code).toBe('delegation_out_of_scope');
  });

  it('stops when the holder’s account is suspended, and cannot be borrowed by someone else', async () => {
    const { h, delegate, delegation } = await authorized();
    const stranger = await buildHolder(t);
    const borrowed = await submitRequest(t, stranger.auth, SERVICE, visa(h.worker, delegation.id));
    expect(borrowed.statusCode).toBe(404);
    expect(borrowed.json().error.code).toBe('delegation_not_found');

    await t.deps.database.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, h.head.account.id));
    const res = await submitRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('delegation_not_in_force');
  });
});

describe('a delegate acting for the holder’s domestic worker', () => {
  it('quotes, applies, is paid and issued, all recorded as done on the holder’s behalf, and the holder sees it', async () => {
    const { h, delegate, delegation } = await authorized();
    const db = t.deps.database.db;

    const q = await quoteRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id));
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json()).toMatchObject({ eligible: true, relation: 'domestic_worker', fee: { totalHalalas: 20000 } });

    const sub = await submitRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id));
    expect(sub.statusCode, sub.body).toBe(201);
    const r = sub.json();
    expect(r).toMatchObject({ status: 'awaiting_payment', relation: 'domestic_worker', byDelegate: true, appliedByYou: true });
    expect((await pay(t, r.bills[0].billNumber, 20000)).statusCode).toBe(200);

    // The holder sees the request, as made for them by someone else, with its history.
    const list = (await t.app.inject({ url: '/api/v1/requests', headers: h.head.auth })).json();
    expect(list.requests.find((x: { id: string }) => x.id === r.id)).toMatchObject({ status: 'issued', byDelegate: true, appliedByYou: false });
    const seen = (await getRequest(t, h.head.auth, r.id)).json();
    expect(seen.events.map((e: { to: string; onBehalfOf: boolean }) => [e.to, e.onBehalfOf])).toEqual([
      ['awaiting_payment', true],
      ['submitted', false],
      ['issued', false],
    ]);
    const [doc] = await db.select().from(documents).where(eq(documents.requestId, r.id));
    expect(doc).toMatchObject({ kind: 'exit_reentry_visa', holderIdNumber: h.worker.idNumber, status: 'valid' });

    // The records: the delegate did it, on the holder's behalf, under this authorization.
    const [stored] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, r.id));
    expect(stored).toMatchObject({ applicantAccountId: delegate.account.id, onBehalfOfAccountId: h.head.account.id, delegationId: delegation.id });
    const [created] = await db.select().from(requestEvents).where(eq(requestEvents.requestId, r.id)).orderBy(asc(requestEvents.id)).limit(1);
    expect(created).toMatchObject({ actorKind: 'account', actorId: delegate.account.id, onBehalfOf: h.head.account.id });
    const byDelegate = await db.select().from(auditLog).where(eq(auditLog.actorId, delegate.account.id)).orderBy(asc(auditLog.id));
    expect(byDelegate.map((a) => a.action)).toEqual(['request.quoted', 'request.created']);
    for (const a of byDelegate) {
      expect(a).toMatchObject({ actorKind: 'account', onBehalfOf: h.head.account.id, subjectAccountId: h.head.account.id, subjectIdNumber: h.worker.idNumber, details: { delegationId: delegation.id, service: SERVICE } });
    }

    // The holder's view of what the delegate did under this authorization.
    const activity = await t.app.inject({ url: `/api/v1/delegations/${delegation.id}/activity`, headers: h.head.auth });
    expect(activity.statusCode, activity.body).toBe(200);
    expect(activity.json()).toMatchObject({
      delegation: { id: delegation.id, status: 'in_force' },
      requests: [{ id: r.id, number: r.number, status: 'issued', beneficiaryIdNumber: h.worker.idNumber, bills: [{ status: 'paid' }], documents: [{ kind: 'exit_reentry_visa', number: doc!.number }] }],
      actions: [
        { action: 'request.quoted', service: SERVICE, request: null },
        { action: 'request.created', service: SERVICE, request: { id: r.id, number: r.number }, status: 'awaiting_payment' },
      ],
    });
    for (const auth of [delegate.auth, (await buildHolder(t)).auth]) {
      const other = await t.app.inject({ url: `/api/v1/delegations/${delegation.id}/activity`, headers: auth });
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('delegation_not_found');
    }
  });

  it('lets the holder cancel what the delegate applied for, and the delegate too, each recorded as who did it', async () => {
    const { h, delegate, delegation } = await authorized();
    const second = await buildPerson(t.deps.database.db, { kind: 'resident', sponsorKind: 'person', sponsorId: h.head.person.idNumber, profession: 'house_cook' });
    const first = (await submitRequest(t, delegate.auth, SERVICE, visa(h.worker, delegation.id))).json();
    const other = (await submitRequest(t, delegate.auth, SERVICE, visa(second, delegation.id))).json();

    const byHolder = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${first.id}/cancel`, headers: h.head.auth });
    expect(byHolder.statusCode, byHolder.body).toBe(200);
    expect(byHolder.json().status).toBe('cancelled');
    const byDelegate = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${other.id}/cancel`, headers: delegate.auth });
    expect(byDelegate.json().status).toBe('cancelled');

    const cancellations = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'request.cancelled'));
    expect(cancellations.find((a) => a.details['requestId'] === first.id)).toMatchObject({ actorId: h.head.account.id, onBehalfOf: null });
    expect(cancellations.find((a) => a.details['requestId'] === other.id)).toMatchObject({ actorId: delegate.account.id, onBehalfOf: h.head.account.id, details: { delegationId: delegation.id } });
    const activity = (await t.app.inject({ url: `/api/v1/delegations/${delegation.id}/activity`, headers: h.head.auth })).json();
    expect(activity.actions.map((a: { action: string }) => a.action)).toEqual(['request.created', 'request.created', 'request.cancelled']);
  });
});
