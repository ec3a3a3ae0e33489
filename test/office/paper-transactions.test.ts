// The office's paper transactions: the ≤ 100 workers rule at 100 and 101 workers for each
// service, the dated limit, an unknown establishment, the labour ministry down, idempotency,
// the audit, the office's list, and who is refused.
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, paperTransactions, serviceParameters } from '../../src/server/db/schema';
import { PAPER_SERVICES, PAPER_SERVICE_CODES, paperAllowed, type PaperService } from '../../src/domain/paper-transactions';
import { FakeClock } from '../../src/server/platform/clock';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildEstablishment, establishmentId, type BuiltEstablishment } from '../helpers/establishments';
import { buildPerson, buildOffice } from '../helpers/factories';
import { loggedIn } from '../activations/support';

const URL = '/api/v1/office/paper-transactions';
const ONLINE: PaperService[] = ['iqama_issue', 'iqama_renew', 'exit_reentry_visa', 'final_exit_visa'];
const STILL_ON_PAPER: PaperService[] = ['profession_change', 'transfer_of_services', 'transfer_of_information'];

let t: TestContext;
let small: BuiltEstablishment; // 100 workers: at the limit
let large: BuiltEstablishment; // 101 workers: above it
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-11-23T09:00:00Z') });
  small = await buildEstablishment(t, { workers: 100 });
  large = await buildEstablishment(t, { workers: 101, opened: false });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;

function record(headers: Record<string, string>, payload: Record<string, unknown>, key: string | null = randomUUID()) {
  return t.app.inject({ method: 'POST', url: URL, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) }, payload });
}

function list(headers: Record<string, string>, query = '') {
  return t.app.inject({ url: `${URL}${query}`, headers });
}

async function rowsFor(est: string) {
  return db().select().from(paperTransactions).where(eq(paperTransactions.establishmentId, est));
}

const body = (est: BuiltEstablishment, service: PaperService, extra: Record<string, unknown> = {}) => ({
  establishmentId: est.id,
  service,
  beneficiaryIdNumber: est.workers[0]!.idNumber,
  ...extra,
});

describe('the rule, as data', () => {
  it('refuses paper for the four online services at or below the limit, allows it above, and always for the rest', () => {
    for (const s of PAPER_SERVICE_CODES) {
      const online = PAPER_SERVICES[s].onlineForSmallEstablishments;
      expect(online).toBe(ONLINE.includes(s));
      expect(paperAllowed(s, 100, 100)).toBe(!online);
      expect(paperAllowed(s, 0, 100)).toBe(!online);
      expect(paperAllowed(s, 101, 100)).toBe(true);
    }
  });
});

describe('POST /api/v1/office/paper-transactions', () => {
  it('refuses each online service for an establishment of 100 workers, naming the rule and the e-service, and records nothing', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    for (const service of ONLINE) {
      const res = await record(officer.headers, body(small, service));
      expect(res.statusCode, service).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'paper_transaction_not_allowed',
        details: { service, workerCount: 100, maxWorkersWithoutPaper: 100, eService: `/api/v1/services/${service}/requests` },
      });
      expect(res.json().error.message).toContain('أبشر');
    }
    const en = await t.app.inject({ method: 'POST', url: URL, headers: { ...officer.headers, 'accept-language': 'en', 'idempotency-key': randomUUID() }, payload: body(small, 'iqama_renew') });
    expect(en.json().error.message).toContain('online');
    expect(await rowsFor(small.id)).toHaveLength(0);
  });

  it('records the services that remain on paper for an establishment of 100 workers', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    for (const service of STILL_ON_PAPER) {
      const res = await record(officer.headers, body(small, service));
      expect(res.statusCode, service).toBe(201);
      expect(res.json().service).toBe(service);
    }
    expect(await rowsFor(small.id)).toHaveLength(STILL_ON_PAPER.length);
  });

  it('records every service for an establishment of 101 workers, at the officer’s office, audited', async () => {
    const office = await buildOffice(db());
    const officer = await loggedIn(t, { role: 'officer', officeId: office.id });
    for (const service of [...ONLINE, ...STILL_ON_PAPER]) {
      const res = await record(officer.headers, body(large, service, { reference: `P-${service}` }));
      expect(res.statusCode, service).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(String),
        officeId: office.id,
        establishmentId: large.id,
        service,
        beneficiaryIdNumber: large.workers[0]!.idNumber,
        reference: `P-${service}`,
        at: t.clock.now().toISOString(),
        recordedBy: officer.account.id,
      });
      const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'paper_transaction.recorded'), eq(auditLog.requestId, res.headers['x-request-id'] as string)));
      expect(entry).toMatchObject({
        actorKind: 'officer',
        actorId: officer.account.id,
        subjectIdNumber: large.workers[0]!.idNumber,
        channel: 'office',
        details: { paperTransactionId: res.json().id, officeId: office.id, establishmentId: large.id, service, workerCount: 101 },
      });
    }
  });

  it('refuses an establishment the labour ministry does not know, with 404 establishment_unknown', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const unknown = establishmentId();
    const res = await record(officer.headers, { establishmentId: unknown, service: 'iqama_renew', beneficiaryIdNumber: small.workers[0]!.idNumber });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('establishment_unknown');
    expect(await rowsFor(unknown)).toHaveLength(0);
  });

  it('answers 503 with Retry-After while the labour ministry is down, records nothing, and the same key succeeds later', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const est = await buildEstablishment(t, { workers: 1, opened: false });
    const key = randomUUID();
    const faults = t.deps.sandboxFaults!.labour;
    faults.set({ down: true });
    try {
      const res = await record(officer.headers, body(est, 'profession_change'), key);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json().error.code).toBe('dependency_unavailable');
    } finally {
      faults.set({ down: false });
    }
    expect(await rowsFor(est.id)).toHaveLength(0);
    const [audits] = await db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'paper_transaction.recorded'), eq(auditLog.subjectIdNumber, est.workers[0]!.idNumber)));
    expect(Number(audits!.n)).toBe(0);
    const retry = await record(officer.headers, body(est, 'profession_change'), key);
    expect(retry.statusCode).toBe(201);
    expect(await rowsFor(est.id)).toHaveLength(1);
  });

  it('needs an Idempotency-Key, and a retry with the same key records once', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const est = await buildEstablishment(t, { workers: 2, opened: false });
    const missing = await record(officer.headers, body(est, 'transfer_of_services'), null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('idempotency_key_required');
    const key = randomUUID();
    const first = await record(officer.headers, body(est, 'transfer_of_services'), key);
    const again = await record(officer.headers, body(est, 'transfer_of_services'), key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await rowsFor(est.id)).toHaveLength(1);
  });

  it('refuses input that is not valid: an unknown service, a bad identity number, a bad unified number, an unknown field', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const bad = [
      { ...body(large, 'iqama_renew'), service: 'passport_issue' },
      { ...body(large, 'iqama_renew'), beneficiaryIdNumber: '2000000000' },
      { ...body(large, 'iqama_renew'), establishmentId: '1234' },
      { ...body(large, 'iqama_renew'), workerCount: 500 },
    ];
    const codes = [];
    for (const payload of bad) {
      const res = await record(officer.headers, payload);
      expect(res.statusCode).toBe(400);
      codes.push(res.json().error.code);
    }
    expect(codes).toEqual(['invalid_input', 'invalid_id_number', 'invalid_input', 'invalid_input']);
  });

  it('follows the limit in force on the day in Riyadh: a later dated row applies from its first day', async () => {
    // A schedule from 2027 does not touch the other tests, which run in November 2026.
    await db().insert(serviceParameters).values({ service: 'paper_transactions', key: 'max_workers_without_paper', effectiveFrom: '2027-01-01', value: 150, unit: 'count' });
    const est = await buildEstablishment(t, { workers: 120, opened: false });
    const before = t.clock.now();
    try {
      t.clock.set('2026-12-31T20:59:00Z'); // 23:59 on 31 December in Riyadh
      const officer = await loggedIn(t, { role: 'officer' });
      expect((await record(officer.headers, body(est, 'exit_reentry_visa'))).statusCode).toBe(201);
      t.clock.set('2026-12-31T21:00:00Z'); // midnight in Riyadh: 1 January 2027
      const refused = await record(officer.headers, body(est, 'exit_reentry_visa'));
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details).toMatchObject({ workerCount: 120, maxWorkersWithoutPaper: 150 });
    } finally {
      t.clock.set(before);
    }
  });
});

describe('GET /api/v1/office/paper-transactions', () => {
  it('lists the officer’s office’s transactions only, newest first, page by page', async () => {
    const office = await buildOffice(db());
    const officer = await loggedIn(t, { role: 'officer', officeId: office.id });
    const colleague = await loggedIn(t, { role: 'officer', officeId: office.id });
    const elsewhere = await loggedIn(t, { role: 'officer' });
    const ids: string[] = [];
    for (const service of ['iqama_issue', 'iqama_renew', 'final_exit_visa'] as const) {
      t.clock.advance(60_000);
      const res = await record(service === 'iqama_renew' ? colleague.headers : officer.headers, body(large, service));
      ids.push(res.json().id);
    }
    await record(elsewhere.headers, body(large, 'exit_reentry_visa'));

    const first = await list(officer.headers, '?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().transactions.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.json().transactions[1]).toMatchObject({ recordedBy: colleague.account.id, officeId: office.id });
    const second = await list(officer.headers, `?limit=2&before=${encodeURIComponent(first.json().nextCursor)}`);
    expect(second.json()).toEqual({ transactions: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await list(officer.headers, '?before=nonsense')).statusCode).toBe(400);
  });
});

describe('who may record and list paper transactions', () => {
  it('refuses anonymous callers, accounts without a staff role, and staff without an office; admits a supervisor at an office', async () => {
    const citizen = await loggedIn(t);
    const supervisorNoOffice = await loggedIn(t, { role: 'supervisor', officeId: null });
    const supervisorAtOffice = await loggedIn(t, { role: 'supervisor' });
    const officerNoOffice = await loggedIn(t, { role: 'officer', officeId: null });

    const cases: Array<[Record<string, string>, number, string | null]> = [
      [{}, 401, 'not_authenticated'],
      [citizen.headers, 403, 'not_an_officer'],
      [supervisorNoOffice.headers, 403, 'officer_without_office'],
      [officerNoOffice.headers, 403, 'officer_without_office'],
      [supervisorAtOffice.headers, 201, null],
    ];
    for (const [headers, status, code] of cases) {
      const posted = await record(headers, body(large, 'iqama_issue'));
      expect(posted.statusCode).toBe(status);
      if (code) expect(posted.json().error.code).toBe(code);
      const listed = await list(headers);
      expect(listed.statusCode).toBe(status === 201 ? 200 : status);
      if (code) expect(listed.json().error.code).toBe(code);
    }
  });

  it('a person who is not staff cannot be the officer even for their own establishment', async () => {
    const person = await buildPerson(db(), { kind: 'resident' });
    const res = await record(small.owner.auth, { establishmentId: small.id, service: 'profession_change', beneficiaryIdNumber: person.idNumber });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_an_officer');
  });
});
