// What an establishment asks for a worker it sponsors, against a transfer of services of the
// same worker to another establishment: the registry hears of the new sponsor only after the
// transfer's commit, so the former sponsor's request is decided under the worker's sponsorship
// lock and refused (worker_transferred, any fee owed back) once a transfer was issued after it
// was made, or while the registry has not yet been told of one. Individuals' requests take no
// lock: a citizen's domestic worker's visa is still issued in one statement.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice } from '../helpers/factories';
import { bearer, buildHousehold, getRequest, kingdomDayFromToday, pay, submitRequest } from '../helpers/services';
import { buildEstablishment, type BuiltEstablishment } from '../helpers/establishments';
import { bills, documents, requestEvents, serviceRequests } from '../../src/server/db/schema';
import { getService } from '../../src/server/services/catalogue';
import type { ServiceDefinition } from '../../src/server/services/definition';
import { sponsorshipLock, sponsorshipRules } from '../../src/server/services/transfers/sponsorship';
import { AgencyUnavailableError } from '../../src/server/adapters/population-registry/port';
import { addYears } from '../../src/domain/calendar';
import { FakeClock, MINUTE } from '../../src/server/platform/clock';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-01-15T09:00:00Z') });
});
afterAll(() => t.close());

type Auth = Record<string, string>;
const TRANSFER = 'transfer_of_services';
const TRANSFER_FEE = 200000;
const REFUSAL = { code: 'worker_transferred', message: sponsorshipRules.worker_transferred };

/** A worker of `from` (with an account to consent from, an iqama due for renewal) and `to`, the establishment asking for them. */
async function setup() {
  const from = await buildEstablishment(t, { workers: 1, worker: { iqamaExpiresOn: kingdomDayFromToday(t, 30) } });
  const to = await buildEstablishment(t, { workers: 0 });
  const w = from.workers[0]!;
  const workerAuth = await bearer(t, (await buildAccount(t.deps.database.db, { person: w })).account.id);
  return { from, to, w, workerAuth };
}
type Setup = Awaited<ReturnType<typeof setup>>;

function act(auth: Auth, id: string, what: 'consent' | 'release', decision: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/${what}`, headers: { ...auth, 'idempotency-key': randomUUID() }, payload: { decision } });
}

type Open = { id: string; billNumber: string; amountHalalas: number };

/** The transfer of the worker to `to`: consented and released, awaiting payment. */
async function transferAwaitingPayment(s: Setup): Promise<Open> {
  const sub = await submitRequest(t, s.to.owner.auth, TRANSFER, { beneficiaryIdNumber: s.w.idNumber, establishmentId: s.to.id, input: {} });
  expect(sub.statusCode, sub.body).toBe(201);
  expect((await act(s.workerAuth, sub.json().id, 'consent', 'approve')).json().status).toBe('awaiting_release');
  const released = (await act(s.from.owner.auth, sub.json().id, 'release', 'release')).json();
  expect(released.status).toBe('awaiting_payment');
  return { id: released.id, billNumber: released.bills[0].billNumber, amountHalalas: TRANSFER_FEE };
}

let passports = 0;
const inputs = {
  profession_change: () => ({ profession: 'plumber' }),
  iqama_renew: (officeId: string) => ({ quarters: 4, pickupOfficeId: officeId }),
  exit_reentry_visa: () => ({ type: 'single', durationMonths: 2 }),
  final_exit_visa: () => ({}),
  transfer_of_information: () => ({ passportNumber: `N${String(8_000_000 + ++passports * 7919)}`, issuedOn: kingdomDayFromToday(t, -10), expiresOn: addYears(kingdomDayFromToday(t, -10), 10) }),
} as const;
type Code = keyof typeof inputs;

async function apply(est: BuiltEstablishment, w: { idNumber: string }, service: Code) {
  const officeId = (await buildOffice(t.deps.database.db)).id;
  return submitRequest(t, est.owner.auth, service, { beneficiaryIdNumber: w.idNumber, establishmentId: est.id, input: inputs[service](officeId) });
}

/** The establishment's request for its worker, awaiting payment. */
async function awaitingPayment(est: BuiltEstablishment, w: { idNumber: string }, service: Code): Promise<Open> {
  const sub = await apply(est, w, service);
  expect(sub.statusCode, sub.body).toBe(201);
  expect(sub.json().status).toBe('awaiting_payment');
  return { id: sub.json().id, billNumber: sub.json().bills[0].billNumber, amountHalalas: sub.json().fee.totalHalalas };
}

async function rowOf(id: string) {
  const [row] = await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.id, id));
  return row!;
}

async function billOf(requestId: string) {
  const [bill] = await t.deps.database.db.select().from(bills).where(eq(bills.requestId, requestId));
  return bill!;
}

/** The registry fails to record new sponsors while `body` runs: the transfer's after-issue step stays pending. */
async function registryNotTold<T>(body: () => Promise<T>): Promise<T> {
  const registry = t.deps.registry;
  const record = registry.recordSponsor.bind(registry);
  registry.recordSponsor = async () => {
    throw new AgencyUnavailableError('population_registry');
  };
  try {
    return await body();
  } finally {
    registry.recordSponsor = record;
  }
}

/** Whether a session of this database waits for the named lock (PostgreSQL only). */
async function waitsForLock(name: string): Promise<boolean> {
  const res = (await t.deps.database.db.execute(sql`
    select exists (
      select 1 from pg_locks
      where locktype = 'advisory' and not granted and objsubid = 1
        and database = (select oid from pg_database where datname = current_database())
        and classid::bigint = ((hashtextextended(${name}, 0) >> 32) & 4294967295)
        and objid::bigint = (hashtextextended(${name}, 0) & 4294967295)
    ) as waiting`)) as unknown as { rows: Array<{ waiting: boolean }> };
  return res.rows[0]!.waiting;
}

describe('a profession change and a transfer of the same worker, decided at once', () => {
  type Fulfil = (...args: unknown[]) => Promise<unknown>;

  it.each([
    ['the transfer', TRANSFER],
    ['the profession change', 'profession_change'],
  ] as const)('%s takes the worker’s lock first: the other decides after it, and the outcome is consistent', async (_n, firstService) => {
    const s = await setup();
    const change = await awaitingPayment(s.from, s.w, 'profession_change');
    const transfer = await transferAwaitingPayment(s);
    const second = firstService === TRANSFER ? change : transfer;
    // Both bills are paid a minute later, at the same moment: each payment fulfils its
    // request. Neither goes on from the ministry's approval until both have asked for it, so
    // both are past every check made outside the decision's transaction; then the first is
    // decided, and the second goes on while the first holds the worker's lock.
    t.clock.advance(MINUTE);
    const approve = t.deps.labour.requestApproval.bind(t.deps.labour);
    let asked = 0;
    let bothAsked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothAsked = resolve));
    let firstUnderLock!: () => void;
    const firstDeciding = new Promise<void>((resolve) => (firstUnderLock = resolve));
    const approval = vi.spyOn(t.deps.labour, 'requestApproval').mockImplementation(async (request) => {
      if (++asked === 2) bothAsked();
      await barrier;
      if (request.reference === second.id) await firstDeciding;
      return approve(request);
    });
    // The first's fulfilment runs in its decision's transaction, under the lock. On PostgreSQL
    // it goes on once the second waits for the lock (or, were there none, has been decided);
    // the embedded database runs one transaction at a time, so the second waits all the same.
    const firstDef = getService(firstService) as unknown as { fulfil: Fulfil };
    const fulfil = firstDef.fulfil;
    let decided = 0;
    firstDef.fulfil = async (...args) => {
      decided++;
      firstUnderLock();
      if (t.deps.database.engine === 'postgres') {
        const lock = sponsorshipLock(s.w.idNumber);
        while (!(await waitsForLock(lock)) && (await rowOf(second.id)).status === 'submitted') await new Promise((r) => setTimeout(r, 5));
      }
      return fulfil.apply(firstDef, args);
    };
    let paid: LightMyRequestResponse[];
    try {
      paid = await Promise.all([pay(t, transfer.billNumber, transfer.amountHalalas, 'atm-alrajhi'), pay(t, change.billNumber, change.amountHalalas, 'atm-samba')]);
    } finally {
      firstDef.fulfil = fulfil;
      approval.mockRestore();
    }
    expect(paid.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(asked).toBe(2);
    expect(decided).toBe(1);

    // The transfer goes through either way.
    expect(await rowOf(transfer.id)).toMatchObject({ status: 'issued', outcome: { summary: { from: s.from.id, to: s.to.id } } });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor).toEqual({ kind: 'establishment', id: s.to.id });
    const changed = await rowOf(change.id);
    if (firstService === TRANSFER) {
      // Decided after the transfer: refused, its fee owed back, the profession unchanged.
      expect(changed).toMatchObject({ status: 'rejected', outcome: { refusals: [REFUSAL] } });
      expect(await billOf(change.id)).toMatchObject({ status: 'paid', refundStatus: 'due' });
      expect((await t.deps.registry.findPerson(s.w.idNumber))!.profession).toBe('electrician');
    } else {
      // Decided before the transfer, while the worker was still the establishment's: issued,
      // and its decision committed before the transfer's.
      expect(changed.status).toBe('issued');
      const issued = await t.deps.database.db
        .select({ requestId: requestEvents.requestId })
        .from(requestEvents)
        .where(and(inArray(requestEvents.requestId, [change.id, transfer.id]), eq(requestEvents.toStatus, 'issued')))
        .orderBy(asc(requestEvents.id));
      expect(issued.map((e) => e.requestId)).toEqual([change.id, transfer.id]);
      expect(await billOf(change.id)).toMatchObject({ status: 'paid', refundStatus: null });
      expect((await t.deps.registry.findPerson(s.w.idNumber))!.profession).toBe('plumber');
    }
    expect(await billOf(transfer.id)).toMatchObject({ status: 'paid', refundStatus: null });
  });
});

describe('the transfer issued first', () => {
  it('the registry not yet told: the former sponsor’s paid profession change is rejected at fulfilment, its fee owed back', async () => {
    const s = await setup();
    const change = await awaitingPayment(s.from, s.w, 'profession_change');
    const transfer = await transferAwaitingPayment(s);
    t.clock.advance(MINUTE);
    await registryNotTold(() => pay(t, transfer.billNumber, transfer.amountHalalas));
    expect(await rowOf(transfer.id)).toMatchObject({ status: 'issued', afterIssuePendingSince: expect.any(Date) });
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor!.id).toBe(s.from.id);

    t.clock.advance(MINUTE);
    expect((await pay(t, change.billNumber, change.amountHalalas)).statusCode).toBe(200);
    const done = (await getRequest(t, s.from.owner.auth, change.id)).json();
    expect(done).toMatchObject({ status: 'rejected', outcome: { refusals: [{ code: 'worker_transferred' }] }, bills: [{ status: 'paid', refundStatus: 'due' }] });
    expect(done.outcome.refusals).toHaveLength(1);
    expect((await t.deps.registry.findPerson(s.w.idNumber))!.profession).toBe('electrician');
  });

  it.each(['iqama_renew', 'exit_reentry_visa'] as const)(
    '%s asked for before the transfer and paid after it is rejected at fulfilment, its fee owed back',
    async (service) => {
      const s = await setup();
      const asked = await awaitingPayment(s.from, s.w, service);
      const transfer = await transferAwaitingPayment(s);
      t.clock.advance(MINUTE);
      await pay(t, transfer.billNumber, transfer.amountHalalas);
      expect((await t.deps.registry.findPerson(s.w.idNumber))!.sponsor!.id).toBe(s.to.id);

      t.clock.advance(MINUTE);
      expect((await pay(t, asked.billNumber, asked.amountHalalas)).statusCode).toBe(200);
      const row = await rowOf(asked.id);
      expect(row).toMatchObject({ status: 'rejected', outcome: { refusals: [{ ...REFUSAL, message: getService(service).rules['worker_transferred'] }] } });
      expect(await billOf(asked.id)).toMatchObject({ status: 'paid', refundStatus: 'due' });
      expect(await t.deps.database.db.select().from(documents).where(eq(documents.requestId, asked.id))).toHaveLength(0);
    },
  );

  it.each(['final_exit_visa', 'transfer_of_information', 'iqama_renew', 'profession_change'] as const)(
    'while the registry is not yet told, the former sponsor’s %s is refused at submission',
    async (service) => {
      const s = await setup();
      const transfer = await transferAwaitingPayment(s);
      await registryNotTold(() => pay(t, transfer.billNumber, transfer.amountHalalas));
      t.clock.advance(MINUTE);
      const res = await apply(s.from, s.w, service);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe('worker_transferred');
      const asked = await t.deps.database.db.select().from(serviceRequests).where(and(eq(serviceRequests.service, service), eq(serviceRequests.beneficiaryIdNumber, s.w.idNumber)));
      expect(asked).toHaveLength(0);
    },
  );

  it.each(['final_exit_visa', 'iqama_renew', 'profession_change'] as const)('the new sponsor’s %s for the worker goes through at once', async (service) => {
    const s = await setup();
    const transfer = await transferAwaitingPayment(s);
    await pay(t, transfer.billNumber, transfer.amountHalalas);
    // The same instant as the transfer: a transfer to the applying establishment is not one away from it.
    const res = await apply(s.to, s.w, service);
    expect(res.statusCode, res.body).toBe(201);
    let r = res.json();
    if (r.status === 'awaiting_payment') {
      await pay(t, r.bills[0].billNumber, r.fee.totalHalalas);
      r = (await getRequest(t, s.to.owner.auth, r.id)).json();
    }
    expect(r).toMatchObject({ status: 'issued', relation: 'establishment_worker', establishmentId: s.to.id });
  });
});

describe('individuals’ requests take no lock', () => {
  it('a citizen’s domestic worker’s final exit visa is issued in one statement, an establishment worker’s in a transaction', async () => {
    const household = await buildHousehold(t);
    const est = await buildEstablishment(t, { workers: 1 });
    const transactions = vi.spyOn(t.deps.database.db, 'transaction');
    try {
      const own = await submitRequest(t, household.head.auth, 'final_exit_visa', { beneficiaryIdNumber: household.worker.idNumber, input: {} });
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json()).toMatchObject({ status: 'issued', relation: 'domestic_worker' });
      expect(transactions).not.toHaveBeenCalled();

      const worker = await apply(est, est.workers[0]!, 'final_exit_visa');
      expect(worker.statusCode, worker.body).toBe(201);
      expect(worker.json()).toMatchObject({ status: 'issued', relation: 'establishment_worker' });
      // The submission and the decision, each under the worker's sponsorship lock.
      expect(transactions).toHaveBeenCalledTimes(2);
    } finally {
      transactions.mockRestore();
    }
    for (const id of [household.worker.idNumber, est.workers[0]!.idNumber]) {
      const visas = await t.deps.database.db.select().from(documents).where(and(eq(documents.holderIdNumber, id), eq(documents.kind, 'final_exit_visa')));
      expect(visas).toHaveLength(1);
    }
  });

  it.each(['exit_reentry_visa', 'final_exit_visa', 'iqama_issue', 'iqama_renew', 'profession_change', 'transfer_of_information'])(
    '%s is exclusive on the worker’s sponsorship only when an establishment applies, and names the refusal in its rules',
    (code) => {
      const def = getService(code) as ServiceDefinition<unknown>;
      expect(def.rules['worker_transferred']).toEqual(sponsorshipRules.worker_transferred);
      const ctx = (relation: string, establishment: { id: string } | null) => ({ relation, establishment, beneficiary: { idNumber: '2123456789' } }) as never;
      expect(def.exclusive!.key(ctx('establishment_worker', { id: '7000000001' }), {})).toBe(sponsorshipLock('2123456789'));
      for (const relation of ['self', 'family', 'domestic_worker']) expect(def.exclusive!.key(ctx(relation, null), {})).toBeNull();
    },
  );
});
