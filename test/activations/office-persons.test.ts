import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { FakeClock } from '../../src/server/platform/clock';
import { personRef } from '../../src/server/modules/office/look-up-person';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson, type BuiltPerson } from '../helpers/factories';
import { auditRows, countAll, loggedIn, toArabicIndic } from './support';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-11-23T09:00:00Z') });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;

function lookUp(headers: Record<string, string>, idNumber: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/office/persons/${encodeURIComponent(idNumber)}`, headers });
}

describe('GET /api/v1/office/persons/{idNumber}', () => {
  it('shows the registry person and the account, with the mobile masked', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const { account, person } = await buildAccount(db(), { status: 'registered' });

    const res = await lookUp(officer.headers, person.idNumber);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      idNumber: person.idNumber,
      kind: 'citizen',
      name: { ar: person.nameAr, en: person.nameEn },
      birthDate: person.birthDate,
      nationality: 'SAU',
      mobile: `05XXXXX${person.mobile.slice(-3)}`,
      passport: { number: person.passportNumber, expiresOn: person.passportExpiresOn },
      iqama: null,
      account: { accountId: account.id, status: 'registered', activation: null },
    });
    expect(res.body).not.toContain(person.mobile.slice(4));
  });

  it('shows a resident’s iqama and an account’s activation', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const person = await buildPerson(db(), { kind: 'resident' });
    const { account } = await buildAccount(db(), { person, status: 'active', activation: 'kiosk' });

    const res = await lookUp(officer.headers, toArabicIndic(person.idNumber));

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'resident',
      nationality: 'IND',
      iqama: { number: person.idNumber, expiresOn: person.iqamaExpiresOn },
      account: { accountId: account.id, status: 'active', activation: { channel: 'kiosk', at: account.activatedAt!.toISOString(), location: 'kiosk-airports' } },
    });
    // Not needed at the desk, so it does not leave: sponsor, profession, marital status.
    expect(Object.keys(res.json()).sort()).toEqual(['account', 'birthDate', 'idNumber', 'iqama', 'kind', 'mobile', 'name', 'nationality', 'passport']);
  });

  it('records the view in the audit log, with the officer and the office but no personal data', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const { account, person } = await buildAccount(db(), { status: 'registered' });

    const res = await lookUp(officer.headers, person.idNumber);

    expect(res.statusCode).toBe(200);
    const rows = await auditRows(db(), account.id, 'person.viewed');
    expect(rows).toMatchObject([
      {
        actorKind: 'officer',
        actorId: officer.account.id,
        channel: 'office',
        requestId: res.headers['x-request-id'],
        details: { officeId: officer.officeId },
      },
    ]);
    expect(JSON.stringify(rows[0])).not.toContain(person.idNumber);
    expect(JSON.stringify(rows[0])).not.toContain(person.mobile);
  });

  it('records a view of a person without an account under a keyed pseudonym, not the number', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const person: BuiltPerson = await buildPerson(db());
    const before = await countAll(db(), auditLog);

    const res = await lookUp(officer.headers, person.idNumber);

    expect(res.statusCode).toBe(200);
    expect(res.json().account).toBeNull();
    expect(await countAll(db(), auditLog)).toBe(before + 1);
    const [row] = await db().select().from(auditLog).orderBy(auditLog.id).limit(1).offset(before);
    expect(row).toMatchObject({
      action: 'person.viewed',
      actorId: officer.account.id,
      subjectAccountId: null,
      details: { officeId: officer.officeId, personRef: personRef(t.deps.config.secretKey, person.idNumber) },
    });
    expect(JSON.stringify(row)).not.toContain(person.idNumber);
  });

  it('answers 404 person_not_found for an identity the registry does not know', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const before = await countAll(db(), auditLog);
    const res = await lookUp(officer.headers, '1000000008');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('person_not_found');
    expect(await countAll(db(), auditLog)).toBe(before);
  });

  it('answers 503 when the registry is down', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const person = await buildPerson(db());
    const registry = t.deps.registry as { setDown?: (down: boolean) => void };
    registry.setDown!(true);
    try {
      const res = await lookUp(officer.headers, person.idNumber);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('dependency_unavailable');
    } finally {
      registry.setDown!(false);
    }
  });
});

describe('who may look a person up', () => {
  it('refuses a caller without a session with 401 not_authenticated', async () => {
    const person = await buildPerson(db());
    const res = await lookUp({}, person.idNumber);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('not_authenticated');
  });

  it('refuses an ordinary active citizen with 403 not_an_officer, and records nothing', async () => {
    const citizen = await loggedIn(t);
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const res = await lookUp(citizen.headers, person.idNumber);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_an_officer');
    expect(await auditRows(db(), account.id)).toHaveLength(0);
  });

  it('lets an officer, and a supervisor, look a person up', async () => {
    const person = await buildPerson(db());
    for (const role of [{ role: 'officer' as const }, { role: 'supervisor' as const, officeId: null }]) {
      const staff = await loggedIn(t, role);
      expect((await lookUp(staff.headers, person.idNumber)).statusCode).toBe(200);
    }
  });
});
