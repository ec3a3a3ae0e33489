// A statement that is the same for every call but for its values is built once per shape and
// prepared: its values become placeholders, while NULLs and constant SQL stay in the statement
// and so name its shape. The decision that issues a visa is such a statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildHousehold, pay, submitRequest } from '../helpers/services';
import { documents, requestEvents, serviceRequests, smsOutbox } from '../../src/server/db/schema';
import { Insert, insertInto, templateOf, writeTemplates } from '../../src/server/db/writes';
import { moveShapes, submissionShapes } from '../../src/server/services/engine/requests';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('templates of values', () => {
  it('turns values into placeholders, keeps NULL and constant SQL in the statement, skips undefined', () => {
    const values: Record<string, unknown> = {};
    const at = new Date('2026-12-05T12:00:00Z');
    const t1 = templateOf('set_', { status: 'issued', decidedAt: at, outcome: { a: 1 }, afterIssuePendingSince: null, note: undefined, seq: sql`nextval('s')` }, values);
    expect(t1!.key).toBe(`status,decidedAt,outcome,afterIssuePendingSince=null,seq=nextval('s')`);
    expect(values).toEqual({ set_status: 'issued', set_decidedAt: at, set_outcome: { a: 1 } });
    expect(t1!.template.afterIssuePendingSince).toBeNull();
    expect('note' in t1!.template).toBe(false);
  });

  it('gives the same shape to the same writes with other values, another when a value is left out', () => {
    const db = t.deps.database.db;
    const row = (details: Record<string, unknown> | null) => insertInto(db, requestEvents, { requestId: sql`(select id from moved)`, at: new Date(), fromStatus: 'submitted', toStatus: 'issued', actorKind: 'system', actorId: null, onBehalfOf: null, details: details ?? undefined });
    const a = writeTemplates([row({ x: 1 }), null, false], {});
    const b = writeTemplates([row({ y: 2 })], {});
    const c = writeTemplates([row(null)], {});
    expect(a!.key).toBe(b!.key);
    expect(c!.key).not.toBe(a!.key);
    expect(a!.key).toContain('request_events(requestId=(select id from moved),at,fromStatus,toStatus,actorKind,actorId=null,onBehalfOf=null,details)');
  });

  it('refuses what it cannot template: a write that is not an Insert, SQL with values', () => {
    const db = t.deps.database.db;
    expect(writeTemplates([db.insert(documents).values({ id: 'x' } as never)], {})).toBeNull();
    expect(templateOf('p_', { n: sql`${1} + 1` }, {})).toBeNull();
    expect(new Insert(db, smsOutbox, {}).table).toBe(smsOutbox);
  });
});

describe('the submission and the decision of a visa', () => {
  it('are prepared once for their shape and write the same rows every time', async () => {
    const issueOne = async () => {
      const h = await buildHousehold(t);
      const sub = await submitRequest(t, h.head.auth, 'exit_reentry_visa', { beneficiaryIdNumber: h.worker.idNumber, input: { type: 'single', durationMonths: 2 } });
      const bill = sub.json().bills[0];
      expect((await pay(t, bill.billNumber, bill.amountHalalas)).statusCode).toBe(200);
      return { id: sub.json().id as string, worker: h.worker.idNumber };
    };
    const first = await issueOne();
    const shapes = [moveShapes(t.deps.database.db).size, submissionShapes(t.deps.database.db).size];
    expect(shapes[0]).toBeGreaterThan(0);
    expect(shapes[1]).toBeGreaterThan(0);
    const second = await issueOne();
    expect([moveShapes(t.deps.database.db).size, submissionShapes(t.deps.database.db).size]).toEqual(shapes);
    for (const r of [first, second]) {
      const [row] = await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.id, r.id));
      expect(row).toMatchObject({ status: 'issued', afterIssuePendingSince: null });
      expect(row!.decidedAt).toBeInstanceOf(Date);
      expect(row!.outcome).toMatchObject({ documents: [{ kind: 'exit_reentry_visa' }], summary: { type: 'single', durationMonths: 2 } });
      const docs = await t.deps.database.db.select().from(documents).where(eq(documents.requestId, r.id));
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({ kind: 'exit_reentry_visa', holderIdNumber: r.worker, status: 'valid', details: { type: 'single', durationMonths: 2 } });
      const events = await t.deps.database.db.select().from(requestEvents).where(eq(requestEvents.requestId, r.id));
      expect(events.map((e) => e.toStatus)).toEqual(['awaiting_payment', 'submitted', 'issued']);
      expect(row!.number).toMatch(/^R\d+$/);
      expect(row).toMatchObject({ relation: 'domestic_worker', feeHalalas: 20000, input: { type: 'single', durationMonths: 2 }, delegationId: null, consentFrom: null });
    }
    const [a, b] = await Promise.all([first, second].map(async (r) => (await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.id, r.id)))[0]!.number));
    expect(a).not.toBe(b);
  });
});
