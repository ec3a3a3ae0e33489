// The bulk iqama renewal of an establishment's workers: each worker checked and billed on its
// own through the engine, one refusal not stopping the rest, idempotent as a whole and per
// worker, every bill payable on its own, nothing half-done when an agency is down.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bills, delegations, serviceRequests } from '../../src/server/db/schema';
import type { SandboxPopulationRegistry } from '../../src/server/adapters/population-registry/sandbox';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildEstablishment, grantStaff, type BuiltEstablishment } from '../helpers/establishments';
import { buildAccount, buildOffice, buildPerson, grantStaffRole } from '../helpers/factories';
import { bearer, buildHolder, getRequest, kingdomDayFromToday, pay } from '../helpers/services';

let t: TestContext;
let office: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  office = await buildOffice(t.deps.database.db);
});
afterAll(async () => t?.close());

type Result = { idNumber: string; outcome: string; requestId: string | null; billNumber: string | null; amountHalalas: number | null; existing: boolean; refusals: Array<{ code: string }> };

function renew(est: { id: string }, auth: Record<string, string>, workers: string[], quarters = 2, key: string | null = randomUUID()) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/establishments/${est.id}/iqama-renewals`,
    headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload: { workers, quarters, pickupOfficeId: office.id },
  });
}

async function eligibleEstablishment(workers: number): Promise<BuiltEstablishment> {
  return buildEstablishment(t, { workers, worker: { iqamaExpiresOn: kingdomDayFromToday(t, 20), passportExpiresOn: kingdomDayFromToday(t, 1500) } });
}

describe('bulk iqama renewal', () => {
  it('submits and bills each worker on its own; a refused worker does not stop the rest', async () => {
    const est = await eligibleEstablishment(3);
    const db = t.deps.database.db;
    const expired = await buildPerson(db, { kind: 'resident', sponsorKind: 'establishment', sponsorId: est.id, iqamaExpiresOn: kingdomDayFromToday(t, 10), passportExpiresOn: kingdomDayFromToday(t, -3) });
    const elsewhere = await buildPerson(db, { kind: 'resident', sponsorKind: 'establishment', sponsorId: '7000000001' });
    const ids = [...est.workers.map((w) => w.idNumber), expired.idNumber, elsewhere.idNumber];

    const res = await renew(est, est.owner.auth, ids, 2);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { summary: Record<string, number>; results: Result[] };
    expect(body.results.map((r) => r.idNumber)).toEqual(ids);
    expect(body.results.map((r) => r.outcome)).toEqual(['submitted', 'submitted', 'submitted', 'refused', 'refused']);
    expect(body.summary).toMatchObject({ submitted: 3, refused: 2, conflict: 0, error: 0 });
    const submitted = body.results.slice(0, 3);
    expect(new Set(submitted.map((r) => r.billNumber)).size).toBe(3);
    for (const r of submitted) expect(r).toMatchObject({ existing: false, amountHalalas: 32500, refusals: [] });
    expect(body.summary.totalHalalas).toBe(3 * 32500);
    expect(body.results[3]!.refusals.length).toBeGreaterThan(0);
    expect(body.results[4]!.refusals.map((r) => r.code)).toEqual(['not_your_beneficiary']);

    const rows = await db.select().from(serviceRequests).where(inArray(serviceRequests.id, submitted.map((r) => r.requestId!)));
    for (const r of rows) expect(r).toMatchObject({ service: 'iqama_renew', establishmentId: est.id, status: 'awaiting_payment', applicantAccountId: est.owner.account.id, input: { quarters: 2, pickupOfficeId: office.id } });

    // Each bill is paid on its own at a bank.
    const paid = await pay(t, submitted[0]!.billNumber!, 32500);
    expect(paid.statusCode).toBe(200);
    expect((await getRequest(t, est.owner.auth, submitted[0]!.requestId!)).json().status).toBe('issued');
    expect((await getRequest(t, est.owner.auth, submitted[1]!.requestId!)).json().status).toBe('awaiting_payment');
  });

  it('is idempotent as a whole and per worker: a retry never bills a worker twice', async () => {
    const est = await eligibleEstablishment(3);
    const ids = est.workers.map((w) => w.idNumber);
    const key = randomUUID();
    const first = await renew(est, est.owner.auth, ids.slice(0, 2), 1, key);
    const replay = await renew(est, est.owner.auth, ids.slice(0, 2), 1, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());

    // A new key (the first answer was lost): the two open renewals come back, the third is new.
    const retry = await renew(est, est.owner.auth, ids, 1);
    const results = retry.json().results as Result[];
    const before = first.json().results as Result[];
    expect(results.map((r) => [r.outcome, r.existing])).toEqual([['submitted', true], ['submitted', true], ['submitted', false]]);
    expect(results.slice(0, 2).map((r) => [r.requestId, r.billNumber])).toEqual(before.map((r) => [r.requestId, r.billNumber]));
    const all = await t.deps.database.db.select().from(serviceRequests).where(inArray(serviceRequests.beneficiaryIdNumber, ids));
    expect(all).toHaveLength(3);
    const allBills = await t.deps.database.db.select().from(bills).where(inArray(bills.requestId, all.map((r) => r.id)));
    expect(allBills).toHaveLength(3);
  });

  it('answers conflict for a worker whose open renewal someone else holds', async () => {
    const est = await eligibleEstablishment(1);
    const w = est.workers[0]!;
    const now = t.clock.now();
    await t.deps.database.db.insert(serviceRequests).values({
      id: randomUUID(), number: `RC${Date.now()}`, service: 'iqama_renew', status: 'awaiting_payment', applicantAccountId: est.owner.account.id, beneficiaryIdNumber: w.idNumber,
      relation: 'domestic_worker', input: {}, feeHalalas: 16300, feeLines: [], conflictKey: `iqama_renew:${w.idNumber}`, createdAt: now, updatedAt: now,
    });
    const res = await renew(est, est.owner.auth, [w.idNumber]);
    expect(res.json().results[0]).toMatchObject({ outcome: 'conflict', requestId: null, refusals: [{ code: 'conflicting_request' }] });
  });

  it('leaves nothing half-done when the labour ministry is down, and works again once it is back', async () => {
    const est = await eligibleEstablishment(2);
    const ids = est.workers.map((w) => w.idNumber);
    const key = randomUUID();
    t.deps.sandboxFaults!.labour.set({ down: true });
    try {
      // The establishment's record is read once for the whole bulk: without it nothing starts.
      const res = await renew(est, est.owner.auth, ids, 2, key);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('dependency_unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(await t.deps.database.db.select().from(serviceRequests).where(inArray(serviceRequests.beneficiaryIdNumber, ids))).toHaveLength(0);
    } finally {
      t.deps.sandboxFaults!.labour.set({ down: false });
    }
    // The same bulk retried with the same key once the ministry is back.
    const again = await renew(est, est.owner.auth, ids, 2, key);
    expect(again.json().summary.submitted).toBe(2);
  });

  it('answers each worker an error, and creates nothing, when the registry fails during the bulk', async () => {
    const est = await eligibleEstablishment(2);
    const ids = est.workers.map((w) => w.idNumber);
    const registry = t.deps.registry as SandboxPopulationRegistry;
    registry.setDown(true);
    try {
      const res = await renew(est, est.owner.auth, ids);
      expect(res.statusCode).toBe(200);
      expect(res.json().results.map((r: Result) => [r.outcome, r.refusals[0]?.code])).toEqual([['error', 'dependency_unavailable'], ['error', 'dependency_unavailable']]);
      expect(await t.deps.database.db.select().from(serviceRequests).where(inArray(serviceRequests.beneficiaryIdNumber, ids))).toHaveLength(0);
    } finally {
      registry.setDown(false);
    }
  });

  it('refuses bad input for the whole bulk', async () => {
    const est = await eligibleEstablishment(1);
    const tooMany = Array.from({ length: 101 }, () => est.workers[0]!.idNumber);
    expect((await renew(est, est.owner.auth, tooMany)).statusCode).toBe(400);
    expect((await renew(est, est.owner.auth, [est.workers[0]!.idNumber], 5)).statusCode).toBe(400);
    const noKey = await renew(est, est.owner.auth, [est.workers[0]!.idNumber], 1, null);
    expect(noKey.json().error.code).toBe('idempotency_key_required');
  });

  it('permission matrix: owner and staff authorized for renewals only', async () => {
    const est = await eligibleEstablishment(1);
    const db = t.deps.database.db;
    const worker = est.workers[0]!.idNumber;
    const revoked = await grantStaff(t, est, ['iqama_renew']);
    await db.update(delegations).set({ revokedAt: t.clock.now() }).where(eq(delegations.id, revoked.delegationId));
    const expired = await grantStaff(t, est, ['iqama_renew']);
    await db.update(delegations).set({ endsAt: t.clock.now() }).where(eq(delegations.id, expired.delegationId));
    const officer = await buildHolder(t);
    await grantStaffRole(db, officer.account.id, 'officer', null);
    const callers = {
      owner: est.owner.auth,
      staffInScope: (await grantStaff(t, est, ['iqama_renew'])).auth,
      staffOutOfScope: (await grantStaff(t, est, ['exit_reentry_visa', 'iqama_issue'])).auth,
      staffRevoked: revoked.auth,
      staffExpired: expired.auth,
      otherEstablishment: (await buildEstablishment(t, { workers: 1 })).owner.auth,
      worker: await bearer(t, (await buildAccount(db, { person: est.workers[0]! })).account.id),
      officer: officer.auth,
      anonymous: {},
    };
    const got: Record<string, string> = {};
    for (const [name, auth] of Object.entries(callers)) {
      const res = await renew(est, auth, [worker]);
      got[name] = res.statusCode === 200 ? `200 ${res.json().results[0].outcome}` : `${res.statusCode} ${res.json().error.code}`;
    }
    expect(got).toEqual({
      owner: '200 submitted',
      staffInScope: '200 submitted',
      staffOutOfScope: '403 delegation_out_of_scope',
      staffRevoked: '404 establishment_not_found',
      staffExpired: '404 establishment_not_found',
      otherEstablishment: '404 establishment_not_found',
      worker: '404 establishment_not_found',
      officer: '404 establishment_not_found',
      anonymous: '401 not_authenticated',
    });
  });
});
