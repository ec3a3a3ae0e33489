// Passport issue and renewal: the published rules one by one, the dated fees, who may apply
// for whom, and the input. Requests are made through the real app; the clock is fixed so that
// birthdays fall on known days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, buildPerson, type PersonRow } from '../helpers/factories';
import { bearer, buildHousehold, buildResidentDependent, grantDelegation, kingdomDayFromToday, linkFamily, quoteRequest, submitRequest } from '../helpers/services';
import { serviceParameters } from '../../src/server/db/schema';
import { addDays, addYears } from '../../src/domain/calendar';
import { FakeClock, DAY } from '../../src/server/platform/clock';

let t: TestContext;
let officeId: string;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-03-10T09:00:00Z') });
  officeId = (await buildOffice(t.deps.database.db)).id;
});
afterAll(() => t.close());

type Service = 'passport_issue' | 'passport_renew';
const POST = { validityYears: 5, delivery: { method: 'post' } };

const today = () => kingdomDayFromToday(t, 0);
/** A birth date `years` whole years ago, moved by `days` (positive: the birthday is that many days ahead). */
const born = (years: number, days = 0) => addDays(addYears(today(), -years), days);
const noFingerprints = { fingerprintRight: Buffer.alloc(0), fingerprintLeft: Buffer.alloc(0) };
const noPassport = { passportNumber: null, passportIssuedOn: null, passportExpiresOn: null };
const passportExpiring = (days: number) => ({ passportNumber: 'A1234567', passportIssuedOn: '2016-05-01', passportExpiresOn: kingdomDayFromToday(t, days) });

describe('eligibility: a head of family applies for his son', () => {
  const cases: Array<{ name: string; service: Service; son?: () => Partial<PersonRow>; input?: () => Record<string, unknown>; refused: string | null }> = [
    { name: 'issue refused while the son holds a valid passport', service: 'passport_issue', refused: 'passport_already_valid' },
    { name: 'issue refused when the passport expires tomorrow', service: 'passport_issue', son: () => passportExpiring(1), refused: 'passport_already_valid' },
    { name: 'issue allowed when the passport expires today', service: 'passport_issue', son: () => passportExpiring(0), refused: null },
    { name: 'issue allowed when the passport has expired', service: 'passport_issue', son: () => passportExpiring(-400), refused: null },
    { name: 'issue allowed with no passport at all', service: 'passport_issue', son: () => noPassport, refused: null },
    { name: 'renewal refused with no passport to renew', service: 'passport_renew', son: () => noPassport, refused: 'no_passport_to_renew' },
    { name: 'renewal allowed for an expired passport', service: 'passport_renew', son: () => passportExpiring(-30), refused: null },
    { name: 'renewal allowed for a valid passport', service: 'passport_renew', refused: null },
    { name: 'collection refused at an office that does not exist', service: 'passport_renew', input: () => ({ ...POST, delivery: { method: 'collect', officeId: 'office-atlantis' } }), refused: 'unknown_office' },
    { name: 'collection allowed at an existing office', service: 'passport_renew', input: () => ({ ...POST, delivery: { method: 'collect', officeId } }), refused: null },
    { name: 'a son turning 12 tomorrow needs no fingerprints', service: 'passport_renew', son: () => ({ birthDate: born(12, 1), ...noFingerprints }), refused: null },
    { name: 'a son 12 today without fingerprints is refused', service: 'passport_renew', son: () => ({ birthDate: born(12), ...noFingerprints }), refused: 'fingerprints_missing' },
    { name: 'a son 12 today with fingerprints on file is accepted', service: 'passport_renew', son: () => ({ birthDate: born(12) }), refused: null },
    { name: 'issue for a 12-year-old without fingerprints is refused too', service: 'passport_issue', son: () => ({ birthDate: born(12, -100), ...noFingerprints, ...noPassport }), refused: 'fingerprints_missing' },
  ];

  it.each(cases)('$name', async ({ service, son, input, refused }) => {
    const h = await buildHousehold(t, { son: son?.() ?? {} });
    const body = { beneficiaryIdNumber: h.son.idNumber, input: input?.() ?? POST };
    const q = await quoteRequest(t, h.head.auth, service, body);
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().refusals.map((r: { code: string }) => r.code)).toEqual(refused ? [refused] : []);
    const res = await submitRequest(t, h.head.auth, service, body);
    if (refused) {
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe(refused);
    } else {
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'awaiting_payment', relation: 'family' });
    }
  });

  it('lists every refusal, in the caller’s language', async () => {
    const h = await buildHousehold(t, { son: { birthDate: born(14), ...noFingerprints } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services/passport_issue/quote',
      headers: { ...h.head.auth, 'accept-language': 'en' },
      payload: { beneficiaryIdNumber: h.son.idNumber, input: { ...POST, delivery: { method: 'collect', officeId: 'office-nowhere' } } },
    });
    expect(res.json()).toMatchObject({ eligible: false });
    expect(res.json().refusals).toEqual([
      { code: 'passport_already_valid', message: 'The holder already has a valid passport; use the passport renewal service.' },
      { code: 'unknown_office', message: 'The passports office chosen for collection does not exist.' },
      { code: 'fingerprints_missing', message: 'No fingerprints are on file for the passport holder, and they are required at this age; have them taken at a passports office.' },
    ]);
    const ar = await submitRequest(t, h.head.auth, 'passport_issue', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(ar.json().error).toMatchObject({ code: 'passport_already_valid', message: 'لصاحب الطلب جواز سفر ساري المفعول؛ استخدم خدمة تجديد الجواز.' });
    expect(ar.json().error.details.refusals.map((r: { code: string }) => r.code)).toEqual(['passport_already_valid', 'fingerprints_missing']);
  });
});

describe('the guardian’s consent below the consent age (a citizen applying for themself)', () => {
  /** A citizen with an account, registered as the son of a head of family, applying for himself. */
  async function selfApplication(person: Partial<PersonRow>, input: Record<string, unknown> = POST, withHead = true) {
    const db = t.deps.database.db;
    const head = await buildAccount(db);
    const me = await buildPerson(db, { kind: 'citizen', ...person });
    if (withHead) await linkFamily(db, head.person.idNumber, me.idNumber, 'son');
    const mine = await buildAccount(db, { person: me });
    return submitRequest(t, await bearer(t, mine.account.id), 'passport_renew', { beneficiaryIdNumber: me.idNumber, input });
  }

  it.each([
    { name: 'turning 21 tomorrow: waits for the guardian', person: () => ({ birthDate: born(21, 1) }), status: 'awaiting_consent' },
    { name: '21 today: no consent', person: () => ({ birthDate: born(21) }), status: 'awaiting_payment' },
    { name: '17 and single: waits for the guardian', person: () => ({ birthDate: born(17) }), status: 'awaiting_consent' },
    { name: 'married at 19: no consent', person: () => ({ birthDate: born(19), maritalStatus: 'married' as const }), status: 'awaiting_payment' },
    { name: 'divorced at 20: waits for the guardian', person: () => ({ birthDate: born(20), maritalStatus: 'divorced' as const }), status: 'awaiting_consent' },
  ])('$name', async ({ person, status }) => {
    const res = await selfApplication(person());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status, relation: 'self' });
    expect(res.json().bills).toHaveLength(status === 'awaiting_payment' ? 1 : 0);
  });

  it('a student abroad collecting at an office needs no consent, and the claim goes on the record for the officer', async () => {
    const res = await selfApplication({ birthDate: born(18) }, { ...POST, delivery: { method: 'collect', officeId }, studentAbroad: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'awaiting_payment', input: { studentAbroad: true } });
  });

  it('a student abroad must collect at an office, where the claim is checked', async () => {
    const res = await selfApplication({ birthDate: born(18) }, { ...POST, studentAbroad: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('student_abroad_collect_only');
  });

  it('the student-abroad flag changes nothing for an adult', async () => {
    const res = await selfApplication({ birthDate: born(30) }, { ...POST, studentAbroad: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('awaiting_payment');
  });

  it('refuses a minor with no head of family in the registry', async () => {
    const res = await selfApplication({ birthDate: born(17) }, POST, false);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('no_guardian_on_record');
  });

  it('a head of family applying for his 15-year-old son needs no consent', async () => {
    const h = await buildHousehold(t, { son: { birthDate: born(15, -40) } });
    const res = await submitRequest(t, h.head.auth, 'passport_renew', { beneficiaryIdNumber: h.son.idNumber, input: POST });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'awaiting_payment', relation: 'family', bills: [{ amountHalalas: 30000 }] });
  });
});

describe('fees', () => {
  it.each([
    ['passport_issue', 5, 30000],
    ['passport_issue', 10, 60000],
    ['passport_renew', 5, 30000],
    ['passport_renew', 10, 60000],
  ] as const)('%s for %i years costs %i halalas', async (service, years, halalas) => {
    const h = await buildHousehold(t, { son: service === 'passport_issue' ? noPassport : {} });
    const q = await quoteRequest(t, h.head.auth, service, { beneficiaryIdNumber: h.son.idNumber, input: { ...POST, validityYears: years } });
    expect(q.json()).toMatchObject({ eligible: true, fee: { totalHalalas: halalas, lines: [{ key: `validity_${years}_years`, amountHalalas: halalas, quantity: 1 }] } });
    const sub = await submitRequest(t, h.head.auth, service, { beneficiaryIdNumber: h.son.idNumber, input: { ...POST, validityYears: years } });
    expect(sub.json().bills).toMatchObject([{ amountHalalas: halalas, status: 'unpaid' }]);
  });

  it('applies a new fee from its effective date, not the day before', async () => {
    const tomorrow = kingdomDayFromToday(t, 1);
    const db = t.deps.database.db;
    await db.insert(serviceParameters).values({ service: 'passport_renew', key: 'fee_10_years_halalas', effectiveFrom: tomorrow, value: 65000, unit: 'halalas' });
    try {
      const h = await buildHousehold(t);
      const body = { beneficiaryIdNumber: h.son.idNumber, input: { ...POST, validityYears: 10 } };
      expect((await quoteRequest(t, h.head.auth, 'passport_renew', body)).json().fee.totalHalalas).toBe(60000);
      t.clock.advance(DAY);
      expect(kingdomDayFromToday(t, 0)).toBe(tomorrow);
      const auth = await bearer(t, h.head.account.id);
      expect((await quoteRequest(t, auth, 'passport_renew', body)).json().fee.totalHalalas).toBe(65000);
      // The schedule is per service: issuing keeps its own fee.
      const other = await buildHousehold(t, { son: noPassport });
      expect((await quoteRequest(t, other.head.auth, 'passport_issue', { beneficiaryIdNumber: other.son.idNumber, input: { ...POST, validityYears: 10 } })).json().fee.totalHalalas).toBe(60000);
      const catalogue = (await t.app.inject({ url: '/api/v1/services' })).json();
      const renew = catalogue.services.find((s: { code: string }) => s.code === 'passport_renew');
      expect(renew.parameters.fee_10_years_halalas).toEqual({ value: 65000, unit: 'halalas', effectiveFrom: tomorrow });
    } finally {
      await db.delete(serviceParameters).where(and(eq(serviceParameters.service, 'passport_renew'), eq(serviceParameters.effectiveFrom, tomorrow)));
      // The schedule was withdrawn behind the instance's back: it forgets what it read.
      t.deps.parameters.invalidate();
    }
  });
});

describe('who may apply (submission)', () => {
  const renew = (idNumber: string, extra: Record<string, unknown> = {}) => ({ beneficiaryIdNumber: idNumber, input: POST, ...extra });

  it('the citizen for themself', async () => {
    const me = await buildAccount(t.deps.database.db);
    const res = await submitRequest(t, await bearer(t, me.account.id), 'passport_renew', renew(me.person.idNumber));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ relation: 'self', byDelegate: false, beneficiary: { idNumber: me.person.idNumber } });
  });

  it('the head of family for his son and for his wife', async () => {
    const h = await buildHousehold(t);
    for (const member of [h.son, h.wife]) {
      const res = await submitRequest(t, h.head.auth, 'passport_renew', renew(member.idNumber));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().relation).toBe('family');
    }
  });

  it('refuses another citizen: 403 not_your_beneficiary', async () => {
    const h = await buildHousehold(t);
    const stranger = await buildAccount(t.deps.database.db);
    const res = await submitRequest(t, await bearer(t, stranger.account.id), 'passport_renew', renew(h.son.idNumber));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_your_beneficiary');
  });

  it('refuses a resident, applying for themself or by the head of family: 422 service_not_for_beneficiary', async () => {
    const resident = await buildAccount(t.deps.database.db, { person: await buildPerson(t.deps.database.db, { kind: 'resident' }) });
    const own = await submitRequest(t, await bearer(t, resident.account.id), 'passport_renew', renew(resident.person.idNumber));
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe('service_not_for_beneficiary');
    const h = await buildHousehold(t);
    const wife = await buildResidentDependent(t, h.head.person.idNumber);
    const byHead = await submitRequest(t, h.head.auth, 'passport_issue', renew(wife.idNumber));
    expect(byHead.statusCode).toBe(422);
    expect(byHead.json().error.code).toBe('service_not_for_beneficiary');
  });

  it('refuses a sponsor for his domestic worker: 403 relation_not_allowed', async () => {
    const h = await buildHousehold(t);
    const res = await submitRequest(t, h.head.auth, 'passport_renew', renew(h.worker.idNumber));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('relation_not_allowed');
  });

  it('a delegate, for the holder and for the holder’s son, within the services authorized', async () => {
    const db = t.deps.database.db;
    const h = await buildHousehold(t);
    const delegate = await buildAccount(db);
    const auth = await bearer(t, delegate.account.id);
    const delegationId = await grantDelegation(t, h.head.account.id, delegate.account.id, ['passport_renew']);
    const forHead = await submitRequest(t, auth, 'passport_renew', renew(h.head.person.idNumber, { delegationId }));
    expect(forHead.statusCode, forHead.body).toBe(201);
    expect(forHead.json()).toMatchObject({ relation: 'self', byDelegate: true });
    const forSon = await submitRequest(t, auth, 'passport_renew', renew(h.son.idNumber, { delegationId }));
    expect(forSon.statusCode, forSon.body).toBe(201);
    expect(forSon.json()).toMatchObject({ relation: 'family', byDelegate: true });
    const outOfScope = await submitRequest(t, auth, 'passport_issue', renew(h.wife.idNumber, { delegationId }));
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json().error.code).toBe('delegation_out_of_scope');
    const without = await submitRequest(t, auth, 'passport_renew', renew(h.wife.idNumber));
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('not_your_beneficiary');
  });

  it('needs a session', async () => {
    const h = await buildHousehold(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/services/passport_renew/requests', headers: { 'idempotency-key': randomUUID() }, payload: renew(h.son.idNumber) });
    expect(res.statusCode).toBe(401);
  });
});

describe('input', () => {
  it.each([
    ['a validity of 7 years', { validityYears: 7, delivery: { method: 'post' } }],
    ['a validity as text', { validityYears: '5', delivery: { method: 'post' } }],
    ['no delivery', { validityYears: 5 }],
    ['collection without an office', { validityYears: 5, delivery: { method: 'collect' } }],
    ['an unknown delivery method', { validityYears: 5, delivery: { method: 'courier' } }],
    ['an office with postal delivery', { validityYears: 5, delivery: { method: 'post', officeId: 'office-riyadh' } }],
    ['an unknown field', { validityYears: 5, delivery: { method: 'post' }, colour: 'green' }],
    ['a student-abroad flag that is not a boolean', { validityYears: 5, delivery: { method: 'post' }, studentAbroad: 'yes' }],
  ])('refuses %s with 400 invalid_input', async (_name, input) => {
    const h = await buildHousehold(t);
    const res = await submitRequest(t, h.head.auth, 'passport_renew', { beneficiaryIdNumber: h.son.idNumber, input });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
  });
});

describe('the catalogue', () => {
  it('lists both services publicly with their rules, fees in force and input', async () => {
    const res = await t.app.inject({ url: '/api/v1/services' });
    expect(res.statusCode).toBe(200);
    const byCode = Object.fromEntries(res.json().services.map((s: { code: string }) => [s.code, s]));
    for (const code of ['passport_issue', 'passport_renew']) {
      const s = byCode[code];
      expect(s).toMatchObject({ beneficiaryKinds: ['citizen'], relations: ['self', 'family'], delegable: true });
      expect(s.parameters).toMatchObject({
        fee_5_years_halalas: { value: 30000 },
        fee_10_years_halalas: { value: 60000 },
        consent_below_age_years: { value: 21 },
        fingerprints_from_age_years: { value: 12 },
      });
      expect(s.input.properties.validityYears.enum).toEqual([5, 10]);
      expect(s.rules.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['fingerprints_missing', 'no_guardian_on_record', 'unknown_office', 'student_abroad_collect_only']));
      for (const r of s.rules) expect(r.text.ar && r.text.en).toBeTruthy();
    }
    expect(byCode.passport_issue.rules[0].code).toBe('passport_already_valid');
    expect(byCode.passport_renew.rules[0].code).toBe('no_passport_to_renew');
  });
});
