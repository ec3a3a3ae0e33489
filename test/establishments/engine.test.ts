// The engine acting for an establishment: what happens when the labour ministry no longer
// knows the establishment by the time a paid request is fulfilled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, json, type TestContext } from '../helpers/app';
import { buildEstablishment } from '../helpers/establishments';
import { getRequest, pay, submitRequest } from '../helpers/services';
import { sandboxEstablishments } from '../../src/server/db/schema';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('fulfilling an establishment’s request', () => {
  it('rejects with establishment_not_found, refund due, when labour no longer knows the establishment', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const res = await submitRequest(t, est.owner.auth, 'exit_reentry_visa', {
      beneficiaryIdNumber: est.workers[0]!.idNumber,
      establishmentId: est.id,
      input: { type: 'single', durationMonths: 2 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = json<{ id: string; establishmentId: string; bills: Array<{ billNumber: string; amountHalalas: number }> }>(res);
    expect(created.establishmentId).toBe(est.id);
    await t.deps.database.db.delete(sandboxEstablishments).where(eq(sandboxEstablishments.id, est.id));
    expect((await pay(t, created.bills[0]!.billNumber, created.bills[0]!.amountHalalas)).statusCode).toBe(200);
    const after = json<{ status: string; outcome: { refusals: Array<{ code: string }> }; bills: Array<{ refundStatus: string | null }> }>(await getRequest(t, est.owner.auth, created.id));
    expect(after.status).toBe('rejected');
    expect(after.outcome.refusals.map((r) => r.code)).toEqual(['establishment_not_found']);
    expect(after.bills[0]!.refundStatus).toBe('due');
  });
});
