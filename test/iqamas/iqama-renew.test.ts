// Renewing an iqama: the new expiry, the late fee across the grace period and on a repeat,
// every refusal, who may apply, and the labour ministry down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, grantStaffRole, type BuiltPerson } from '../helpers/factories';
import { bearer, buildResidentDependent, getRequest, kingdomDayFromToday, pay, quoteRequest, submitRequest } from '../helpers/services';
import { buildEstablishment, grantStaff, setLabourRecord, type BuiltEstablishment } from '../helpers/establishments';
import { documents, registryPersons, serviceParameters } from '../../src/server/db/schema';
import { addMonths } from '../../src/domain/calendar';
import { fulfilPending } from '../../src/server/services/engine/requests';
import { DAY, FakeClock } from '../../src/server/platform/clock';
import { application, newcomer, producedFor, requestsFor, workerExpiring } from './support';

const SERVICE = 'iqama_renew';
const START = '2026-11-23T09:00:00Z';

let t: TestContext;
let officeId: string;
let est: BuiltEstablishment;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(START) });
  officeId = (await buildOffice(t.deps.database.db)).id;
  est = await buildEstablishment(t, { workers: 1 });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;
const day = (n: number) => kingdomDayFromToday(t, n);
const codes = (res: { json(): unknown }) => (res.json() as { refusals: Array<{ code: string }> }).refusals.map((r) => r.code);
const forWorker = (w: { idNumber: string }, quarters = 4, auth = est.owner.auth) =>
  ({ auth, body: application(w, officeId, { establishmentId: est.id, quarters }) });

/** Submits and pays a renewal; returns the issued request. */
async function renew(w: { idNumber: string }, quarters: number, auth = est.owner.auth) {
  const { body } = forWorker(w, quarters, auth);
  const sub = await submitRequest(t, auth, SERVICE, body);
  expect(sub.statusCode, sub.body).toBe(201);
  const r = sub.json();
  expect((await pay(t, r.bills[0].billNumber, r.fee.totalHalalas)).statusCode).toBe(200);
  const issued = (await getRequest(t, auth, r.id)).json();
  expect(issued.status).toBe('issued');
  return issued;
}

describe('renewing an iqama, end to end', () => {
  it('counts the period from the current expiry while the iqama is valid, replaces the earlier document and records the new expiry', async () => {
    const w = await newcomer(t, est);
    // A first iqama through the platform, then its renewal.
    const issue = await submitRequest(t, est.owner.auth, 'iqama_issue', application(w, officeId, { establishmentId: est.id, quarters: 1 }));
    await pay(t, issue.json().bills[0].billNumber, 16300);
    const first = await producedFor(t, issue.json().id);
    expect(first.doc?.expiresOn).toBe('2027-02-23');

    const r = await renew(w, 2);
    expect(r.fee).toMatchObject({ totalHalalas: 32500, lines: [{ key: 'quarters_2' }] });
    const { doc, card } = await producedFor(t, r.id);
    expect(doc).toMatchObject({ number: `${w.idNumber}-02`, expiresOn: '2027-08-23', status: 'valid', details: expect.objectContaining({ previousExpiresOn: '2027-02-23' }) });
    expect(card).toMatchObject({ status: 'printed', expiresOn: '2027-08-23', establishmentId: est.id, officeId });
    const [old] = await db().select().from(documents).where(and(eq(documents.holderIdNumber, w.idNumber), eq(documents.number, `${w.idNumber}-01`)));
    expect(old?.status).toBe('replaced');
    expect((await t.deps.registry.findPerson(w.idNumber))?.iqama?.expiresOn).toBe('2027-08-23');
  });

  it('counts the period from today once the iqama has expired', async () => {
    const w = await workerExpiring(t, est, day(-2));
    // The sandbox's permit ends with the iqama; the labour ministry has renewed it.
    await setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(400) });
    const r = await renew(w, 4);
    expect((await producedFor(t, r.id)).doc?.expiresOn).toBe(addMonths(day(0), 12));
  });

  it('keeps one open renewal per resident, under the key the bulk renewal relies on', async () => {
    const w = await workerExpiring(t, est, day(20));
    const { auth, body } = forWorker(w);
    expect((await submitRequest(t, auth, SERVICE, body)).statusCode).toBe(201);
    const again = await submitRequest(t, auth, SERVICE, body);
    expect(again.json().error.code).toBe('conflicting_request');
    expect((await requestsFor(t, w.idNumber))[0]?.conflictKey).toBe(`iqama_renew:${w.idNumber}`);
  });
});

describe('the late fee', () => {
  it.each([
    ['not yet expired', 30, []],
    ['expiring today', 0, []],
    ['expired 3 days ago (the last day of grace)', -3, []],
    ['expired 4 days ago', -4, [{ key: 'late_first', amountHalalas: 50000 }]],
    ['expired a year ago', -365, [{ key: 'late_first', amountHalalas: 50000 }]],
  ] as const)('%s', async (_label, expiresIn, late) => {
    const w = await workerExpiring(t, est, day(expiresIn));
    await setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(400) });
    const q = await quoteRequest(t, est.owner.auth, SERVICE, forWorker(w).body);
    expect(q.json().eligible).toBe(true);
    expect(q.json().fee.lines).toEqual([
      { key: 'quarters_4', label: { ar: 'رسوم الإقامة لأربعة أرباع', en: 'Iqama fee for 4 quarters' }, amountHalalas: 65000, quantity: 1 },
      ...late.map((l) => ({ ...l, quantity: 1, label: { ar: 'غرامة تأخير تجديد الإقامة (أول مرة)', en: 'Late renewal fee (first time)' } })),
    ]);
    expect(q.json().fee.totalHalalas).toBe(65000 + late.reduce((s, l) => s + l.amountHalalas, 0));
  });

  it('follows the dated grace period', async () => {
    const w = await workerExpiring(t, est, day(-4));
    await setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(400) });
    await db().insert(serviceParameters).values({ service: SERVICE, key: 'late_grace_days', effectiveFrom: day(0), value: 5, unit: 'days' });
    // A row in force today: the instance reads the schedule again instead of waiting for its cache to expire.
    t.deps.parameters.invalidate();
    try {
      expect((await quoteRequest(t, est.owner.auth, SERVICE, forWorker(w).body)).json().fee.totalHalalas).toBe(65000);
    } finally {
      await db().delete(serviceParameters).where(and(eq(serviceParameters.service, SERVICE), eq(serviceParameters.key, 'late_grace_days'), eq(serviceParameters.effectiveFrom, day(0))));
      t.deps.parameters.invalidate();
    }
  });

  it('charges SR500 the first late time and SR1,000 each later time; an on-time renewal does not count', async () => {
    const w = await workerExpiring(t, est, day(10));
    await setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(1000) });
    try {
      // On time: no late line.
      const onTime = await renew(w, 1);
      expect(onTime.fee.totalHalalas).toBe(16300);
      // Its new expiry (3 months after day 10) passes and 5 more days go by: late for the first time.
      t.clock.advance((daysUntil(addMonths(day(10), 3)) + 5) * DAY);
      let owner = await bearer(t, est.owner.account.id);
      const firstLate = await renew(w, 1, owner);
      expect(firstLate.fee.lines.map((l: { key: string }) => l.key)).toEqual(['quarters_1', 'late_first']);
      expect(firstLate.fee.totalHalalas).toBe(16300 + 50000);
      // Late again.
      t.clock.advance((daysUntil((await producedFor(t, firstLate.id)).doc!.expiresOn) + 4) * DAY);
      owner = await bearer(t, est.owner.account.id);
      const q = await quoteRequest(t, owner, SERVICE, forWorker(w, 1, owner).body);
      expect(q.json().fee.lines).toEqual([
        expect.objectContaining({ key: 'quarters_1', amountHalalas: 16300 }),
        { key: 'late_repeat', label: { ar: 'غرامة تأخير تجديد الإقامة (تكرار)', en: 'Late renewal fee (repeated)' }, amountHalalas: 100000, quantity: 1 },
      ]);
    } finally {
      t.clock.set(START);
    }
  });
});

function daysUntil(date: string): number {
  return Math.round((new Date(`${date}T00:00:00Z`).getTime() - new Date(`${day(0)}T00:00:00Z`).getTime()) / DAY);
}

describe('the published conditions, one refusal each', () => {
  type Case = [code: string, expiresIn: number | null, setup?: (w: BuiltPerson) => Promise<void>];
  const cases: Case[] = [
    ['no_iqama_to_renew', null],
    ['iqama_not_due_for_renewal', 366],
    ['passport_expired', 30, (w) => setRegistry(w, { passportExpiresOn: day(-1) })],
    ['passport_missing', 30, (w) => setRegistry(w, { passportNumber: null, passportIssuedOn: null, passportExpiresOn: null })],
    ['absent_from_work', 30, (w) => setLabourRecord(db(), w.idNumber, { permitExpiresOn: day(300), absentFromWork: true })],
    ['no_work_permit', 30, (w) => setLabourRecord(db(), w.idNumber, { permitExpiresOn: null })],
  ];
  it.each(cases)('%s', async (code, expiresIn, setup) => {
    // Without an iqama, the sandbox's permit runs a year from arrival.
    const w = await workerExpiring(t, est, expiresIn === null ? (null as unknown as string) : day(expiresIn), { arrivedOn: day(-20) });
    await setup?.(w);
    const q = await quoteRequest(t, est.owner.auth, SERVICE, forWorker(w).body);
    expect(codes(q)).toEqual([code]);
    const sub = await submitRequest(t, est.owner.auth, SERVICE, forWorker(w).body);
    expect(sub.statusCode).toBe(422);
    expect(await requestsFor(t, w.idNumber)).toHaveLength(0);
  });

  it('renews an iqama with exactly a year left, not one day more', async () => {
    const w = await workerExpiring(t, est, addMonths(day(0), 12));
    expect((await quoteRequest(t, est.owner.auth, SERVICE, forWorker(w, 1).body)).json()).toMatchObject({ eligible: true });
  });

  it('refuses quarters for a dependant and an office that does not exist', async () => {
    const head = await buildAccount(db());
    const auth = await bearer(t, head.account.id);
    const wife = await buildResidentDependent(t, head.person.idNumber, { iqamaExpiresOn: day(10) });
    expect(codes(await quoteRequest(t, auth, SERVICE, application(wife, officeId, { quarters: 3 })))).toEqual(['quarters_for_workers_only']);
    expect(codes(await quoteRequest(t, auth, SERVICE, application(wife, 'office-nowhere')))).toEqual(['unknown_office']);
    const ok = await quoteRequest(t, auth, SERVICE, application(wife, officeId));
    expect(ok.json()).toMatchObject({ eligible: true, relation: 'family', fee: { totalHalalas: 65000, lines: [{ key: 'year' }] } });
  });
});

async function setRegistry(w: BuiltPerson, patch: Partial<typeof registryPersons.$inferInsert>) {
  await db().update(registryPersons).set(patch).where(eq(registryPersons.idNumber, w.idNumber));
}

describe('who may apply', () => {
  type Who = 'owner' | 'staff' | 'staff_issue_only' | 'other_owner' | 'worker_self' | 'officer';
  const matrix: Array<[Who, number, string | null]> = [
    ['owner', 201, null],
    ['staff', 201, null],
    ['staff_issue_only', 403, 'delegation_out_of_scope'],
    ['other_owner', 404, 'establishment_not_found'],
    ['worker_self', 403, 'relation_not_allowed'],
    ['officer', 403, 'not_your_beneficiary'],
  ];
  it.each(matrix)('%s → %i %s', async (who, status, code) => {
    const w = await workerExpiring(t, est, day(15));
    let auth: Record<string, string>;
    let establishmentId: string | undefined = est.id;
    if (who === 'owner') auth = est.owner.auth;
    else if (who === 'staff') auth = (await grantStaff(t, est, [SERVICE])).auth;
    else if (who === 'staff_issue_only') auth = (await grantStaff(t, est, ['iqama_issue'])).auth;
    else if (who === 'other_owner') auth = (await buildEstablishment(t, { workers: 0 })).owner.auth;
    else if (who === 'worker_self') {
      auth = await bearer(t, (await buildAccount(db(), { person: w })).account.id);
      establishmentId = undefined;
    } else {
      const officer = await buildAccount(db());
      await grantStaffRole(db(), officer.account.id, 'officer', officeId);
      auth = await bearer(t, officer.account.id);
      establishmentId = undefined;
    }
    const res = await submitRequest(t, auth, SERVICE, application(w, officeId, establishmentId ? { establishmentId } : {}));
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    expect(await requestsFor(t, w.idNumber)).toHaveLength(code ? 0 : 1);
  });
});

describe('the labour ministry down', () => {
  it('at submission: 503 with Retry-After, nothing created', async () => {
    const w = await workerExpiring(t, est, day(15));
    t.deps.sandboxFaults!.labour.set({ down: true });
    try {
      const res = await submitRequest(t, est.owner.auth, SERVICE, forWorker(w).body);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      t.deps.sandboxFaults!.labour.set({ down: false });
    }
    expect(await requestsFor(t, w.idNumber)).toHaveLength(0);
  });

  it('at fulfilment: the paid renewal stays submitted and the job issues it later', async () => {
    const w = await workerExpiring(t, est, day(15));
    const sub = await submitRequest(t, est.owner.auth, SERVICE, forWorker(w).body);
    t.deps.sandboxFaults!.labour.set({ down: true });
    try {
      await pay(t, sub.json().bills[0].billNumber, 65000);
      expect((await getRequest(t, est.owner.auth, sub.json().id)).json().status).toBe('submitted');
    } finally {
      t.deps.sandboxFaults!.labour.set({ down: false });
    }
    await fulfilPending(t.deps);
    expect((await producedFor(t, sub.json().id)).doc?.expiresOn).toBe(addMonths(day(15), 12));
  });
});
