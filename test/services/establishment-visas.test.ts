// The services individuals use for their households serve an establishment's workers too:
// exit and re-entry visa, final exit visa and transfer of information, applied for by the
// establishment's owner or staff authorized for the service, with the same rules and fees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount } from '../helpers/factories';
import { addFine, bearer, getRequest, kingdomDayFromToday, pay, quoteRequest, submitRequest } from '../helpers/services';
import { buildEstablishment, grantStaff, type BuiltEstablishment } from '../helpers/establishments';
import { documents, serviceRequests } from '../../src/server/db/schema';
import { addYears } from '../../src/domain/calendar';
import { FakeClock } from '../../src/server/platform/clock';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-01-15T09:00:00Z') });
});
afterAll(() => t.close());

type Auth = Record<string, string>;
let serial = 0;
const SERVICES = {
  exit_reentry_visa: () => ({ type: 'multiple', durationMonths: 4 }),
  final_exit_visa: () => ({}),
  transfer_of_information: () => ({ passportNumber: `N${String(7_000_000 + ++serial * 7919)}`, issuedOn: kingdomDayFromToday(t, -10), expiresOn: addYears(kingdomDayFromToday(t, -10), 10) }),
} as const;
type Code = keyof typeof SERVICES;
const apply = (est: BuiltEstablishment, worker: { idNumber: string }, service: Code) => ({ beneficiaryIdNumber: worker.idNumber, establishmentId: est.id, input: SERVICES[service]() });

describe.each(Object.keys(SERVICES) as Code[])('%s for an establishment’s worker', (service) => {
  it.each([
    ['the owner', (est: BuiltEstablishment) => Promise.resolve(est.owner.auth), false],
    ['staff authorized for the service', async (est: BuiltEstablishment) => (await grantStaff(t, est, [service])).auth, true],
  ] as const)('%s applies, and the request goes through as for a household', async (_n, actor, byDelegate) => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const auth = await actor(est);
    const sub = await submitRequest(t, auth, service, apply(est, w, service));
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ relation: 'establishment_worker', establishmentId: est.id, byDelegate });
    let r = sub.json();
    if (r.status === 'awaiting_payment') {
      await pay(t, r.bills[0].billNumber, r.fee.totalHalalas);
      r = (await getRequest(t, auth, r.id)).json();
    }
    expect(r.status).toBe('issued');
    const docs = await t.deps.database.db.select().from(documents).where(eq(documents.requestId, r.id));
    // A visa; or the new passport, and the old one recorded as replaced.
    expect(docs.length).toBeGreaterThan(0);
    expect(new Set(docs.map((d) => d.holderIdNumber))).toEqual(new Set([w.idNumber]));
    // Staff act on the owner's behalf: the owner sees the request too.
    expect((await getRequest(t, est.owner.auth, r.id)).statusCode).toBe(200);
  });

  it.each([
    ['staff authorized for other services', async (est: BuiltEstablishment) => (await grantStaff(t, est, [service === 'final_exit_visa' ? 'exit_reentry_visa' : 'final_exit_visa'])).auth, 403, 'delegation_out_of_scope'],
    ['another establishment’s owner', async () => (await buildEstablishment(t, { workers: 0 })).owner.auth, 404, 'establishment_not_found'],
  ] as const)('%s is refused', async (_n, actor, status, code) => {
    const est = await buildEstablishment(t, { workers: 1 });
    const res = await submitRequest(t, await actor(est), service, apply(est, est.workers[0]!, service));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.beneficiaryIdNumber, est.workers[0]!.idNumber))).toHaveLength(0);
  });
});

describe('the same rules and fees as for a household', () => {
  it('exit and re-entry: the multiple visa’s fee, and refusals for an expired iqama and unpaid fines', async () => {
    const est = await buildEstablishment(t, { workers: 2, worker: { iqamaExpiresOn: '2026-01-14' } });
    const [expired, fined] = est.workers;
    await t.deps.registry.recordIqama(fined!.idNumber, { expiresOn: '2027-01-31' });
    await addFine(t.deps.database.db, fined!.idNumber);
    const q1 = (await quoteRequest(t, est.owner.auth, 'exit_reentry_visa', apply(est, expired!, 'exit_reentry_visa'))).json();
    expect(q1).toMatchObject({ eligible: false, refusals: [{ code: 'iqama_not_valid' }], fee: { totalHalalas: 70000 } });
    const q2 = (await quoteRequest(t, est.owner.auth, 'exit_reentry_visa', apply(est, fined!, 'exit_reentry_visa'))).json();
    expect(q2.refusals.map((r: { code: string }) => r.code)).toEqual(['unpaid_traffic_fines']);
  });

  it('final exit: refused with less than 30 days of iqama left', async () => {
    const est = await buildEstablishment(t, { workers: 1, worker: { iqamaExpiresOn: kingdomDayFromToday(t, 29) } });
    const res = await submitRequest(t, est.owner.auth, 'final_exit_visa', apply(est, est.workers[0]!, 'final_exit_visa'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('iqama_validity_too_short');
  });

  it('the worker may still record their own new passport themself', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    const auth: Auth = await bearer(t, (await buildAccount(t.deps.database.db, { person: w })).account.id);
    const res = await submitRequest(t, auth, 'transfer_of_information', { beneficiaryIdNumber: w.idNumber, input: SERVICES.transfer_of_information() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ relation: 'self', status: 'issued', establishmentId: null });
  });
});
