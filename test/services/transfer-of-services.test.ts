// Transfer of services: the new establishment applies, the worker consents from their own
// account, the current establishment releases them (or a waiver applies), the fee by the
// worker's transfer count is paid, labour approves, and the registry records the new sponsor.
// One transfer per establishment per interval; agency faults; who may do what.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, buildPerson, grantStaffRole, type BuiltPerson, type PersonRow } from '../helpers/factories';
import { bearer, getRequest, kingdomDayFromToday, pay, quoteRequest, submitRequest } from '../helpers/services';
import { buildEstablishment, establishmentId, grantStaff, openEstablishmentRow, setLabourRecord, type BuiltEstablishment } from '../helpers/establishments';
import { bills, sandboxLabourApprovals, serviceRequests } from '../../src/server/db/schema';
import { fulfilPending } from '../../src/server/services/engine/requests';
import { createBill } from '../../src/server/services/engine/bills';
import { transferOfServices } from '../../src/server/services/transfers/transfer-of-services';
import { addMonths, daysBetween } from '../../src/domain/calendar';
import { DAY, FakeClock } from '../../src/server/platform/clock';
import { newId } from '../../src/server/platform/crypto';

let t: TestContext;
beforeAll(async () => {
  // The platform waits 150 ms for an agency, so that a slow sandbox times out quickly.
  t = await createTestApp({ clock: new FakeClock('2026-01-15T09:00:00Z'), env: { AGENCY_TIMEOUT_MS: '150' } });
});
afterAll(() => t.close());
afterEach(() => t.deps.sandboxFaults!.labour.set({ down: false, delayMs: 0, refusalPercent: 0 }));

const SERVICE = 'transfer_of_services';
const FIRST = 200000;
type Auth = Record<string, string>;

/** A worker of a current establishment (with an active account of their own) and a new establishment asking for them. */
async function setup(worker: Partial<PersonRow> = {}, opts: { account?: boolean } = {}) {
  const from = await buildEstablishment(t, { workers: 1, worker });
  const to = await buildEstablishment(t, { workers: 0 });
  const w = from.workers[0]!;
  const auth = opts.account === false ? {} : await bearer(t, (await buildAccount(t.deps.database.db, { person: w })).account.id);
  return { from, to, w, workerAuth: auth };
}

const ask = (to: BuiltEstablishment, w: { idNumber: string }) => ({ beneficiaryIdNumber: w.idNumber, establishmentId: to.id, input: {} });

function act(auth: Auth, id: string, what: 'consent' | 'release' | 'cancel', decision?: string): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${id}/${what}`,
    headers: { ...auth, 'idempotency-key': randomUUID() },
    ...(decision ? { payload: { decision } } : {}),
  });
}

async function submitted(to: BuiltEstablishment, w: { idNumber: string }, auth: Auth = to.owner.auth) {
  const res = await submitRequest(t, auth, SERVICE, ask(to, w));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function requestsFor(idNumber: string) {
  return t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.beneficiaryIdNumber, idNumber));
}

/** A transfer of the worker issued earlier (their history), to another establishment. */
async function pastTransfer(idNumber: string, status: 'issued' | 'rejected' | 'cancelled' = 'issued', decidedAt = new Date('2024-03-01T09:00:00Z')) {
  await t.deps.database.db.insert(serviceRequests).values({
    id: newId(),
    number: `RT${randomUUID().slice(0, 8)}`,
    service: SERVICE,
    status,
    applicantAccountId: newId(),
    beneficiaryIdNumber: idNumber,
    relation: 'establishment_recruit',
    input: {},
    feeHalalas: FIRST,
    feeLines: [],
    establishmentId: establishmentId(),
    createdAt: decidedAt,
    updatedAt: decidedAt,
    decidedAt,
  });
}

/** Consent, release, pay: the request as it ends. */
async function carryThrough(s: Awaited<ReturnType<typeof setup>>, r: { id: string }) {
  expect((await act(s.workerAuth, r.id, 'consent', 'approve')).json().status).toBe('awaiting_release');
  const released = (await act(s.from.owner.auth, r.id, 'release', 'release')).json();
  expect(released.status).toBe('awaiting_payment');
  await pay(t, released.bills[0].billNumber, released.fee.totalHalalas);
  return (await getRequest(t, s.to.owner.auth, r.id)).json();
}

describe('a transfer of services, end to end', () => {
  it('consent, release, payment, labour approval, the new sponsor in the registry', async () => {
    const s = await setup();
    const q = await quoteRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w));
    expect(q.json()).toMatchObject({ eligible: true, relation: 'establishment_recruit', fee: { totalHalalas: FIRST, lines: [{ key: 'first_transfer', quantity: 1 }] } });

    const r = await submitted(s.to, s.w);
    expect(r).toMatchObject({ status: 'awaiting_consent', relation: 'establishment_recruit', establishmentId: s.to.id, releaseFrom: s.from.id, bills: [] });

    // The worker finds it among their own requests.
    const mine = (await t.app.inject({ url: '/api/v1/requests', headers: s.workerAuth })).json().requests;
    expect(mine.find((x: { id: string }) => x.id === r.id)).toMatchObject({
      status: 'awaiting_consent',
      appliedByYou: false,
      consentFromYou: true,
      allowedActions: expect.arrayContaining(['consent', 'decline']),
    });
    // The establishments see it too, and are told that the consent is not theirs to give.
    expect((await getRequest(t, s.from.owner.auth, r.id)).json()).toMatchObject({ appliedByYou: false, consentFromYou: false });
    expect(r).toMatchObject({ appliedByYou: true, consentFromYou: false });

    const consented = await act(s.workerAuth, r.id, 'consent', 'approve');
    expect(consented.statusCode, consented.body).toBe(200);
    expect(consented.json()).toMatchObject({ status: 'awaiting_release', bills: [] });

    // The current establishment sees what awaits its release, alone when it asks for that.
    expect((await getRequest(t, s.from.owner.auth, r.id)).json().status).toBe('awaiting_release');
    const listed = (role?: string) =>
      t.app.inject({ url: `/api/v1/establishments/${s.from.id}/requests${role ? `?role=${role}` : ''}`, headers: s.from.owner.auth }).then((res) => res.json());
    expect(await listed('releasing')).toMatchObject({ total: 1, requests: [{ id: r.id, role: 'releasing', status: 'awaiting_release', beneficiaryIdNumber: s.w.idNumber }] });
    expect(await listed('applicant')).toMatchObject({ total: 0, requests: [] });
    expect((await listed()).total).toBe(1);
    expect((await t.app.inject({ url: `/api/v1/establishments/${s.to.id}/requests?role=releasing`, headers: s.to.owner.auth })).json().total).toBe(0);
    expect((await t.app.inject({ url: `/api/v1/establishments/${s.to.id}/requests?role=applicant`, headers: s.to.owner.auth })).json()).toMatchObject({ total: 1, requests: [{ id: r.id, role: 'applicant' }] });
    expect((await t.app.inject({ url: `/api/v1/establishments/${s.from.id}/requests?role=other`, headers: s.from.owner.auth })).statusCode).toBe(400);
    const released = await act(s.from.owner.auth, r.id, 'release', 'release');
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'awaiting_payment', bills: [{ amountHalalas: FIRST, status: 'unpaid' }] });

    expect((await pay(t, released.json().bills[0].billNumber, FIRST)).statusCode).toBe(200);
    const done = (await getRequest(t, s.to.owner.auth, r.id)).json();
    expect(done.status).toBe('issued');
    expect(done.events.map((e: { to: string }) => e.to)).toEqual(['awaiting_consent', 'awaiting_release', 'awaiting_payment', 'submitted', 'issued']);
    expect(done.outcome).toEqual({ documents: [], summary: { from: s.from.id, to: s.to.id, release: 'released', feeLine: 'first_transfer' } });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor).toEqual({ kind: 'establishment', id: s.to.id });
    const [approval] = await t.deps.database.db.select().from(sandboxLabourApprovals).where(eq(sandboxLabourApprovals.reference, r.id));
    expect(approval).toMatchObject({ kind: SERVICE, idNumber: s.w.idNumber, establishmentId: s.to.id, approved: true, details: { from: s.from.id } });

    // The worker's next transfer, to a third establishment, is the second: SR4,000, and the
    // establishment they work for now is the one to release them.
    const third = await buildEstablishment(t, { workers: 0 });
    expect((await quoteRequest(t, third.owner.auth, SERVICE, ask(third, s.w))).json().fee).toMatchObject({ totalHalalas: 400000, lines: [{ key: 'second_transfer' }] });
    expect((await submitted(third, s.w)).releaseFrom).toBe(s.to.id);
  });

  it('the worker declines: the request is cancelled and nothing is billed', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    const res = await act(s.workerAuth, r.id, 'consent', 'decline');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', bills: [] });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor).toEqual({ kind: 'establishment', id: s.from.id });
    // The establishment may ask again once the worker declined.
    expect((await submitRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w))).statusCode).toBe(201);
  });

  it('without the worker’s consent nothing moves: no release, no bill', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    const early = await act(s.from.owner.auth, r.id, 'release', 'release');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('request_action_not_allowed');
    expect(await t.deps.database.db.select().from(bills).where(eq(bills.requestId, r.id))).toHaveLength(0);
  });

  it('the current establishment refuses to release: the request is rejected, nothing was billed', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    await act(s.workerAuth, r.id, 'consent', 'approve');
    const res = await act(s.from.owner.auth, r.id, 'release', 'refuse');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', bills: [], outcome: { refusals: [{ code: 'release_refused' }] } });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor!.id).toBe(s.from.id);
  });

  it('the new establishment may withdraw while the release is awaited', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    await act(s.workerAuth, r.id, 'consent', 'approve');
    expect((await act(s.to.owner.auth, r.id, 'cancel')).json().status).toBe('cancelled');
  });
});

describe('waivers of the current establishment’s release', () => {
  const today = () => kingdomDayFromToday(t, 0);
  it.each([
    ['the iqama expired yesterday and was not renewed', () => ({ iqamaExpiresOn: kingdomDayFromToday(t, -1) }), 'iqama_expired'],
    ['no iqama was issued within 3 months of arrival', () => ({ iqamaExpiresOn: null, arrivedOn: addMonths(kingdomDayFromToday(t, -1), -3) }), 'no_iqama_after_arrival'],
  ])('%s: after the consent straight to payment, and issued', async (_n, worker, waiver) => {
    const s = await setup(worker());
    const r = await submitted(s.to, s.w);
    expect(r.releaseFrom).toBeNull();
    const consented = (await act(s.workerAuth, r.id, 'consent', 'approve')).json();
    expect(consented).toMatchObject({ status: 'awaiting_payment', bills: [{ amountHalalas: FIRST }] });
    // Nobody at the current establishment is asked, nor sees the request.
    expect((await getRequest(t, s.from.owner.auth, r.id)).statusCode).toBe(404);
    await pay(t, consented.bills[0].billNumber, FIRST);
    const done = (await getRequest(t, s.to.owner.auth, r.id)).json();
    expect(done).toMatchObject({ status: 'issued', outcome: { summary: { release: waiver, from: s.from.id, to: s.to.id } } });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor!.id).toBe(s.to.id);
  });

  it.each([
    ['an iqama valid through today', () => ({ iqamaExpiresOn: today() })],
    ['no iqama, arrived exactly 3 months ago', () => ({ iqamaExpiresOn: null, arrivedOn: addMonths(today(), -3) })],
    ['no iqama, arrival unknown', () => ({ iqamaExpiresOn: null, arrivedOn: null })],
  ])('no waiver with %s: the release is awaited', async (_n, worker) => {
    const s = await setup(worker());
    expect((await submitted(s.to, s.w)).releaseFrom).toBe(s.from.id);
  });
});

describe('the fee by the worker’s transfer count', () => {
  it.each([
    [0, 200000, 'first_transfer'],
    [1, 400000, 'second_transfer'],
    [2, 600000, 'third_transfer'],
    // A fourth and later transfer is charged at the third rate: the schedule stops there.
    [3, 600000, 'third_transfer'],
  ])('after %i issued transfers: %i halalas', async (previous, halalas, key) => {
    const s = await setup();
    for (let i = 0; i < previous; i++) await pastTransfer(s.w.idNumber);
    const q = (await quoteRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w))).json();
    expect(q.fee).toMatchObject({ totalHalalas: halalas, lines: [{ key, amountHalalas: halalas, quantity: 1 }] });
  });

  it('counts only issued transfers, not rejected or cancelled ones', async () => {
    const s = await setup();
    await pastTransfer(s.w.idNumber, 'rejected');
    await pastTransfer(s.w.idNumber, 'cancelled');
    await pastTransfer(s.w.idNumber, 'issued');
    expect((await quoteRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w))).json().fee.totalHalalas).toBe(400000);
  });
});

describe('rules', () => {
  it.each([
    ['a domestic worker sponsored by a person', async () => {
      const sponsor = await buildPerson(t.deps.database.db);
      return buildPerson(t.deps.database.db, { kind: 'resident', sponsorKind: 'person', sponsorId: sponsor.idNumber, profession: 'private_driver' });
    }, 'domestic_worker'],
    ['a resident with no sponsoring establishment', () => buildPerson(t.deps.database.db, { kind: 'resident', sponsorKind: null, sponsorId: null }), 'not_an_establishment_worker'],
  ] as const)('refuses %s', async (_n, make, code) => {
    const to = await buildEstablishment(t, { workers: 0 });
    const p: BuiltPerson = await make();
    await buildAccount(t.deps.database.db, { person: p });
    const res = await submitRequest(t, to.owner.auth, SERVICE, ask(to, p));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(await requestsFor(p.idNumber)).toHaveLength(0);
  });

  it('refuses a worker reported absent from work', async () => {
    const s = await setup();
    await setLabourRecord(t.deps.database.db, s.w.idNumber, { permitExpiresOn: '2027-06-30', absentFromWork: true });
    const res = await submitRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('absent_from_work');
  });

  it('refuses a worker without an active account to consent from', async () => {
    const s = await setup({}, { account: false });
    const res = await submitRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('worker_has_no_account');
  });

  it('refuses a worker of the applying establishment itself', async () => {
    const s = await setup();
    const res = await submitRequest(t, s.from.owner.auth, SERVICE, ask(s.from, s.w));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'relation_not_allowed', details: { relation: 'establishment_worker' } });
  });

  it('refuses an establishment the labour ministry does not know', async () => {
    const s = await setup();
    const ghost = establishmentId();
    await openEstablishmentRow(t.deps.database.db, ghost, s.to.owner.account.id);
    const res = await submitRequest(t, s.to.owner.auth, SERVICE, { ...ask(s.to, s.w), establishmentId: ghost });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('establishment_not_found');
    expect(await requestsFor(s.w.idNumber)).toHaveLength(0);
  });

  it('refuses a second establishment while another’s transfer of the worker is open', async () => {
    const s = await setup();
    await submitted(s.to, s.w);
    const other = await buildEstablishment(t, { workers: 0 });
    expect((await quoteRequest(t, other.owner.auth, SERVICE, ask(other, s.w))).json()).toMatchObject({ eligible: false, refusals: [{ code: 'worker_transfer_open' }] });
    const res = await submitRequest(t, other.owner.auth, SERVICE, ask(other, s.w));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('worker_transfer_open');
  });

  it('rejects at fulfilment, with the fee owed back, a transfer overtaken by another of the same worker', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    await act(s.workerAuth, r.id, 'consent', 'approve');
    const released = (await act(s.from.owner.auth, r.id, 'release', 'release')).json();
    // Another establishment's transfer of the worker was issued meanwhile (a race the checks
    // at submission cannot close).
    await pastTransfer(s.w.idNumber, 'issued', new Date(t.clock.now().getTime() + 1000));
    await pay(t, released.bills[0].billNumber, FIRST);
    const done = (await getRequest(t, s.to.owner.auth, r.id)).json();
    expect(done).toMatchObject({ status: 'rejected', outcome: { refusals: [{ code: 'worker_transferred_meanwhile' }] }, bills: [{ refundStatus: 'due' }] });
    // Labour was not asked.
    expect(await t.deps.database.db.select().from(sandboxLabourApprovals).where(eq(sandboxLabourApprovals.reference, r.id))).toHaveLength(0);
  });

  it('rejects at fulfilment a worker who became the establishment’s own meanwhile', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    await act(s.workerAuth, r.id, 'consent', 'approve');
    const released = (await act(s.from.owner.auth, r.id, 'release', 'release')).json();
    await t.deps.registry.recordSponsor(s.w.idNumber, { kind: 'establishment', id: s.to.id });
    await pay(t, released.bills[0].billNumber, FIRST);
    expect((await getRequest(t, s.to.owner.auth, r.id)).json()).toMatchObject({ status: 'rejected', outcome: { refusals: [{ code: 'already_your_worker' }] } });
  });
});

describe('the labour ministry down, slow or refusing', () => {
  it.each([
    ['down', { down: true }],
    ['slower than the platform waits', { delayMs: 1000 }],
  ])('at submission (%s): 503 with Retry-After and nothing created', async (_n, fault) => {
    const s = await setup();
    t.deps.sandboxFaults!.labour.set(fault);
    const res = await submitRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w));
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('dependency_unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await requestsFor(s.w.idNumber)).toHaveLength(0);
  });

  it.each([
    ['down', { down: true }],
    ['slow', { delayMs: 1000 }],
  ])('at fulfilment (%s): paid, left submitted, then issued by the job', async (_n, fault) => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    await act(s.workerAuth, r.id, 'consent', 'approve');
    const released = (await act(s.from.owner.auth, r.id, 'release', 'release')).json();
    t.deps.sandboxFaults!.labour.set(fault);
    expect((await pay(t, released.bills[0].billNumber, FIRST)).statusCode).toBe(200);
    expect((await getRequest(t, s.to.owner.auth, r.id)).json().status).toBe('submitted');
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor!.id).toBe(s.from.id);
    t.deps.sandboxFaults!.labour.set({ down: false, delayMs: 0 });
    await fulfilPending(t.deps);
    expect((await getRequest(t, s.to.owner.auth, r.id)).json().status).toBe('issued');
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor!.id).toBe(s.to.id);
  });

  it('at fulfilment (refusing): rejected, the fee owed back, the worker stays', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    t.deps.sandboxFaults!.labour.set({ refusalPercent: 100 });
    const done = await carryThrough(s, r);
    expect(done).toMatchObject({ status: 'rejected', outcome: { refusals: [{ code: 'labour_refused' }] }, bills: [{ status: 'paid', refundStatus: 'due' }] });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor!.id).toBe(s.from.id);
  });

  it('the consent and the release do not need the ministry', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    t.deps.sandboxFaults!.labour.set({ down: true });
    expect((await act(s.workerAuth, r.id, 'consent', 'approve')).json().status).toBe('awaiting_release');
    expect((await act(s.from.owner.auth, r.id, 'release', 'release')).json().status).toBe('awaiting_payment');
  });
});

describe('who may do what', () => {
  const officer = async () => {
    const o = await buildAccount(t.deps.database.db);
    await grantStaffRole(t.deps.database.db, o.account.id, 'officer', (await buildOffice(t.deps.database.db)).id);
    return bearer(t, o.account.id);
  };
  const stranger = async () => bearer(t, (await buildAccount(t.deps.database.db)).account.id);
  type S = Awaited<ReturnType<typeof setup>>;

  describe('applying', () => {
    const rows: Array<[string, number, string | null, (s: S) => Promise<{ auth: Auth; body?: Record<string, unknown> }>]> = [
      ['the new establishment’s owner', 201, null, async (s) => ({ auth: s.to.owner.auth })],
      ['its staff authorized for transfers', 201, null, async (s) => ({ auth: (await grantStaff(t, s.to, [SERVICE])).auth })],
      ['its staff authorized for other services', 403, 'delegation_out_of_scope', async (s) => ({ auth: (await grantStaff(t, s.to, ['profession_change'])).auth })],
      ['another establishment’s owner', 404, 'establishment_not_found', async () => ({ auth: (await buildEstablishment(t, { workers: 0 })).owner.auth })],
      ['the worker, for the new establishment', 404, 'establishment_not_found', async (s) => ({ auth: s.workerAuth })],
      ['the worker, for themself', 403, 'relation_not_allowed', async (s) => ({ auth: s.workerAuth, body: { beneficiaryIdNumber: s.w.idNumber, input: {} } })],
      ['a passports officer', 404, 'establishment_not_found', async () => ({ auth: await officer() })],
    ];
    it.each(rows)('%s: %i %s', async (_n, status, code, actor) => {
      const s = await setup();
      const a = await actor(s);
      const res = await submitRequest(t, a.auth, SERVICE, a.body ?? ask(s.to, s.w));
      expect(res.statusCode, res.body).toBe(status);
      if (code) expect(res.json().error.code).toBe(code);
      else expect(res.json()).toMatchObject({ status: 'awaiting_consent', establishmentId: s.to.id });
      expect(await requestsFor(s.w.idNumber)).toHaveLength(code ? 0 : 1);
    });
  });

  describe('consenting', () => {
    const rows: Array<[string, number, string | null, (s: S) => Promise<Auth>]> = [
      ['the worker', 200, null, async (s) => s.workerAuth],
      ['the new establishment’s owner', 403, 'consent_not_yours', async (s) => s.to.owner.auth],
      ['the current establishment’s owner', 403, 'consent_not_yours', async (s) => s.from.owner.auth],
      ['a stranger', 404, 'request_not_found', stranger],
      ['a passports officer', 404, 'request_not_found', officer],
    ];
    it.each(rows)('%s: %i %s', async (_n, status, code, actor) => {
      const s = await setup();
      const r = await submitted(s.to, s.w);
      const res = await act(await actor(s), r.id, 'consent', 'approve');
      expect(res.statusCode, res.body).toBe(status);
      if (code) expect(res.json().error.code).toBe(code);
      const [row] = await requestsFor(s.w.idNumber);
      expect(row!.status).toBe(code ? 'awaiting_consent' : 'awaiting_release');
    });
  });

  describe('releasing', () => {
    const rows: Array<[string, number, string | null, (s: S) => Promise<Auth>]> = [
      ['the current establishment’s owner', 200, null, async (s) => s.from.owner.auth],
      ['its staff authorized for transfers', 200, null, async (s) => (await grantStaff(t, s.from, [SERVICE])).auth],
      ['its staff authorized for other services', 403, 'delegation_out_of_scope', async (s) => (await grantStaff(t, s.from, ['exit_reentry_visa'])).auth],
      ['the new establishment’s owner', 403, 'release_not_yours', async (s) => s.to.owner.auth],
      ['the worker', 403, 'release_not_yours', async (s) => s.workerAuth],
      ['a stranger', 404, 'request_not_found', stranger],
      ['a passports officer', 404, 'request_not_found', officer],
    ];
    it.each(rows)('%s: %i %s', async (_n, status, code, actor) => {
      const s = await setup();
      const r = await submitted(s.to, s.w);
      await act(s.workerAuth, r.id, 'consent', 'approve');
      const res = await act(await actor(s), r.id, 'release', 'release');
      expect(res.statusCode, res.body).toBe(status);
      if (code) expect(res.json().error.code).toBe(code);
      const [row] = await requestsFor(s.w.idNumber);
      expect(row!.status).toBe(code ? 'awaiting_release' : 'awaiting_payment');
    });

    it('staff authorized for transfers may refuse the release too', async () => {
      const s = await setup();
      const r = await submitted(s.to, s.w);
      await act(s.workerAuth, r.id, 'consent', 'approve');
      const staff = await grantStaff(t, s.from, [SERVICE]);
      expect((await act(staff.auth, r.id, 'release', 'refuse')).json().status).toBe('rejected');
    });
  });

  it('seeing and cancelling: the parties see the request; only the new establishment cancels it', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    for (const auth of [s.to.owner.auth, s.from.owner.auth, s.workerAuth]) expect((await getRequest(t, auth, r.id)).statusCode).toBe(200);
    for (const auth of [await stranger(), await officer()]) expect((await getRequest(t, auth, r.id)).statusCode).toBe(404);
    const byWorker = await act(s.workerAuth, r.id, 'cancel');
    expect(byWorker.statusCode).toBe(403);
    expect(byWorker.json().error.code).toBe('forbidden');
    expect((await act(s.to.owner.auth, r.id, 'cancel')).json().status).toBe('cancelled');
  });
});

describe('two transfers of one worker at once', () => {
  it('two establishments apply for the same worker at once: one request, the other refused', async () => {
    const s = await setup();
    const other = await buildEstablishment(t, { workers: 0 });
    const results = await Promise.all([submitRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w)), submitRequest(t, other.owner.auth, SERVICE, ask(other, s.w))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const refused = results.find((r) => r.statusCode === 422)!.json().error;
    expect(refused.code).toBe('worker_transfer_open');
    expect(refused.message).toBe(transferOfServices.rules['worker_transfer_open']!.ar);
    expect(await requestsFor(s.w.idNumber)).toHaveLength(1);
  });

  /**
   * Another establishment's transfer of the same worker, awaiting payment beside the first.
   * Submission refuses it (worker_transfer_open), so it is written as rows here: the state that
   * the fulfilment must withstand however it arose.
   */
  async function rivalTransfer(first: { id: string }, to: BuiltEstablishment) {
    const db = t.deps.database.db;
    const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, first.id));
    const id = newId();
    await db.insert(serviceRequests).values({
      ...row!,
      id,
      number: `RT${randomUUID().slice(0, 8)}`,
      applicantAccountId: to.owner.account.id,
      establishmentId: to.id,
      conflictKey: `${SERVICE}:establishment:${to.id}`,
    });
    return { id, bill: await createBill(db, t.deps, id, row!.feeHalalas) };
  }

  it('both paid at once: one transfer issued, the worker is the winner’s, the other rejected with its fee owed back', async () => {
    const s = await setup();
    const first = await submitted(s.to, s.w);
    await act(s.workerAuth, first.id, 'consent', 'approve');
    const firstBill = (await act(s.from.owner.auth, first.id, 'release', 'release')).json().bills[0];
    const rival = await buildEstablishment(t, { workers: 0 });
    const second = await rivalTransfer(first, rival);
    // Both bills are paid a minute later, at the same moment: each payment fulfils its request.
    // Neither goes on from the ministry's approval until both have asked for it, so both are
    // past every check made outside the decision's transaction: the worker's lock decides.
    t.clock.advance(60_000);
    const approve = t.deps.labour.requestApproval.bind(t.deps.labour);
    let asked = 0;
    let bothAsked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothAsked = resolve));
    const spy = vi.spyOn(t.deps.labour, 'requestApproval').mockImplementation(async (request) => {
      if (++asked === 2) bothAsked();
      await barrier;
      return approve(request);
    });
    let paid: LightMyRequestResponse[];
    try {
      paid = await Promise.all([pay(t, firstBill.billNumber, FIRST, 'atm-alrajhi'), pay(t, second.bill.billNumber, FIRST, 'atm-samba')]);
    } finally {
      spy.mockRestore();
    }
    expect(paid.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(asked).toBe(2);

    const rows = await requestsFor(s.w.idNumber);
    expect(rows.map((r) => r.status).sort()).toEqual(['issued', 'rejected']);
    const winner = rows.find((r) => r.status === 'issued')!;
    const loser = rows.find((r) => r.status === 'rejected')!;
    expect(winner.outcome).toMatchObject({ summary: { from: s.from.id, to: winner.establishmentId } });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor).toEqual({ kind: 'establishment', id: winner.establishmentId });
    expect(loser.outcome).toEqual({
      refusals: [{ code: 'worker_transferred_meanwhile', message: transferOfServices.rules['worker_transferred_meanwhile'] }],
    });
    const billOf = async (requestId: string) => (await t.deps.database.db.select().from(bills).where(eq(bills.requestId, requestId)))[0];
    expect(await billOf(loser.id)).toMatchObject({ status: 'paid', refundStatus: 'due' });
    expect(await billOf(winner.id)).toMatchObject({ status: 'paid', refundStatus: null });
    // The losing establishment reads the refusal in its language.
    const loserAuth = loser.establishmentId === rival.id ? rival.owner.auth : s.to.owner.auth;
    const seen = await t.app.inject({ url: `/api/v1/requests/${loser.id}`, headers: { ...loserAuth, 'accept-language': 'en' } });
    expect(seen.json()).toMatchObject({ status: 'rejected', outcome: { refusals: [{ code: 'worker_transferred_meanwhile' }] } });
  });
});

// Last: these move the clock months ahead.
describe('one transfer per establishment per 3 months', () => {
  it('an open transfer to the establishment counts, so that two cannot race', async () => {
    const to = await buildEstablishment(t, { workers: 0 });
    const a = await setup();
    const b = await setup();
    await submitted(to, a.w);
    const res = await submitRequest(t, to.owner.auth, SERVICE, ask(to, b.w));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'establishment_transfer_interval', details: { refusals: [{ code: 'establishment_transfer_interval', details: { open: true, intervalMonths: 3 } }] } });
  });

  it('two submissions at once for two workers: one request, the other refused', async () => {
    const to = await buildEstablishment(t, { workers: 0 });
    const a = await setup();
    const b = await setup();
    const [ra, rb] = await Promise.all([submitRequest(t, to.owner.auth, SERVICE, ask(to, a.w)), submitRequest(t, to.owner.auth, SERVICE, ask(to, b.w))]);
    const statuses = [ra.statusCode, rb.statusCode].sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    const open = await t.deps.database.db.select().from(serviceRequests).where(and(eq(serviceRequests.service, SERVICE), eq(serviceRequests.establishmentId, to.id)));
    expect(open).toHaveLength(1);
  });

  it('after an issued transfer, refused until the same day 3 months later, then accepted', async () => {
    const s = await setup();
    const r = await submitted(s.to, s.w);
    expect((await carryThrough(s, r)).status).toBe('issued');
    const issuedOn = kingdomDayFromToday(t, 0);
    const nextOn = addMonths(issuedOn, 3);

    const next = await setup();
    t.clock.advance((daysBetween(issuedOn, nextOn) - 1) * DAY);
    // Sessions do not last months: the owner logs in again.
    let auth = await bearer(t, s.to.owner.account.id);
    const refused = (await quoteRequest(t, auth, SERVICE, ask(s.to, next.w))).json();
    expect(refused).toMatchObject({ eligible: false, refusals: [{ code: 'establishment_transfer_interval' }] });
    expect((await submitRequest(t, auth, SERVICE, ask(s.to, next.w))).json().error.details.refusals[0].details).toEqual({ intervalMonths: 3, nextOn });

    t.clock.advance(DAY);
    auth = await bearer(t, s.to.owner.account.id);
    expect(kingdomDayFromToday(t, 0)).toBe(nextOn);
    expect((await submitRequest(t, auth, SERVICE, ask(s.to, next.w))).statusCode).toBe(201);
  });

  it('a transfer issued to another establishment does not count', async () => {
    const s = await setup();
    await pastTransfer((await buildPerson(t.deps.database.db, { kind: 'resident' })).idNumber, 'issued', t.clock.now());
    expect((await quoteRequest(t, s.to.owner.auth, SERVICE, ask(s.to, s.w))).json().eligible).toBe(true);
  });
});
