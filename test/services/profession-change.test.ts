// Profession modification for an establishment's worker: the labour ministry's list and its
// approval, the published refusal for domestic workers, the dated fee, agency faults at
// submission and at fulfilment, and who may apply.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, buildPerson, grantStaffRole } from '../helpers/factories';
import { bearer, getRequest, kingdomDayFromToday, pay, quoteRequest, submitRequest } from '../helpers/services';
import { buildEstablishment, grantStaff, setLabourRecord, type BuiltEstablishment } from '../helpers/establishments';
import { bills, registryPersons, sandboxLabourApprovals, serviceRequests } from '../../src/server/db/schema';
import { fulfilPending } from '../../src/server/services/engine/requests';
import { FakeClock } from '../../src/server/platform/clock';

let t: TestContext;
beforeAll(async () => {
  // The platform waits 150 ms for an agency, so that a slow sandbox times out quickly.
  t = await createTestApp({ clock: new FakeClock('2026-01-15T09:00:00Z'), env: { AGENCY_TIMEOUT_MS: '150' } });
});
afterAll(() => t.close());
afterEach(() => t.deps.sandboxFaults!.labour.set({ down: false, delayMs: 0, refusalPercent: 0 }));

const SERVICE = 'profession_change';
const FEE = 100000;
const change = (est: BuiltEstablishment, worker: { idNumber: string }, profession = 'plumber') => ({
  beneficiaryIdNumber: worker.idNumber,
  establishmentId: est.id,
  input: { profession },
});

async function requestsFor(idNumber: string) {
  return t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.beneficiaryIdNumber, idNumber));
}

describe('profession modification, end to end', () => {
  it('is billed SR1,000, paid at a bank, approved by labour and recorded in the registry', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const q = await quoteRequest(t, est.owner.auth, SERVICE, change(est, w));
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json()).toMatchObject({ eligible: true, relation: 'establishment_worker', fee: { totalHalalas: FEE, lines: [{ key: 'fee', label: { en: 'Profession modification fee' } }] } });

    const sub = await submitRequest(t, est.owner.auth, SERVICE, change(est, w));
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ status: 'awaiting_payment', establishmentId: est.id, relation: 'establishment_worker', byDelegate: false });
    const bill = sub.json().bills[0];
    expect((await pay(t, bill.billNumber, FEE)).statusCode).toBe(200);

    const after = (await getRequest(t, est.owner.auth, sub.json().id)).json();
    expect(after.status).toBe('issued');
    expect(after.outcome).toEqual({ documents: [], summary: { previousProfession: 'electrician', profession: 'plumber' } });
    expect((await t.deps.registry.findPerson(w.idNumber))!.profession).toBe('plumber');
    const [approval] = await t.deps.database.db.select().from(sandboxLabourApprovals).where(eq(sandboxLabourApprovals.reference, sub.json().id));
    expect(approval).toMatchObject({ kind: 'profession_change', idNumber: w.idNumber, establishmentId: est.id, approved: true, details: { from: 'electrician', to: 'plumber' } });
  });

  it('refuses a second open request for the same worker', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    expect((await submitRequest(t, est.owner.auth, SERVICE, change(est, w))).statusCode).toBe(201);
    const again = await submitRequest(t, est.owner.auth, SERVICE, change(est, w, 'carpenter'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflicting_request');
  });
});

describe('rules', () => {
  it.each([
    ['the worker’s current profession is domestic', { profession: 'private_driver' }, 'plumber', 'domestic_worker'],
    ['the new profession is domestic', {}, 'domestic_worker', 'domestic_worker'],
    ['a profession not in the labour ministry’s list', {}, 'astronaut', 'unknown_profession'],
    ['a profession that is not employment (student)', {}, 'student', 'unknown_profession'],
    ['the current profession', {}, 'electrician', 'same_profession'],
    ['an iqama that expired yesterday', { iqamaExpiresOn: '2026-01-14' }, 'plumber', 'iqama_not_valid'],
    ['no iqama', { iqamaExpiresOn: null }, 'plumber', 'iqama_not_valid'],
  ])('refuses when %s', async (_n, worker, profession, code) => {
    const est = await buildEstablishment(t, { workers: 1, worker });
    const res = await submitRequest(t, est.owner.auth, SERVICE, change(est, est.workers[0]!, profession));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(await requestsFor(est.workers[0]!.idNumber)).toHaveLength(0);
  });

  it('accepts an iqama valid through today', async () => {
    const est = await buildEstablishment(t, { workers: 1, worker: { iqamaExpiresOn: kingdomDayFromToday(t, 0) } });
    expect((await quoteRequest(t, est.owner.auth, SERVICE, change(est, est.workers[0]!))).json()).toMatchObject({ eligible: true, refusals: [] });
  });

  it('refuses a worker reported absent from work', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    await setLabourRecord(t.deps.database.db, est.workers[0]!.idNumber, { permitExpiresOn: '2027-06-30', absentFromWork: true });
    const res = await quoteRequest(t, est.owner.auth, SERVICE, change(est, est.workers[0]!));
    expect(res.json()).toMatchObject({ eligible: false, refusals: [{ code: 'absent_from_work' }] });
  });

  it('lists every refusal, in the caller’s language', async () => {
    const est = await buildEstablishment(t, { workers: 1, worker: { iqamaExpiresOn: '2025-12-31' } });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/services/${SERVICE}/quote`, headers: { ...est.owner.auth, 'accept-language': 'en' }, payload: change(est, est.workers[0]!, 'electrician') });
    expect(res.json().refusals).toEqual([
      { code: 'same_profession', message: 'The requested profession is the worker’s current one.' },
      { code: 'iqama_not_valid', message: 'The worker’s iqama must be valid.' },
    ]);
  });

  it('refuses bad input in the service fields', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    for (const input of [{}, { profession: '' }, { profession: 'Plumber!' }, { profession: 'plumber', extra: 1 }]) {
      const res = await submitRequest(t, est.owner.auth, SERVICE, { beneficiaryIdNumber: est.workers[0]!.idNumber, establishmentId: est.id, input });
      expect(res.statusCode, JSON.stringify(input)).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
    }
  });

  it('is rejected at fulfilment when the worker moved to another establishment meanwhile, and the fee is owed back', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const sub = (await submitRequest(t, est.owner.auth, SERVICE, change(est, w))).json();
    await t.deps.registry.recordSponsor(w.idNumber, { kind: 'establishment', id: '7000000009' });
    await pay(t, sub.bills[0].billNumber, FEE);
    const r = (await getRequest(t, est.owner.auth, sub.id)).json();
    expect(r).toMatchObject({ status: 'rejected', outcome: { refusals: [{ code: 'not_sponsored_by_establishment' }] } });
    expect(r.bills[0].refundStatus).toBe('due');
  });

  it('is not offered for domestic workers sponsored by a person, nor for oneself', async () => {
    const holder = await buildAccount(t.deps.database.db);
    const auth = await bearer(t, holder.account.id);
    const est = await buildEstablishment(t, { workers: 1, owner: holder });
    const domestic = await buildPerson(t.deps.database.db, { kind: 'resident', sponsorKind: 'person', sponsorId: holder.person.idNumber });
    const res = await submitRequest(t, auth, SERVICE, { beneficiaryIdNumber: domestic.idNumber, input: { profession: 'plumber' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'relation_not_allowed' });
    // Through the establishment, a person's domestic worker is no worker of it.
    const via = await submitRequest(t, auth, SERVICE, { beneficiaryIdNumber: domestic.idNumber, establishmentId: est.id, input: { profession: 'plumber' } });
    expect(via.statusCode).toBe(403);
    expect(via.json().error.code).toBe('not_your_beneficiary');
  });
});

describe('the labour ministry down, slow or refusing', () => {
  it.each([
    ['down', { down: true }],
    ['slower than the platform waits', { delayMs: 1000 }],
  ])('at submission (%s): 503 with Retry-After and nothing created', async (_n, fault) => {
    const est = await buildEstablishment(t, { workers: 1 });
    t.deps.sandboxFaults!.labour.set(fault);
    const res = await submitRequest(t, est.owner.auth, SERVICE, change(est, est.workers[0]!));
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('dependency_unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await requestsFor(est.workers[0]!.idNumber)).toHaveLength(0);
  });

  it('answers within the wait: the request goes ahead', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    t.deps.sandboxFaults!.labour.set({ delayMs: 20 });
    expect((await submitRequest(t, est.owner.auth, SERVICE, change(est, est.workers[0]!))).statusCode).toBe(201);
  });

  it.each([
    ['down', { down: true }],
    ['slow', { delayMs: 1000 }],
  ])('at fulfilment (%s): the payment stands, the request stays submitted, and the job issues it later', async (_n, fault) => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const sub = (await submitRequest(t, est.owner.auth, SERVICE, change(est, w))).json();
    t.deps.sandboxFaults!.labour.set(fault);
    expect((await pay(t, sub.bills[0].billNumber, FEE)).statusCode).toBe(200);
    expect((await getRequest(t, est.owner.auth, sub.id)).json().status).toBe('submitted');
    expect((await t.deps.registry.findPerson(w.idNumber))!.profession).toBe('electrician');
    t.deps.sandboxFaults!.labour.set({ down: false, delayMs: 0 });
    await fulfilPending(t.deps);
    expect((await getRequest(t, est.owner.auth, sub.id)).json().status).toBe('issued');
    expect((await t.deps.registry.findPerson(w.idNumber))!.profession).toBe('plumber');
  });

  it('at fulfilment (refusing): the request is rejected, the fee owed back, the registry untouched', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const sub = (await submitRequest(t, est.owner.auth, SERVICE, change(est, w))).json();
    t.deps.sandboxFaults!.labour.set({ refusalPercent: 100 });
    await pay(t, sub.bills[0].billNumber, FEE);
    const r = (await getRequest(t, est.owner.auth, sub.id)).json();
    expect(r).toMatchObject({ status: 'rejected', outcome: { refusals: [{ code: 'labour_refused', details: { reason: 'refused_by_labour_ministry' } }] } });
    const [b] = await t.deps.database.db.select().from(bills).where(and(eq(bills.requestId, sub.id), eq(bills.status, 'paid')));
    expect(b!.refundStatus).toBe('due');
    const [p] = await t.deps.database.db.select({ profession: registryPersons.profession }).from(registryPersons).where(eq(registryPersons.idNumber, w.idNumber));
    expect(p!.profession).toBe('electrician');
  });
});

describe('who may apply', () => {
  type Row = [string, number, string | null, (est: BuiltEstablishment) => Promise<{ auth: Record<string, string>; withEstablishment: boolean }>];
  const officer = async () => {
    const o = await buildAccount(t.deps.database.db);
    await grantStaffRole(t.deps.database.db, o.account.id, 'officer', (await buildOffice(t.deps.database.db)).id);
    return { auth: await bearer(t, o.account.id), withEstablishment: true };
  };
  const worker = async (est: BuiltEstablishment) => bearer(t, (await buildAccount(t.deps.database.db, { person: est.workers[0]! })).account.id);
  const rows: Row[] = [
    ['the owner', 201, null, async (est) => ({ auth: est.owner.auth, withEstablishment: true })],
    ['staff authorized for the service', 201, null, async (est) => ({ auth: (await grantStaff(t, est, [SERVICE, 'exit_reentry_visa'])).auth, withEstablishment: true })],
    ['staff authorized for other services only', 403, 'delegation_out_of_scope', async (est) => ({ auth: (await grantStaff(t, est, ['exit_reentry_visa'])).auth, withEstablishment: true })],
    ['another establishment’s owner', 404, 'establishment_not_found', async () => ({ auth: (await buildEstablishment(t, { workers: 0 })).owner.auth, withEstablishment: true })],
    ['the worker themself, for the establishment', 404, 'establishment_not_found', async (est) => ({ auth: await worker(est), withEstablishment: true })],
    ['the worker themself, for themself', 403, 'relation_not_allowed', async (est) => ({ auth: await worker(est), withEstablishment: false })],
    ['a passports officer', 404, 'establishment_not_found', officer],
  ];
  it.each(rows)('%s: %i %s', async (_n, status, code, actor) => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const a = await actor(est);
    const body = a.withEstablishment ? change(est, w) : { beneficiaryIdNumber: w.idNumber, input: { profession: 'plumber' } };
    const res = await submitRequest(t, a.auth, SERVICE, body);
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    else {
      expect(res.json()).toMatchObject({ relation: 'establishment_worker', establishmentId: est.id });
      // The owner sees what staff did on the establishment's behalf.
      expect((await getRequest(t, est.owner.auth, res.json().id)).statusCode).toBe(200);
    }
    expect(await requestsFor(w.idNumber)).toHaveLength(code ? 0 : 1);
  });

  it('the worker sees a request made for them; a stranger does not', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const sub = (await submitRequest(t, est.owner.auth, SERVICE, change(est, w))).json();
    const workerAuth = await bearer(t, (await buildAccount(t.deps.database.db, { person: w })).account.id);
    expect((await getRequest(t, workerAuth, sub.id)).statusCode).toBe(200);
    const stranger = await bearer(t, (await buildAccount(t.deps.database.db)).account.id);
    const res = await getRequest(t, stranger, sub.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('request_not_found');
  });
});
