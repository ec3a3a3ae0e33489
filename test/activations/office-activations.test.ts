import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffRoles } from '../../src/server/db/schema';
import { FakeClock, MINUTE } from '../../src/server/platform/clock';
import { createTestApp, type TestContext } from '../helpers/app';
import { bankCardEvidence, channelRequest } from '../helpers/channel';
import { buildAccount, buildOffice, buildPerson } from '../helpers/factories';
import { issueSession } from '../../src/server/modules/sessions/store';
import { accountRow, auditRows, inbox, loggedIn, toArabicIndic } from './support';

const URL = '/api/v1/office/activations';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-11-23T09:00:00Z') });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;

function activate(headers: Record<string, string>, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: URL, headers, payload });
}

const checked = (idNumber: string, documentType = 'national_id') => ({ idNumber, documentChecked: true, documentType });

describe('POST /api/v1/office/activations', () => {
  it('activates a registered account at the officer’s office, by the officer', async () => {
    const office = await buildOffice(db(), { nameAr: 'جوازات المدينة المنورة', nameEn: 'Madinah Passports' });
    const officer = await loggedIn(t, { role: 'officer', officeId: office.id });
    const { account, person } = await buildAccount(db(), { status: 'registered' });

    const res = await activate(officer.headers, checked(person.idNumber));

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accountId: account.id, status: 'active', channel: 'office', activatedAt: t.clock.now().toISOString(), location: office.id });
    expect(await accountRow(db(), account.id)).toMatchObject({
      status: 'active',
      activationChannel: 'office',
      activationLocation: office.id,
      activatedBy: officer.account.id,
    });
    expect(await auditRows(db(), account.id)).toMatchObject([
      {
        action: 'account.activated',
        actorKind: 'officer',
        actorId: officer.account.id,
        channel: 'office',
        requestId: res.headers['x-request-id'],
        details: { location: office.id, documentType: 'national_id' },
      },
    ]);
    const messages = await inbox(db(), person.mobile);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain('مكتب الجوازات');
    expect(messages[0]!.body).toContain('جوازات المدينة المنورة');
  });

  it('accepts an iqama or a passport for a resident, typed with Arabic-Indic digits', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    for (const documentType of ['iqama', 'passport']) {
      const person = await buildPerson(db(), { kind: 'resident' });
      const { account } = await buildAccount(db(), { person, status: 'registered' });
      const res = await activate(officer.headers, checked(toArabicIndic(person.idNumber), documentType));
      expect(res.statusCode).toBe(200);
      expect(res.json().accountId).toBe(account.id);
    }
  });

  it('refuses when the original document was not checked, with 422 original_document_not_checked', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const res = await activate(officer.headers, { ...checked(person.idNumber), documentChecked: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('original_document_not_checked');
    expect((await accountRow(db(), account.id)).status).toBe('registered');
    expect(await auditRows(db(), account.id)).toHaveLength(0);
  });

  it('refuses a document that does not prove this kind of identity, with 422 document_not_valid_for_identity', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const citizen = await buildAccount(db(), { status: 'registered' });
    const resident = await buildAccount(db(), { person: await buildPerson(db(), { kind: 'resident' }), status: 'registered' });
    for (const [idNumber, documentType] of [
      [citizen.person.idNumber, 'iqama'],
      [resident.person.idNumber, 'national_id'],
    ] as const) {
      const res = await activate(officer.headers, checked(idNumber, documentType));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('document_not_valid_for_identity');
    }
    expect((await accountRow(db(), citizen.account.id)).status).toBe('registered');
  });

  it('answers a repeat at any office with the original activation, without a new record or SMS', async () => {
    const first = await loggedIn(t, { role: 'officer' });
    const second = await loggedIn(t, { role: 'officer' });
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const original = await activate(first.headers, checked(person.idNumber));
    t.clock.advance(5 * MINUTE);

    const again = await activate(second.headers, checked(person.idNumber, 'passport'));

    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(original.json());
    expect(again.json().location).toBe(first.officeId);
    expect((await accountRow(db(), account.id)).activatedBy).toBe(first.account.id);
    expect(await auditRows(db(), account.id)).toHaveLength(1);
    expect(await inbox(db(), person.mobile)).toHaveLength(1);
  });

  it('refuses an account activated by another channel with 409 account_already_active', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const { person } = await buildAccount(db(), { status: 'registered' });
    expect((await channelRequest(t, { clientId: 'atm-samba', body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } })).statusCode).toBe(200);
    const res = await activate(officer.headers, checked(person.idNumber));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('account_already_active');
  });

  it('refuses a suspended account with 409 activation_account_suspended', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const { account, person } = await buildAccount(db(), { status: 'suspended' });
    const res = await activate(officer.headers, checked(person.idNumber));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('activation_account_suspended');
    expect((await accountRow(db(), account.id)).status).toBe('suspended');
  });

  it('answers 404 registration_not_found for a person without an account', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const person = await buildPerson(db());
    const res = await activate(officer.headers, checked(person.idNumber));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('registration_not_found');
  });
});

describe('who may activate at an office', () => {
  it('refuses a caller without a session with 401 not_authenticated', async () => {
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const callers: Array<Record<string, string>> = [{}, { authorization: 'Bearer not-a-real-token-but-long-enough' }];
    for (const headers of callers) {
      const res = await activate(headers, checked(person.idNumber));
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('not_authenticated');
    }
    expect((await accountRow(db(), account.id)).status).toBe('registered');
  });

  it('refuses an ordinary active citizen with 403 not_an_officer', async () => {
    const citizen = await loggedIn(t);
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const res = await activate(citizen.headers, checked(person.idNumber));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_an_officer');
    expect((await accountRow(db(), account.id)).status).toBe('registered');
  });

  it('refuses a registered account holder with 403 account_not_activated', async () => {
    const { account } = await buildAccount(db(), { status: 'registered' });
    const session = await issueSession(db(), t.clock, account.id, {});
    const target = await buildAccount(db(), { status: 'registered' });
    const res = await activate({ authorization: `Bearer ${session.token}` }, checked(target.person.idNumber));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_not_activated');
  });

  it('refuses an officer whose role was revoked', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    await db().update(staffRoles).set({ revokedAt: t.clock.now() }).where(eq(staffRoles.accountId, officer.account.id));
    const { person } = await buildAccount(db(), { status: 'registered' });
    const res = await activate(officer.headers, checked(person.idNumber));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_an_officer');
  });

  it('refuses a supervisor who has no office with 403 officer_without_office', async () => {
    const supervisor = await loggedIn(t, { role: 'supervisor', officeId: null });
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const res = await activate(supervisor.headers, checked(person.idNumber));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('officer_without_office');
    expect((await accountRow(db(), account.id)).status).toBe('registered');
  });

  it('lets an officer activate', async () => {
    const officer = await loggedIn(t, { role: 'officer' });
    const { person } = await buildAccount(db(), { status: 'registered' });
    expect((await activate(officer.headers, checked(person.idNumber))).statusCode).toBe(200);
  });
});
