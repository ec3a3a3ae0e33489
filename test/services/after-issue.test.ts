// What is issued reaches the registry even when the registry fails right after the commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount } from '../helpers/factories';
import { bearer, getRequest, pay, submitRequest } from '../helpers/services';
import { registryPersons, serviceRequests } from '../../src/server/db/schema';
import { AgencyUnavailableError } from '../../src/server/adapters/population-registry/port';
import { retryAfterIssue } from '../../src/server/services/engine/requests';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the after-issue step', () => {
  it('is retried until the registry records the new passport', async () => {
    const { account, person } = await buildAccount(t.deps.database.db);
    const auth = await bearer(t, account.id);
    const sub = await submitRequest(t, auth, 'passport_renew', { beneficiaryIdNumber: person.idNumber, input: { validityYears: 5, delivery: { method: 'post' } } });
    expect(sub.statusCode, sub.body).toBe(201);
    const bill = sub.json().bills[0];

    const registry = t.deps.registry;
    const record = registry.recordPassport.bind(registry);
    registry.recordPassport = async () => {
      throw new AgencyUnavailableError('population_registry');
    };
    try {
      expect((await pay(t, bill.billNumber, bill.amountHalalas)).statusCode).toBe(200);
      expect((await getRequest(t, auth, sub.json().id)).json().status).toBe('issued');
      const [pending] = await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.id, sub.json().id));
      expect(pending!.afterIssuePendingSince).not.toBeNull();
      // Still down: the retry keeps it queued.
      expect(await retryAfterIssue(t.deps)).toBe(0);
    } finally {
      registry.recordPassport = record;
    }
    expect(await retryAfterIssue(t.deps)).toBe(1);
    const [done] = await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.id, sub.json().id));
    expect(done!.afterIssuePendingSince).toBeNull();
    const issued = (done!.outcome as { documents: Array<{ number: string }> }).documents[0]!.number;
    const [row] = await t.deps.database.db.select().from(registryPersons).where(eq(registryPersons.idNumber, person.idNumber));
    expect(row!.passportNumber).toBe(issued);
    expect(await retryAfterIssue(t.deps)).toBe(0);
  });
});
