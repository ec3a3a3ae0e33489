import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson } from '../helpers/factories';
import { bearer, buildHousehold, buildResidentDependent, kingdomDayFromToday, submitRequest } from '../helpers/services';
import { auditLog, documents } from '../../src/server/db/schema';
import { hijriIso } from '../../src/domain/calendar';
import type { SandboxPopulationRegistry } from '../../src/server/adapters/population-registry/sandbox';
import { documentStatus } from '../../src/server/modules/documents/document-status';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.deps.database.db;
const get = (auth: Record<string, string>, url: string, lang?: string) => t.app.inject({ url, headers: { ...auth, ...(lang ? { 'accept-language': lang } : {}) } });
const pair = (date: string) => ({ gregorian: date, hijri: hijriIso(date) });

async function views(subjectIdNumber: string) {
  return db().select().from(auditLog).where(eq(auditLog.subjectIdNumber, subjectIdNumber)).orderBy(auditLog.id);
}

async function addDocument(holderIdNumber: string, overrides: Partial<typeof documents.$inferInsert> = {}) {
  const row = {
    id: randomUUID(),
    kind: 'passport' as const,
    number: `X${randomUUID().slice(0, 8)}`,
    holderIdNumber,
    issuedOn: kingdomDayFromToday(t, -400),
    expiresOn: kingdomDayFromToday(t, 1400),
    status: 'valid' as const,
    createdAt: t.clock.now(),
    ...overrides,
  };
  await db().insert(documents).values(row);
  return row;
}

describe('document status, without a database', () => {
  it.each([
    ['valid', 91, 'valid'],
    ['valid', 90, 'expiring_soon'],
    ['valid', 1, 'expiring_soon'],
    ['valid', 0, 'expiring_soon'],
    ['valid', -1, 'expired'],
    ['replaced', 400, 'replaced'],
    ['used', 10, 'used'],
    ['cancelled', -10, 'cancelled'],
  ] as const)('recorded %s with %i days left is %s', (recorded, left, status) => {
    const today = '2026-11-23';
    const expires = new Date(Date.UTC(2026, 10, 23 + left)).toISOString().slice(0, 10);
    expect(documentStatus(recorded, expires, today)).toBe(status);
  });
});

describe('GET /api/v1/me/documents', () => {
  it('needs a session', async () => {
    const res = await t.app.inject({ url: '/api/v1/me/documents' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('not_authenticated');
  });

  it('shows a citizen’s passport from the registry with Gregorian and Hijri dates, and nothing else of the record', async () => {
    const { account, person } = await buildAccount(db());
    const res = await get(await bearer(t, account.id), '/api/v1/me/documents');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      holder: { idNumber: person.idNumber, kind: 'citizen', name: { ar: person.nameAr, en: person.nameEn } },
      relation: 'self',
      today: pair(kingdomDayFromToday(t, 0)),
      passport: {
        number: person.passportNumber,
        issuedOn: pair(person.passportIssuedOn!),
        expiresOn: pair(person.passportExpiresOn!),
        daysLeft: expect.any(Number),
        status: 'valid',
      },
      iqama: null,
      issued: [],
    });
    expect(res.json().passport.expiresOn.hijri).toMatch(/^14\d\d-\d\d-\d\d$/);
    expect(res.body).not.toContain(person.mobile);
    expect(res.body).not.toContain(person.birthDate);
  });

  it('shows a resident’s iqama and every issued document with its status, replaced and used ones included', async () => {
    const worker = await buildPerson(db(), { kind: 'resident', iqamaExpiresOn: kingdomDayFromToday(t, 45), passportExpiresOn: kingdomDayFromToday(t, -3) });
    const { account } = await buildAccount(db(), { person: worker });
    const old = await addDocument(worker.idNumber, { status: 'replaced', issuedOn: kingdomDayFromToday(t, -3000), expiresOn: kingdomDayFromToday(t, 600) });
    const used = await addDocument(worker.idNumber, { kind: 'exit_reentry_visa', status: 'used', issuedOn: kingdomDayFromToday(t, -200), expiresOn: kingdomDayFromToday(t, -140), details: { type: 'single', durationMonths: 2, internal: 'x' } });
    const cancelled = await addDocument(worker.idNumber, { kind: 'exit_reentry_visa', status: 'cancelled', issuedOn: kingdomDayFromToday(t, -100), expiresOn: kingdomDayFromToday(t, -40) });
    const expired = await addDocument(worker.idNumber, { kind: 'exit_reentry_visa', issuedOn: kingdomDayFromToday(t, -90), expiresOn: kingdomDayFromToday(t, -1) });
    const current = await addDocument(worker.idNumber, { kind: 'exit_reentry_visa', issuedOn: kingdomDayFromToday(t, -1), expiresOn: kingdomDayFromToday(t, 200), details: { type: 'multiple', durationMonths: 6 } });

    const body = (await get(await bearer(t, account.id), '/api/v1/me/documents')).json();
    expect(body.holder.kind).toBe('resident');
    expect(body.passport).toMatchObject({ status: 'expired', daysLeft: -3 });
    expect(body.iqama).toEqual({ number: worker.idNumber, issuedOn: null, expiresOn: pair(worker.iqamaExpiresOn!), daysLeft: 45, status: 'expiring_soon' });
    expect(body.issued.map((d: { number: string; status: string }) => [d.number, d.status])).toEqual([
      [current.number, 'valid'],
      [expired.number, 'expired'],
      [cancelled.number, 'cancelled'],
      [used.number, 'used'],
      [old.number, 'replaced'],
    ]);
    const usedView = body.issued[3];
    expect(usedView).toEqual({
      kind: 'exit_reentry_visa',
      number: used.number,
      issuedOn: pair(used.issuedOn),
      expiresOn: pair(used.expiresOn),
      daysLeft: -140,
      status: 'used',
      requestId: null,
      details: { type: 'single', durationMonths: 2 },
    });
  });

  it('shows the final exit visa a sponsor obtained, with the request that produced it', async () => {
    const h = await buildHousehold(t);
    const { account } = await buildAccount(db(), { person: h.worker });
    const r = (await submitRequest(t, h.head.auth, 'final_exit_visa', { beneficiaryIdNumber: h.worker.idNumber, input: {} })).json();
    const body = (await get(await bearer(t, account.id), '/api/v1/me/documents')).json();
    expect(body.issued).toEqual([
      expect.objectContaining({ kind: 'final_exit_visa', status: 'expiring_soon', daysLeft: 60, requestId: r.id, details: { validityDays: 60 }, issuedOn: pair(kingdomDayFromToday(t, 0)) }),
    ]);
  });

  it('records the holder’s own view', async () => {
    const { account, person } = await buildAccount(db());
    await get(await bearer(t, account.id), '/api/v1/me/documents');
    const rows = await views(person.idNumber);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'documents.viewed', actorKind: 'account', actorId: account.id, subjectAccountId: account.id, subjectIdNumber: person.idNumber, details: { relation: 'self' } });
  });
});

describe('GET /api/v1/people', () => {
  it('needs a session', async () => {
    expect((await t.app.inject({ url: '/api/v1/people' })).statusCode).toBe(401);
  });

  it('lists the family in the registry and the sponsored residents with their expiries', async () => {
    const h = await buildHousehold(t, { worker: { iqamaExpiresOn: kingdomDayFromToday(t, 20) } });
    const resident = await buildResidentDependent(t, h.head.person.idNumber, { iqamaExpiresOn: kingdomDayFromToday(t, 300) });
    const res = await get(h.head.auth, '/api/v1/people');
    expect(res.statusCode, res.body).toBe(200);
    const people = res.json().people as Array<Record<string, unknown>>;
    const byId = Object.fromEntries(people.map((p) => [p.idNumber, p]));
    expect(Object.keys(byId).sort()).toEqual([h.wife.idNumber, h.son.idNumber, h.worker.idNumber, resident.idNumber].sort());
    expect(byId[h.wife.idNumber]).toEqual({
      idNumber: h.wife.idNumber,
      kind: 'citizen',
      name: { ar: h.wife.nameAr, en: h.wife.nameEn },
      relation: 'family',
      familyRelation: 'spouse',
      passport: { expiresOn: pair(h.wife.passportExpiresOn!), daysLeft: expect.any(Number), status: 'valid' },
      iqama: null,
    });
    expect(byId[h.son.idNumber]).toMatchObject({ relation: 'family', familyRelation: 'son' });
    expect(byId[h.worker.idNumber]).toMatchObject({ kind: 'resident', relation: 'domestic_worker', familyRelation: null, iqama: { expiresOn: pair(h.worker.iqamaExpiresOn!), daysLeft: 20, status: 'expiring_soon' } });
    // A resident both registered under the head and sponsored by them is listed once, as family.
    expect(byId[resident.idNumber]).toMatchObject({ relation: 'family', familyRelation: 'spouse', iqama: { status: 'valid' } });
    // The list names and dates; the numbers are in each person’s own view.
    expect(res.body).not.toContain(h.worker.passportNumber!);
    expect(res.body).not.toContain(h.worker.mobile);
  });

  it('records a view of each person listed, and nothing for an empty list', async () => {
    const h = await buildHousehold(t);
    const { account: workerAccount } = await buildAccount(db(), { person: h.worker });
    await get(h.head.auth, '/api/v1/people');
    for (const p of [h.wife, h.son, h.worker]) {
      const rows = await views(p.idNumber);
      expect(rows, p.idNumber).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'documents.summary_viewed', actorKind: 'account', actorId: h.head.account.id });
    }
    expect((await views(h.worker.idNumber))[0]).toMatchObject({ subjectAccountId: workerAccount.id, details: { relation: 'domestic_worker' } });
    expect((await views(h.son.idNumber))[0]).toMatchObject({ subjectAccountId: null, details: { relation: 'family' } });

    const loner = await buildAccount(db());
    const res = await get(await bearer(t, loner.account.id), '/api/v1/people');
    expect(res.json().people).toEqual([]);
    const written = await db().select().from(auditLog).where(eq(auditLog.actorId, loner.account.id));
    expect(written).toHaveLength(0);
  });

  it('answers 503 when the registry is down, and records nothing', async () => {
    const h = await buildHousehold(t);
    const registry = t.deps.registry as SandboxPopulationRegistry;
    registry.setDown(true);
    try {
      const res = await get(h.head.auth, '/api/v1/people');
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('dependency_unavailable');
    } finally {
      registry.setDown(false);
    }
    expect(await views(h.worker.idNumber)).toHaveLength(0);
  });
});

describe('GET /api/v1/people/{idNumber}/documents', () => {
  const url = (idNumber: string) => `/api/v1/people/${encodeURIComponent(idNumber)}/documents`;

  it('shows a sponsored resident’s documents to the sponsor, and records the view against the resident', async () => {
    const h = await buildHousehold(t);
    const { account: workerAccount } = await buildAccount(db(), { person: h.worker });
    const res = await get(h.head.auth, url(h.worker.idNumber));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      holder: { idNumber: h.worker.idNumber, kind: 'resident' },
      relation: 'domestic_worker',
      passport: { number: h.worker.passportNumber },
      iqama: { number: h.worker.idNumber, expiresOn: pair(h.worker.iqamaExpiresOn!) },
    });
    const rows = await views(h.worker.idNumber);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'documents.viewed',
      actorKind: 'account',
      actorId: h.head.account.id,
      subjectIdNumber: h.worker.idNumber,
      subjectAccountId: workerAccount.id,
      onBehalfOf: null,
      details: { relation: 'domestic_worker' },
    });
  });

  it('shows a family member’s documents to the head of family, also when the member has no account', async () => {
    const h = await buildHousehold(t);
    const res = await get(h.head.auth, url(h.son.idNumber));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ holder: { idNumber: h.son.idNumber, kind: 'citizen' }, relation: 'family', iqama: null });
    expect(await views(h.son.idNumber)).toEqual([expect.objectContaining({ action: 'documents.viewed', subjectAccountId: null, details: { relation: 'family' } })]);
  });

  it('accepts the identity number in Arabic-Indic digits', async () => {
    const h = await buildHousehold(t);
    const arabic = h.son.idNumber.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
    expect((await get(h.head.auth, url(arabic))).json().holder.idNumber).toBe(h.son.idNumber);
  });

  it('refuses anyone else with 403, an unknown number alike, and records nothing', async () => {
    const h = await buildHousehold(t);
    const stranger = await buildAccount(db());
    const strangerAuth = await bearer(t, stranger.account.id);
    for (const idNumber of [h.worker.idNumber, h.son.idNumber, h.head.person.idNumber]) {
      const res = await get(strangerAuth, url(idNumber));
      expect(res.statusCode, idNumber).toBe(403);
      expect(res.json().error.code).toBe('not_your_beneficiary');
    }
    const unknown = await get(strangerAuth, url('1000000008'));
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json().error.code).toBe('not_your_beneficiary');
    expect(await views(h.worker.idNumber)).toHaveLength(0);
    expect(await views(h.son.idNumber)).toHaveLength(0);
  });

  it('refuses the other direction: a worker or a family member cannot read the head’s documents', async () => {
    const h = await buildHousehold(t);
    const worker = await buildAccount(db(), { person: h.worker });
    const wife = await buildAccount(db(), { person: h.wife });
    for (const auth of [await bearer(t, worker.account.id), await bearer(t, wife.account.id)]) {
      const res = await get(auth, url(h.head.person.idNumber), 'en');
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'not_your_beneficiary', message: expect.stringMatching(/^[A-Za-z]/) });
    }
  });

  it('refuses a malformed identity number with 400 and no session with 401', async () => {
    const h = await buildHousehold(t);
    const bad = await get(h.head.auth, url('1234567890'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_id_number');
    const anon = await t.app.inject({ url: url(h.worker.idNumber) });
    expect(anon.statusCode).toBe(401);
    expect(await views(h.worker.idNumber)).toHaveLength(0);
  });

  it('is published in the OpenAPI document with the other documents views', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me/documents', '/api/v1/people', '/api/v1/people/{idNumber}/documents', '/api/v1/me/access-log']));
  });
});

describe('views appear in the viewed person’s access log', () => {
  it('names the sponsor and the view', async () => {
    const h = await buildHousehold(t);
    const worker = await buildAccount(db(), { person: h.worker });
    await get(h.head.auth, `/api/v1/people/${h.worker.idNumber}/documents`);
    const log = (await get(await bearer(t, worker.account.id), '/api/v1/me/access-log')).json();
    expect(log.entries[0]).toMatchObject({
      action: 'documents.viewed',
      what: { ar: 'الاطلاع على وثائقك', en: 'Your documents were viewed' },
      who: { kind: 'sponsor', name: { ar: h.head.person.nameAr, en: h.head.person.nameEn }, office: null },
      onBehalfOf: null,
    });
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectIdNumber, h.worker.idNumber), eq(auditLog.action, 'documents.viewed')));
    expect(row).toBeDefined();
  });
});
