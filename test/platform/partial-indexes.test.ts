// Every statement is prepared once per connection, and PostgreSQL may then keep a generic plan,
// made without the values. A condition that a partial index's predicate names must therefore
// reach it as a constant: bound as `$1`, a generic plan cannot use the index and reads the whole
// table on every run (the open-visa check did, slower with every request the table gained).
// Each statement below is planned as a generic plan would be, with sequential scans ruled out,
// and must find its rows through its partial index.
//
// The same probe guards the identity numbers, which are char(10): a value cast to text turns
// the condition into id_number::text, which no index serves (the login read every account).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, lte, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import type { Db } from '../../src/server/db/client';
import { inConstants, isConstant } from '../../src/server/db/predicates';
import { serviceRequests, smsOutbox } from '../../src/server/db/schema';
import { OPEN_STATUSES } from '../../src/domain/requests/lifecycle';
import { openExits } from '../../src/server/services/visas/shared';
import { claimStatement } from '../../src/server/modules/sms/outbox';
import { openByConflictKeyQuery } from '../../src/server/modules/establishments/repository';
import { pendingFulfilment } from '../../src/server/services/engine/requests';
import { dueBills } from '../../src/server/services/engine/bills';
import { openOf } from '../../src/server/modules/establishments/repository';
import { admissionSql } from '../../src/server/modules/sessions/throttle';
import { PgDialect } from 'drizzle-orm/pg-core';

let t: TestContext;
let db: Db;

beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.database.db;
});
afterAll(() => t.close());

type Query = { sql: string; params: unknown[] };

const literal = (v: unknown) => (v instanceof Date ? `'${v.toISOString()}'` : `'${String(v).replace(/'/g, "''")}'`);

/** The plan PostgreSQL keeps for `query` once it settles on a generic plan. */
async function genericPlan(query: Query, values: Record<string, unknown> = {}): Promise<string> {
  const args = query.params.map((p) => literal(p && typeof p === 'object' && 'name' in p ? values[(p as { name: string }).name] : p));
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql.raw(`prepare generic_probe as ${query.sql}`));
    const plan = (await tx.execute(sql.raw(`explain execute generic_probe${args.length ? `(${args.join(', ')})` : ''}`))) as unknown as {
      rows: Array<Record<string, string>>;
    };
    await tx.execute(sql`deallocate generic_probe`);
    return plan.rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

describe('conditions a partial index names are written as constants', () => {
  it('renders them into the statement, with no bound value', () => {
    const q = db.select({ id: smsOutbox.id }).from(smsOutbox).where(isConstant(smsOutbox.status, 'pending')).toSQL();
    expect(q.sql).toContain(`"status" = 'pending'`);
    expect(q.params).toEqual([]);
    const open = db.select({ id: serviceRequests.id }).from(serviceRequests).where(inConstants(serviceRequests.status, OPEN_STATUSES)).toSQL();
    expect(open.sql).toContain(`in ('awaiting_consent', 'awaiting_release', 'awaiting_payment', 'submitted')`);
    expect(open.params).toEqual([]);
  });

  it('the open exit visa check finds open requests through the open-conflict index', async () => {
    const plan = await genericPlan(openExits(db).getQuery() as Query, { id: '2000000008', today: '2026-12-05', exitReentryKey: 'exit_reentry_visa:2000000008', finalExitKey: 'final_exit_visa:2000000008' });
    expect(plan).toContain('service_requests_open_conflict_uq');
    expect(plan).not.toMatch(/Seq Scan on service_requests/);
  });

  it('the same check with the statuses bound would not (what the test guards against)', async () => {
    const bound = db
      .select({ id: serviceRequests.id })
      .from(serviceRequests)
      .where(sql`${serviceRequests.conflictKey} = ${'exit_reentry_visa:2000000008'} and ${serviceRequests.status} in (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `)})`)
      .toSQL();
    expect(await genericPlan(bound)).not.toContain('service_requests_open_conflict_uq');
  });

  it('the SMS poller finds due messages through the pending index', async () => {
    const plan = await genericPlan(claimStatement(db, lte(smsOutbox.nextAttemptAt, new Date()), new Date(), 50).toSQL());
    expect(plan).toContain('sms_outbox_due_idx');
  });

  it('an establishment finds the open requests of its workers by conflict key through the open-conflict index', async () => {
    const plan = await genericPlan(openByConflictKeyQuery(db, ['iqama_renewal:2000000008', 'iqama_renewal:2000000016']).toSQL());
    expect(plan).toContain('service_requests_open_conflict_uq');
  });

  it('the bill expiry job finds unpaid bills past their date through the unpaid-expiry index', async () => {
    expect(await genericPlan(dueBills(db, new Date(), 100).toSQL())).toContain('bills_unpaid_expiry_idx');
  });

  it('the pending-fulfilment job finds submitted requests through the submitted index', async () => {
    expect(await genericPlan(pendingFulfilment(db, 50).toSQL())).toContain('service_requests_submitted_idx');
    const bound = db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.status, 'submitted')).orderBy(serviceRequests.submittedAt).limit(50).toSQL();
    expect(await genericPlan(bound)).not.toContain('service_requests_submitted_idx');
  });
});

describe('identity numbers are compared as char(10), their column’s type', () => {
  const dialect = new PgDialect();
  const admission = { now: new Date(), windowStart: new Date(Date.now() - 3_600_000), loginKey: 'login:x' };

  it('the login admission finds the account through its unique identity number index', async () => {
    const plan = await genericPlan(dialect.sqlToQuery(admissionSql('idNumber')), { ...admission, value: '1000000008' });
    expect(plan).toContain('accounts_id_number_uq');
    expect(plan).not.toMatch(/Seq Scan on accounts/);
    expect(await genericPlan(dialect.sqlToQuery(admissionSql('username')), { ...admission, value: 'salem' })).toContain('accounts_username_uq');
  });

  it('the same lookup with the value as text would read every account (what the test guards against)', async () => {
    const asText = dialect.sqlToQuery(sql`select id from accounts where id_number = ${'1000000008'}::text limit 1`);
    expect(await genericPlan(asText)).not.toContain('accounts_id_number_uq');
  });

  it('a workers page finds their open requests through the beneficiary index', async () => {
    const plan = await genericPlan(openOf(db).getQuery() as Query, { ids: '{2000000008,2000000016}' });
    expect(plan).toContain('service_requests_beneficiary_idx');
    expect(plan).not.toMatch(/Seq Scan on service_requests/);
  });
});
