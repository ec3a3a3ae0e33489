// Transfer of information: a resident's new passport (renewed at the embassy) replaces the old
// one on the iqama. Free, so decided at once; applied for by the sponsor or the resident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson, type BuiltPerson } from '../helpers/factories';
import { bearer, buildHousehold, buildResidentDependent, getRequest, kingdomDayFromToday, quoteRequest, submitRequest } from '../helpers/services';
import { documents, serviceRequests } from '../../src/server/db/schema';
import { addDays, addYears } from '../../src/domain/calendar';
import { FakeClock } from '../../src/server/platform/clock';
import { newId } from '../../src/server/platform/crypto';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-03-10T09:00:00Z') });
});
afterAll(() => t.close());

const SERVICE = 'transfer_of_information';
const today = () => kingdomDayFromToday(t, 0);
let serial = 0;
/** A new passport renewed at the embassy last week, for ten years. */
const newPassport = (overrides: Record<string, unknown> = {}) => ({
  passportNumber: `Z${String(4_000_000 + ++serial * 7919).padStart(8, '0')}`,
  issuedOn: addDays(today(), -7),
  expiresOn: addYears(addDays(today(), -7), 10),
  ...overrides,
});

function passportsOf(holder: string) {
  return t.deps.database.db.select().from(documents).where(and(eq(documents.holderIdNumber, holder), eq(documents.kind, 'passport')));
}

/** The old passport replaced, the new one valid and in the registry. */
async function expectTransferred(person: BuiltPerson, passport: { passportNumber: string; issuedOn: string; expiresOn: string }, requestId: string) {
  const docs = await passportsOf(person.idNumber);
  const byNumber = Object.fromEntries(docs.map((d) => [d.number, d]));
  expect(docs).toHaveLength(2);
  expect(byNumber[passport.passportNumber]).toMatchObject({
    status: 'valid',
    issuedOn: passport.issuedOn,
    expiresOn: passport.expiresOn,
    requestId,
    details: { recordedBy: 'transfer_of_information', previousNumber: person.passportNumber },
  });
  expect(byNumber[person.passportNumber!]).toMatchObject({
    status: 'replaced',
    issuedOn: person.passportIssuedOn,
    expiresOn: person.passportExpiresOn,
    details: { replacedBy: passport.passportNumber },
  });
  const inRegistry = await t.deps.registry.findPerson(person.idNumber);
  expect(inRegistry!.passport).toEqual({ number: passport.passportNumber, issuedOn: passport.issuedOn, expiresOn: passport.expiresOn });
}

describe('who records the new passport', () => {
  it('the sponsor of a domestic worker: free, issued at once, the old passport replaced and the registry updated', async () => {
    const h = await buildHousehold(t);
    const passport = newPassport();
    const q = await quoteRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: passport });
    expect(q.json()).toEqual({ eligible: true, refusals: [], relation: 'domestic_worker', fee: { totalHalalas: 0, lines: [] } });
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: passport });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'issued', relation: 'domestic_worker', fee: { totalHalalas: 0 }, bills: [] });
    expect(res.json().outcome).toMatchObject({
      documents: [{ kind: 'passport', number: passport.passportNumber, issuedOn: passport.issuedOn, expiresOn: passport.expiresOn }],
      summary: { previousNumber: h.worker.passportNumber },
    });
    await expectTransferred(h.worker, passport, res.json().id);
  });

  it('the resident themself, who then sees it among their requests', async () => {
    const h = await buildHousehold(t);
    const own = await buildAccount(t.deps.database.db, { person: h.worker });
    const auth = await bearer(t, own.account.id);
    const passport = newPassport();
    const res = await submitRequest(t, auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: passport });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'issued', relation: 'self' });
    await expectTransferred(h.worker, passport, res.json().id);
    const list = await t.app.inject({ url: '/api/v1/requests', headers: auth });
    expect(list.json().requests.map((r: { id: string }) => r.id)).toContain(res.json().id);
    expect((await getRequest(t, auth, res.json().id)).json().events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'issued']);
  });

  it('the head of family for his resident wife', async () => {
    const h = await buildHousehold(t);
    const wife = await buildResidentDependent(t, h.head.person.idNumber);
    const passport = newPassport();
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: wife.idNumber, input: passport });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'issued', relation: 'family' });
    await expectTransferred(wife, passport, res.json().id);
  });

  it('refuses another person’s worker, a citizen, and a stranger', async () => {
    const h = await buildHousehold(t);
    const other = await buildHousehold(t);
    const notMine = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: other.worker.idNumber, input: newPassport() });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('not_your_beneficiary');
    const citizen = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.son.idNumber, input: newPassport() });
    expect(citizen.statusCode).toBe(422);
    expect(citizen.json().error.code).toBe('service_not_for_beneficiary');
    const stranger = await buildAccount(t.deps.database.db);
    const res = await submitRequest(t, await bearer(t, stranger.account.id), SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: newPassport() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_your_beneficiary');
    expect(await passportsOf(h.worker.idNumber)).toHaveLength(0);
  });
});

describe('the rules', () => {
  // The worker's passport on file expires on 2032-02-28 (the factory's).
  const cases: Array<{ name: string; input: (worker: BuiltPerson) => Record<string, unknown>; refused: string }> = [
    { name: 'the passport already on file', input: (w) => newPassport({ passportNumber: w.passportNumber }), refused: 'same_passport_as_on_file' },
    { name: 'the passport on file, typed in lower case with spaces', input: (w) => newPassport({ passportNumber: ` ${w.passportNumber!.toLowerCase().replace(/(\d{3})/, '$1 ')} ` }), refused: 'same_passport_as_on_file' },
    { name: 'an issue date after the expiry date', input: () => newPassport({ issuedOn: addDays(today(), -1), expiresOn: addDays(today(), -2) }), refused: 'new_passport_dates_inverted' },
    { name: 'the same issue and expiry date', input: () => newPassport({ issuedOn: '2033-01-01', expiresOn: '2033-01-01' }), refused: 'new_passport_dates_inverted' },
    { name: 'an issue date tomorrow', input: () => newPassport({ issuedOn: kingdomDayFromToday(t, 1) }), refused: 'new_passport_issued_in_future' },
    { name: 'a passport that expires today', input: () => newPassport({ issuedOn: '2016-03-10', expiresOn: today() }), refused: 'new_passport_expired' },
    { name: 'a passport that has expired', input: () => newPassport({ issuedOn: '2015-01-01', expiresOn: '2025-01-01' }), refused: 'new_passport_expired' },
    { name: 'a passport expiring before the current one', input: () => newPassport({ expiresOn: '2031-12-31' }), refused: 'new_passport_not_later' },
    { name: 'a passport expiring the same day as the current one', input: (w) => newPassport({ expiresOn: w.passportExpiresOn }), refused: 'new_passport_not_later' },
  ];

  it.each(cases)('refuses $name with $refused', async ({ input, refused }) => {
    const h = await buildHousehold(t);
    const body = { beneficiaryIdNumber: h.worker.idNumber, input: input(h.worker) };
    const res = await submitRequest(t, h.head.auth, SERVICE, body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(refused);
    expect((await quoteRequest(t, h.head.auth, SERVICE, body)).json().eligible).toBe(false);
    expect(await passportsOf(h.worker.idNumber)).toHaveLength(0);
    expect(await t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.beneficiaryIdNumber, h.worker.idNumber))).toHaveLength(0);
  });

  it('accepts a passport issued today that expires one day after the current one', async () => {
    const h = await buildHousehold(t);
    const passport = newPassport({ issuedOn: today(), expiresOn: addDays(h.worker.passportExpiresOn!, 1) });
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: passport });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('issued');
  });

  it('accepts a new passport when the current one has already expired', async () => {
    const h = await buildHousehold(t, { worker: { passportIssuedOn: '2014-01-01', passportExpiresOn: '2024-01-01' } });
    const passport = newPassport();
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: passport });
    expect(res.json().status).toBe('issued');
    await expectTransferred(h.worker, passport, res.json().id);
  });

  it('refuses a number recorded for another person', async () => {
    const h = await buildHousehold(t);
    const someoneElse = await buildPerson(t.deps.database.db, { kind: 'resident' });
    const taken = newPassport();
    await t.deps.database.db.insert(documents).values({
      id: newId(),
      kind: 'passport',
      number: taken.passportNumber,
      holderIdNumber: someoneElse.idNumber,
      issuedOn: taken.issuedOn,
      expiresOn: taken.expiresOn,
      status: 'valid',
      createdAt: t.clock.now(),
    });
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: taken });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('passport_number_in_use');
  });

  it('refuses the same passport twice, and a passport already replaced', async () => {
    const h = await buildHousehold(t);
    const body = (input: Record<string, unknown>) => ({ beneficiaryIdNumber: h.worker.idNumber, input });
    const first = newPassport();
    expect((await submitRequest(t, h.head.auth, SERVICE, body(first))).json().status).toBe('issued');
    const again = await submitRequest(t, h.head.auth, SERVICE, body(first));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('same_passport_as_on_file');
    const second = newPassport({ expiresOn: addDays(first.expiresOn, 30) });
    expect((await submitRequest(t, h.head.auth, SERVICE, body(second))).json().status).toBe('issued');
    const back = await submitRequest(t, h.head.auth, SERVICE, body(first));
    expect(back.statusCode).toBe(422);
    expect(back.json().error.code).toBe('passport_previously_recorded');
    expect(back.json().error.details.refusals.map((r: { code: string }) => r.code)).toEqual(['passport_previously_recorded', 'new_passport_not_later']);
    const statuses = Object.fromEntries((await passportsOf(h.worker.idNumber)).map((d) => [d.number, d.status]));
    expect(statuses).toEqual({ [h.worker.passportNumber!]: 'replaced', [first.passportNumber]: 'replaced', [second.passportNumber]: 'valid' });
  });

  it('reads Arabic-Indic digits and stores the number as printed, in capitals', async () => {
    const h = await buildHousehold(t);
    const passport = newPassport({ passportNumber: 'p٧٧٠٠١٢٣٤' });
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input: passport });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().input.passportNumber).toBe('P77001234');
    expect((await t.deps.registry.findPerson(h.worker.idNumber))!.passport!.number).toBe('P77001234');
  });

  it.each([
    ['no passport number', { issuedOn: '2026-03-01', expiresOn: '2036-03-01' }],
    ['a number with punctuation', { passportNumber: 'AB-12345', issuedOn: '2026-03-01', expiresOn: '2036-03-01' }],
    ['a number too short', { passportNumber: 'A12', issuedOn: '2026-03-01', expiresOn: '2036-03-01' }],
    ['a date that does not exist', { passportNumber: 'Z1234567', issuedOn: '2026-02-30', expiresOn: '2036-03-01' }],
    ['a date in another format', { passportNumber: 'Z1234567', issuedOn: '01/03/2026', expiresOn: '2036-03-01' }],
    ['an unknown field', { passportNumber: 'Z1234567', issuedOn: '2026-03-01', expiresOn: '2036-03-01', nationality: 'IND' }],
  ])('refuses %s with 400 invalid_input', async (_name, input) => {
    const h = await buildHousehold(t);
    const res = await submitRequest(t, h.head.auth, SERVICE, { beneficiaryIdNumber: h.worker.idNumber, input });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
  });
});

describe('the catalogue', () => {
  it('lists the service as free, for residents, with its rules', async () => {
    const res = await t.app.inject({ url: '/api/v1/services' });
    const s = res.json().services.find((x: { code: string }) => x.code === SERVICE);
    expect(s).toMatchObject({ beneficiaryKinds: ['resident'], relations: ['self', 'family', 'domestic_worker', 'establishment_worker'], parameters: {} });
    expect(s.rules.map((r: { code: string }) => r.code)).toEqual([
      'same_passport_as_on_file',
      'passport_previously_recorded',
      'passport_number_in_use',
      'new_passport_dates_inverted',
      'new_passport_issued_in_future',
      'new_passport_expired',
      'new_passport_not_later',
      'worker_transferred',
    ]);
    expect(Object.keys(s.input.properties)).toEqual(['passportNumber', 'issuedOn', 'expiresOn']);
  });
});
