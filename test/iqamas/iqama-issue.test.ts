// Issuing a first iqama: end to end (quote, bill, bank payment, document, card, registry),
// every refusal, the fee schedule across the quarterly scheme's start, who may apply, and
// the labour and health ministries down or slow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, buildPerson, grantStaffRole, type BuiltPerson } from '../helpers/factories';
import { bearer, buildHousehold, buildResidentDependent, getRequest, kingdomDayFromToday, pay, quoteRequest, submitRequest } from '../helpers/services';
import { buildEstablishment, grantStaff, setLabourRecord, setMedicalRecord, type BuiltEstablishment } from '../helpers/establishments';
import { iqamaCards, registryPersons, sandboxMedical } from '../../src/server/db/schema';
import { fulfilPending, retryAfterIssue } from '../../src/server/services/engine/requests';
import { FakeClock } from '../../src/server/platform/clock';
import { AgencyUnavailableError } from '../../src/server/adapters/population-registry/port';
import { application, newcomer, producedFor, requestsFor } from './support';

const SERVICE = 'iqama_issue';
const START = '2026-11-23T09:00:00Z';

let t: TestContext;
let officeId: string;
let est: BuiltEstablishment;
beforeAll(async () => {
  // A short agency timeout, so that a slow ministry is a timeout quickly.
  t = await createTestApp({ clock: new FakeClock(START), env: { AGENCY_TIMEOUT_MS: '200' } });
  officeId = (await buildOffice(t.deps.database.db)).id;
  est = await buildEstablishment(t, { workers: 1 });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;
const day = (n: number) => kingdomDayFromToday(t, n);
const codes = (res: { json(): unknown }) => (res.json() as { refusals: Array<{ code: string }> }).refusals.map((r) => r.code);

describe('issuing a first iqama, end to end', () => {
  it('bills an establishment’s worker, is paid at a bank, and produces the iqama, its card at the office and the registry’s record', async () => {
    const w = await newcomer(t, est);
    const sub = await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id, quarters: 2 }));
    expect(sub.statusCode, sub.body).toBe(201);
    const r = sub.json();
    expect(r).toMatchObject({ status: 'awaiting_payment', relation: 'establishment_worker', establishmentId: est.id, fee: { totalHalalas: 32500 } });
    expect(r.fee.lines).toEqual([{ key: 'quarters_2', label: { ar: 'رسوم الإقامة لربعين', en: 'Iqama fee for 2 quarters' }, amountHalalas: 32500, quantity: 1 }]);

    expect((await pay(t, r.bills[0].billNumber, 32500)).statusCode).toBe(200);
    const after = (await getRequest(t, est.owner.auth, r.id)).json();
    expect(after.status).toBe('issued');

    const { doc, card } = await producedFor(t, r.id);
    expect(doc).toMatchObject({ kind: 'iqama', number: `${w.idNumber}-01`, holderIdNumber: w.idNumber, issuedOn: day(0), expiresOn: '2027-05-23', status: 'valid' });
    expect(card).toMatchObject({
      holderIdNumber: w.idNumber,
      expiresOn: '2027-05-23',
      establishmentId: est.id,
      applicantAccountId: est.owner.account.id,
      officeId,
      status: 'printed',
      readyAt: null,
      handedOverAt: null,
    });
    expect(after.outcome.documents).toEqual([{ kind: 'iqama', number: `${w.idNumber}-01`, issuedOn: day(0), expiresOn: '2027-05-23' }]);
    expect((await t.deps.registry.findPerson(w.idNumber))?.iqama).toEqual({ number: w.idNumber, expiresOn: '2027-05-23' });
  });

  it('issues a dependant’s iqama for a whole year to a resident head of family, the card to collect without an establishment', async () => {
    const head = await buildAccount(db(), { person: await buildPerson(db(), { kind: 'resident' }) });
    const auth = await bearer(t, head.account.id);
    const son = await buildResidentDependent(t, head.person.idNumber, { iqamaExpiresOn: null, gender: 'm', maritalStatus: 'single' });
    await setMedicalRecord(db(), son.idNumber, { examResult: 'fit', examinedOn: day(-3), insuredUntil: day(200) });
    const sub = await submitRequest(t, auth, SERVICE, application(son, officeId));
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ relation: 'family', fee: { totalHalalas: 65000, lines: [{ key: 'year' }] } });
    await pay(t, sub.json().bills[0].billNumber, 65000);
    const { card, doc } = await producedFor(t, sub.json().id);
    expect(doc?.expiresOn).toBe('2027-11-23');
    expect(card).toMatchObject({ establishmentId: null, applicantAccountId: head.account.id, officeId });
  });

  it('keeps the registry’s record for the retry job when the registry is down after the commit', async () => {
    const w = await newcomer(t, est);
    const sub = await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }));
    // Down only for the record: the fulfilment's own reads got through just before.
    const registry = t.deps.registry;
    const record = registry.recordIqama.bind(registry);
    registry.recordIqama = () => Promise.reject(new AgencyUnavailableError('population_registry'));
    try {
      expect((await pay(t, sub.json().bills[0].billNumber, 65000)).statusCode).toBe(200);
    } finally {
      registry.recordIqama = record;
    }
    expect((await getRequest(t, est.owner.auth, sub.json().id)).json().status).toBe('issued');
    expect((await t.deps.registry.findPerson(w.idNumber))?.iqama).toBeNull();
    expect(await retryAfterIssue(t.deps)).toBeGreaterThanOrEqual(1);
    expect((await t.deps.registry.findPerson(w.idNumber))?.iqama?.expiresOn).toBe('2027-11-23');
  });

  it('keeps one open first-issue request per resident', async () => {
    const w = await newcomer(t, est);
    expect((await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }))).statusCode).toBe(201);
    const again = await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflicting_request');
    const [open] = await requestsFor(t, w.idNumber);
    expect(open?.conflictKey).toBe(`iqama_issue:${w.idNumber}`);
  });
});

describe('the published conditions, one refusal each', () => {
  type Case = [code: string, setup: (w: BuiltPerson) => Promise<void>, quarters?: number];
  const cases: Case[] = [
    ['iqama_already_issued', (w) => setRegistry(w, { iqamaExpiresOn: day(30) })],
    ['medical_exam_missing', (w) => setMedicalRecord(db(), w.idNumber, { examResult: null, insuredUntil: day(300) })],
    ['medical_exam_not_passed', (w) => setMedicalRecord(db(), w.idNumber, { examResult: 'unfit', examinedOn: day(-2), insuredUntil: day(300) })],
    ['no_medical_insurance', (w) => setMedicalRecord(db(), w.idNumber, { examResult: 'fit', examinedOn: day(-2), insuredUntil: day(-1) })],
    ['no_medical_insurance', async (w) => void (await db().update(sandboxMedical).set({ insuredUntil: null }).where(eq(sandboxMedical.idNumber, w.idNumber)))],
    ['no_work_permit', (w) => setLabourRecord(db(), w.idNumber, { permitExpiresOn: null })],
    ['no_work_permit', (w) => setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(0) })],
    ['absent_from_work', (w) => setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(100), absentFromWork: true })],
    ['passport_missing', (w) => setRegistry(w, { passportNumber: null, passportIssuedOn: null, passportExpiresOn: null })],
    ['passport_expired', (w) => setRegistry(w, { passportExpiresOn: day(0) })],
  ];
  it.each(cases)('%s', async (code, setup) => {
    const w = await newcomer(t, est);
    await setup(w);
    const q = await quoteRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }));
    expect(q.statusCode, q.body).toBe(200);
    expect(codes(q)).toEqual([code]);
    const sub = await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }));
    expect(sub.statusCode).toBe(422);
    expect(sub.json().error.details.refusals.map((r: { code: string }) => r.code)).toEqual([code]);
    expect(await requestsFor(t, w.idNumber)).toHaveLength(0);
  });

  it('accepts insurance that ends today and a permit that ends tomorrow', async () => {
    const w = await newcomer(t, est);
    await setMedicalRecord(db(), w.idNumber, { examResult: 'fit', examinedOn: day(-2), insuredUntil: day(0) });
    await setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(1) });
    const q = await quoteRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }));
    expect(q.json()).toMatchObject({ eligible: true, refusals: [] });
  });

  it('refuses an office that does not exist', async () => {
    const w = await newcomer(t, est);
    const q = await quoteRequest(t, est.owner.auth, SERVICE, application(w, 'office-nowhere', { establishmentId: est.id }));
    expect(codes(q)).toEqual(['unknown_office']);
  });

  it('refuses quarters for a domestic worker and a dependant, who take a whole year', async () => {
    const h = await buildHousehold(t, { worker: { iqamaExpiresOn: null } });
    await setMedicalRecord(db(), h.worker.idNumber, { examResult: 'fit', examinedOn: day(-2), insuredUntil: day(300) });
    const q = await quoteRequest(t, h.head.auth, SERVICE, application(h.worker, officeId, { quarters: 2 }));
    expect(codes(q)).toEqual(['quarters_for_workers_only']);
    expect(q.json().fee).toMatchObject({ totalHalalas: 65000, lines: [{ key: 'year' }] });
    expect((await quoteRequest(t, h.head.auth, SERVICE, application(h.worker, officeId))).json()).toMatchObject({ eligible: true, relation: 'domestic_worker' });
  });

  it('checks a domestic worker’s labour record when the ministry holds one', async () => {
    // The sandbox ministry holds only establishments' workers; a record written for a domestic
    // worker stands for a ministry that does hold them.
    const h = await buildHousehold(t, { worker: { iqamaExpiresOn: null } });
    await setMedicalRecord(db(), h.worker.idNumber, { examResult: 'fit', examinedOn: day(-2), insuredUntil: day(300) });
    const labour = t.deps.labour;
    const original = labour.findWorker.bind(labour);
    labour.findWorker = async (id) =>
      id === h.worker.idNumber ? { idNumber: id, establishmentId: h.head.person.idNumber, profession: 'house_driver', permitExpiresOn: null, absentFromWork: true } : original(id);
    try {
      expect(codes(await quoteRequest(t, h.head.auth, SERVICE, application(h.worker, officeId)))).toEqual(['absent_from_work', 'no_work_permit']);
    } finally {
      labour.findWorker = original;
    }
  });
});

async function setRegistry(w: BuiltPerson, patch: Partial<typeof registryPersons.$inferInsert>) {
  await db().update(registryPersons).set(patch).where(eq(registryPersons.idNumber, w.idNumber));
}

describe('the fee schedule', () => {
  it.each([
    [1, 16300, '2027-02-23'],
    [2, 32500, '2027-05-23'],
    [3, 48800, '2027-08-23'],
    [4, 65000, '2027-11-23'],
  ])('an establishment’s worker for %i quarter(s) pays %i halalas, valid until %s', async (quarters, halalas, expiresOn) => {
    const w = await newcomer(t, est);
    const q = await quoteRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id, quarters }));
    expect(q.json()).toMatchObject({ eligible: true, fee: { totalHalalas: halalas, lines: [{ key: `quarters_${quarters}`, amountHalalas: halalas, quantity: 1 }] } });
    const sub = await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id, quarters }));
    await pay(t, sub.json().bills[0].billNumber, halalas);
    expect((await producedFor(t, sub.json().id)).doc?.expiresOn).toBe(expiresOn);
  });

  it('before the quarterly scheme (2021-07-01) sells only a whole year; from that day quarters too', async () => {
    try {
      t.clock.set('2021-06-30T09:00:00Z');
      const w = await newcomer(t, est);
      const owner = await bearer(t, est.owner.account.id);
      const year = await quoteRequest(t, owner, SERVICE, application(w, officeId, { establishmentId: est.id }));
      expect(year.json()).toMatchObject({ eligible: true, fee: { totalHalalas: 65000, lines: [{ key: 'year', amountHalalas: 65000 }] } });
      const quarter = await quoteRequest(t, owner, SERVICE, application(w, officeId, { establishmentId: est.id, quarters: 1 }));
      expect(codes(quarter)).toEqual(['quarters_not_available']);

      t.clock.set('2021-07-01T09:00:00Z');
      const owner2 = await bearer(t, est.owner.account.id);
      const from = await quoteRequest(t, owner2, SERVICE, application(w, officeId, { establishmentId: est.id, quarters: 1 }));
      expect(from.json()).toMatchObject({ eligible: true, fee: { totalHalalas: 16300, lines: [{ key: 'quarters_1' }] } });
    } finally {
      t.clock.set(START);
    }
  });
});

describe('who may apply', () => {
  type Who = 'owner' | 'staff' | 'staff_out_of_scope' | 'other_owner_this_est' | 'other_owner_own_est' | 'worker_self' | 'worker_for_est' | 'officer';
  const matrix: Array<[Who, number, string | null]> = [
    ['owner', 201, null],
    ['staff', 201, null],
    ['staff_out_of_scope', 403, 'delegation_out_of_scope'],
    ['other_owner_this_est', 404, 'establishment_not_found'],
    ['other_owner_own_est', 403, 'not_your_beneficiary'],
    ['worker_self', 403, 'relation_not_allowed'],
    ['worker_for_est', 404, 'establishment_not_found'],
    ['officer', 403, 'not_your_beneficiary'],
  ];
  it.each(matrix)('%s → %i %s', async (who, status, code) => {
    const w = await newcomer(t, est);
    let auth: Record<string, string>;
    let establishmentId: string | undefined = est.id;
    if (who === 'owner') auth = est.owner.auth;
    else if (who === 'staff') auth = (await grantStaff(t, est, ['iqama_issue', 'iqama_renew'])).auth;
    else if (who === 'staff_out_of_scope') auth = (await grantStaff(t, est, ['exit_reentry_visa'])).auth;
    else if (who === 'other_owner_this_est' || who === 'other_owner_own_est') {
      const other = await buildEstablishment(t, { workers: 0 });
      auth = other.owner.auth;
      if (who === 'other_owner_own_est') establishmentId = other.id;
    } else if (who === 'worker_self' || who === 'worker_for_est') {
      const account = await buildAccount(db(), { person: w });
      auth = await bearer(t, account.account.id);
      if (who === 'worker_self') establishmentId = undefined;
    } else {
      const officer = await buildAccount(db());
      await grantStaffRole(db(), officer.account.id, 'officer', officeId);
      auth = await bearer(t, officer.account.id);
      establishmentId = undefined;
    }
    const res = await submitRequest(t, auth, SERVICE, application(w, officeId, establishmentId ? { establishmentId } : {}));
    expect(res.statusCode, res.body).toBe(status);
    if (code) {
      expect(res.json().error.code).toBe(code);
      expect(await requestsFor(t, w.idNumber)).toHaveLength(0);
    } else {
      expect(res.json()).toMatchObject({ establishmentId: est.id, relation: 'establishment_worker' });
    }
  });
});

describe('the ministries down or slow', () => {
  it.each([
    ['labour', { down: true }],
    ['health', { down: true }],
    ['labour', { delayMs: 200 }],
    ['health', { delayMs: 200 }],
  ] as const)('%s %o at submission: 503 with Retry-After, nothing created', async (agency, fault) => {
    const w = await newcomer(t, est);
    const faults = t.deps.sandboxFaults![agency];
    faults.set(fault);
    try {
      const res = await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }));
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('dependency_unavailable');
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      faults.set({ down: false, delayMs: 0 });
    }
    expect(await requestsFor(t, w.idNumber)).toHaveLength(0);
  });

  it.each(['labour', 'health'] as const)('%s down at fulfilment: the paid request stays submitted and the job issues it later', async (agency) => {
    const w = await newcomer(t, est);
    const sub = await submitRequest(t, est.owner.auth, SERVICE, application(w, officeId, { establishmentId: est.id }));
    const faults = t.deps.sandboxFaults![agency];
    faults.set({ down: true });
    try {
      expect((await pay(t, sub.json().bills[0].billNumber, 65000)).statusCode).toBe(200);
      expect((await getRequest(t, est.owner.auth, sub.json().id)).json().status).toBe('submitted');
      expect(await db().select().from(iqamaCards).where(eq(iqamaCards.requestId, sub.json().id))).toHaveLength(0);
    } finally {
      faults.set({ down: false });
    }
    await fulfilPending(t.deps);
    expect((await getRequest(t, est.owner.auth, sub.json().id)).json().status).toBe('issued');
    expect((await producedFor(t, sub.json().id)).card?.status).toBe('printed');
  });
});
