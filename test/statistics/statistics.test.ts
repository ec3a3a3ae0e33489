// The statistics over three kingdom days (10–12 May 2024, UTC+3), from rows written as the
// modules write them: accounts created and activated at offices, ATMs and kiosks, requests
// issued, iqama cards handed over, paper transactions (one through the office's endpoint).
// Each figure is checked, with events a second either side of midnight in Riyadh.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, establishments, iqamaCards, paperTransactions, serviceRequests } from '../../src/server/db/schema';
import { makeIdentityNumber } from '../../src/domain/identity-number';
import { FakeClock, MINUTE } from '../../src/server/platform/clock';
import { newId } from '../../src/server/platform/crypto';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildEstablishment } from '../helpers/establishments';
import { buildOffice } from '../helpers/factories';
import { loggedIn } from '../activations/support';

const D0 = '2024-05-09';
const D1 = '2024-05-10';
const D2 = '2024-05-11';
const D3 = '2024-05-12';
/** An instant on a kingdom day at a Riyadh wall-clock time. */
const at = (day: string, riyadhTime: string) => new Date(Date.parse(`${day}T${riyadhTime}+03:00`));

let t: TestContext;
let supervisor: Awaited<ReturnType<typeof loggedIn>>;
const db = () => t.deps.database.db;

async function account(createdAt: Date, activation?: { at: Date; channel: 'office' | 'atm' | 'kiosk'; location: string }) {
  const idNumber = makeIdentityNumber('citizen', randomInt(0, 100_000_000));
  await db()
    .insert(accounts)
    .values({
      id: newId(),
      idNumber,
      username: `stats.${idNumber}`,
      email: null,
      mobile: `+9665${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      nameAr: null,
      nameEn: null,
      language: 'ar',
      status: activation ? 'active' : 'registered',
      passwordHash: 'x',
      termsVersion: 1,
      createdAt,
      activationChannel: activation?.channel ?? null,
      activationLocation: activation?.location ?? null,
      activatedAt: activation?.at ?? null,
      activatedBy: null,
      passwordChangedAt: null,
    });
}

async function request(service: string, status: 'issued' | 'submitted' | 'rejected', establishmentId: string | null, submittedAt: Date, decidedAt: Date | null) {
  const id = newId();
  await db()
    .insert(serviceRequests)
    .values({
      id,
      number: String(randomInt(10_000_000, 99_999_999)),
      service,
      status,
      applicantAccountId: newId(),
      beneficiaryIdNumber: makeIdentityNumber('resident', randomInt(0, 100_000_000)),
      relation: establishmentId ? 'establishment_worker' : 'self',
      input: {},
      feeHalalas: 0,
      feeLines: [],
      establishmentId,
      createdAt: new Date(submittedAt.getTime() - 30 * MINUTE),
      updatedAt: decidedAt ?? submittedAt,
      submittedAt,
      decidedAt,
    });
  return id;
}

async function card(officeId: string, status: 'ready' | 'handed_over', handedOverAt: Date | null) {
  await db()
    .insert(iqamaCards)
    .values({
      id: newId(),
      requestId: newId(),
      holderIdNumber: makeIdentityNumber('resident', randomInt(0, 100_000_000)),
      expiresOn: '2025-05-10',
      establishmentId: null,
      applicantAccountId: newId(),
      officeId,
      status,
      printedAt: at(D0, '08:00:00'),
      readyAt: at(D0, '12:00:00'),
      handedOverAt,
      handedOverBy: handedOverAt ? newId() : null,
      collectedByIdNumber: handedOverAt ? makeIdentityNumber('citizen', randomInt(0, 100_000_000)) : null,
    });
}

async function paper(officeId: string, service: string, when: Date) {
  await db()
    .insert(paperTransactions)
    .values({ id: newId(), officeId, officerAccountId: newId(), establishmentId: '7000000001', service, beneficiaryIdNumber: makeIdentityNumber('resident', randomInt(0, 100_000_000)), reference: null, at: when });
}

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(at(D3, '12:00:00')) });
  supervisor = await loggedIn(t, { role: 'supervisor', officeId: null });
  await buildOffice(db(), { id: 'off-n1', region: 'north', nameEn: 'North One', nameAr: 'الشمال ١' });
  await buildOffice(db(), { id: 'off-n2', kind: 'airport', region: 'north', nameEn: 'North Airport', nameAr: 'مطار الشمال' });
  await buildOffice(db(), { id: 'off-s1', region: 'south', nameEn: 'South One', nameAr: 'الجنوب ١' });
  await buildOffice(db(), { id: 'off-empty', region: 'south', nameEn: 'South Empty', nameAr: 'الجنوب الخالي' });

  // Accounts: created (registered users) and activated (by channel), around midnights in Riyadh.
  await account(at(D1, '11:00:00'), { at: at(D1, '12:00:00'), channel: 'atm', location: 'atm-alrajhi' });
  await account(at(D1, '11:00:00'), { at: at(D1, '13:00:00'), channel: 'atm', location: 'atm-riyad' });
  await account(at(D1, '11:00:00'), { at: at(D2, '09:00:00'), channel: 'kiosk', location: 'kiosk-airports' });
  await account(at(D1, '23:59:59'), { at: at(D2, '10:00:00'), channel: 'office', location: 'off-n1' });
  await account(at(D2, '00:00:00'), { at: at(D2, '11:00:00'), channel: 'office', location: 'off-n1' });
  await account(at(D2, '08:00:00'), { at: at(D3, '12:00:00'), channel: 'office', location: 'off-s1' });
  await account(at(D0, '23:59:59'), { at: at(D1, '00:00:00'), channel: 'office', location: 'off-n2' });
  await account(at(D3, '13:00:00'), { at: new Date(at(D3, '23:59:59').getTime() + 1000), channel: 'atm', location: 'atm-alrajhi' });
  await account(at(D3, '14:00:00'));

  // Establishments on the platform carry the region of their requests.
  await db()
    .insert(establishments)
    .values([
      { id: '7000000101', ownerAccountId: newId(), nameAr: 'منشأة الشمال', nameEn: 'North Est.', region: 'north', openedAt: at(D0, '08:00:00') },
      { id: '7000000202', ownerAccountId: newId(), nameAr: 'منشأة الجنوب', nameEn: 'South Est.', region: 'south', openedAt: at(D0, '08:00:00') },
    ]);
  await request('iqama_renew', 'issued', '7000000101', at(D1, '09:00:00'), at(D1, '11:00:00')); // 2 h
  await request('iqama_renew', 'issued', '7000000101', at(D2, '09:00:00'), at(D2, '13:00:00')); // 4 h
  await request('exit_reentry_visa', 'issued', '7000000202', at(D1, '23:00:00'), at(D2, '00:00:00')); // 1 h, on D2
  await request('passport_renew', 'issued', null, at(D3, '09:00:00'), at(D3, '10:00:00')); // 1 h, an individual's
  await request('final_exit_visa', 'submitted', '7000000101', at(D2, '09:00:00'), null);
  await request('iqama_issue', 'issued', '7000000101', at(D3, '20:00:00'), new Date(at(D3, '23:59:59').getTime() + 1000)); // the day after
  await request('exit_reentry_visa', 'rejected', '7000000202', at(D2, '09:00:00'), at(D2, '10:00:00'));

  await card('off-n1', 'handed_over', at(D2, '12:00:00'));
  await card('off-n1', 'handed_over', at(D3, '12:00:00'));
  await card('off-s1', 'ready', null);
  await card('off-n2', 'handed_over', at(D3, '23:59:59'));

  await paper('off-n1', 'iqama_renew', at(D1, '13:00:00'));
  await paper('off-s1', 'profession_change', at(D2, '13:00:00'));
  // And one recorded as an officer at the desk would, on D3.
  const officer = await loggedIn(t, { role: 'officer', officeId: 'off-s1' });
  const est = await buildEstablishment(t, { workers: 1, opened: false });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/office/paper-transactions',
    headers: { ...officer.headers, 'idempotency-key': randomUUID() },
    payload: { establishmentId: est.id, service: 'transfer_of_services', beneficiaryIdNumber: est.workers[0]!.idNumber },
  });
  expect(res.statusCode).toBe(201);
});
afterAll(() => t.close());

function stats(query: string, headers: Record<string, string> = supervisor.headers) {
  return t.app.inject({ url: `/api/v1/statistics${query}`, headers });
}

const visits = (activations: number, cardHandovers: number, paperTransactions: number) => ({
  activations,
  cardHandovers,
  paperTransactions,
  total: activations + cardHandovers + paperTransactions,
});

describe('GET /api/v1/statistics', () => {
  it('counts each figure per kingdom day', async () => {
    const res = await stats(`?from=${D1}&to=${D3}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: D1, to: D3, timeZone: '+03:00', region: null, officeId: null });
    expect(body.days).toEqual([
      {
        date: D1,
        registeredUsers: 4,
        activations: { office: 1, atm: 2, kiosk: 0, total: 3 },
        eTransactions: { total: 1, byService: { iqama_renew: 1 } },
        paperTransactions: { total: 1, byService: { iqama_renew: 1 } },
        officeVisits: visits(1, 0, 1),
        shareWithoutVisit: 0.5,
      },
      {
        date: D2,
        registeredUsers: 2,
        activations: { office: 2, atm: 0, kiosk: 1, total: 3 },
        eTransactions: { total: 2, byService: { iqama_renew: 1, exit_reentry_visa: 1 } },
        paperTransactions: { total: 1, byService: { profession_change: 1 } },
        officeVisits: visits(2, 1, 1),
        shareWithoutVisit: 0.6667,
      },
      {
        date: D3,
        registeredUsers: 2,
        activations: { office: 1, atm: 0, kiosk: 0, total: 1 },
        eTransactions: { total: 1, byService: { passport_renew: 1 } },
        paperTransactions: { total: 1, byService: { transfer_of_services: 1 } },
        officeVisits: visits(1, 2, 1),
        shareWithoutVisit: 0.5,
      },
    ]);
    expect(body.totals).toEqual({
      registeredUsers: 8,
      activations: { office: 4, atm: 2, kiosk: 1, total: 7 },
      eTransactions: { total: 4, byService: { iqama_renew: 2, exit_reentry_visa: 1, passport_renew: 1 } },
      paperTransactions: { total: 3, byService: { iqama_renew: 1, profession_change: 1, transfer_of_services: 1 } },
      officeVisits: visits(4, 3, 3),
      shareWithoutVisit: 0.5714,
    });
  });

  it('breaks visits down by office (the empty one too) and e-transactions and visits by region', async () => {
    const body = (await stats(`?from=${D1}&to=${D3}`)).json();
    const byId = Object.fromEntries(body.offices.map((o: { id: string }) => [o.id, o]));
    expect(Object.keys(byId).sort()).toEqual(['off-empty', 'off-n1', 'off-n2', 'off-s1']);
    expect(byId['off-n1']).toEqual({
      id: 'off-n1',
      kind: 'office',
      name: { ar: 'الشمال ١', en: 'North One' },
      region: 'north',
      city: 'Riyadh',
      visits: visits(2, 2, 1),
      days: [
        { date: D1, ...visits(0, 0, 1) },
        { date: D2, ...visits(2, 1, 0) },
        { date: D3, ...visits(0, 1, 0) },
      ],
    });
    expect(byId['off-n2']).toMatchObject({ kind: 'airport', visits: visits(1, 1, 0), days: [{ date: D1, ...visits(1, 0, 0) }, { date: D3, ...visits(0, 1, 0) }] });
    expect(byId['off-s1']).toMatchObject({ visits: visits(1, 0, 2) });
    expect(byId['off-empty']).toMatchObject({ visits: visits(0, 0, 0), days: [] });

    expect(body.regions.map((r: { region: string | null }) => r.region)).toEqual(['north', 'south', null]);
    const [north, south, none] = body.regions;
    expect(north).toMatchObject({ eTransactions: 2, officeVisits: visits(3, 3, 1), shareWithoutVisit: 0.6667 });
    expect(north.days.map((d: { date: string; eTransactions: number }) => [d.date, d.eTransactions])).toEqual([[D1, 1], [D2, 1], [D3, 0]]);
    expect(south).toMatchObject({ eTransactions: 1, officeVisits: visits(1, 0, 2), shareWithoutVisit: 0.3333 });
    expect(none).toEqual({ region: null, eTransactions: 1, officeVisits: visits(0, 0, 0), shareWithoutVisit: 1, days: [{ date: D3, eTransactions: 1, officeVisits: visits(0, 0, 0), shareWithoutVisit: 1 }] });
  });

  it('gives the time from submission to issue by service: average, median and 90th percentile', async () => {
    const body = (await stats(`?from=${D1}&to=${D3}`)).json();
    expect(body.processingTimes).toEqual([
      { service: 'exit_reentry_visa', issued: 1, averageHours: 1, medianHours: 1, p90Hours: 1 },
      { service: 'iqama_renew', issued: 2, averageHours: 3, medianHours: 3, p90Hours: 3.8 },
      { service: 'passport_renew', issued: 1, averageHours: 1, medianHours: 1, p90Hours: 1 },
    ]);
  });

  it('narrows to a region: offices’ visits there and its establishments’ e-transactions; no registrations, ATM or kiosk', async () => {
    const body = (await stats(`?from=${D1}&to=${D3}&region=north`)).json();
    expect(body.totals).toEqual({
      registeredUsers: null,
      activations: { office: 3, atm: null, kiosk: null, total: null },
      eTransactions: { total: 2, byService: { iqama_renew: 2 } },
      paperTransactions: { total: 1, byService: { iqama_renew: 1 } },
      officeVisits: visits(3, 3, 1),
      shareWithoutVisit: 0.6667,
    });
    expect(body.offices.map((o: { id: string }) => o.id)).toEqual(['off-n1', 'off-n2']);
    expect(body.regions.map((r: { region: string }) => r.region)).toEqual(['north']);
    expect(body.processingTimes.map((p: { service: string }) => p.service)).toEqual(['iqama_renew']);
  });

  it('narrows to an office: its visits only', async () => {
    const body = (await stats(`?from=${D1}&to=${D3}&officeId=off-s1`)).json();
    expect(body.totals).toEqual({
      registeredUsers: null,
      activations: { office: 1, atm: null, kiosk: null, total: null },
      eTransactions: null,
      paperTransactions: { total: 2, byService: { profession_change: 1, transfer_of_services: 1 } },
      officeVisits: visits(1, 0, 2),
      shareWithoutVisit: null,
    });
    expect(body.offices.map((o: { id: string }) => o.id)).toEqual(['off-s1']);
    expect(body.regions).toEqual([]);
    expect(body.processingTimes).toBeNull();
    const unknown = await stats(`?from=${D1}&to=${D3}&officeId=off-nowhere`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('statistics_office_not_found');
  });

  it('covers one day exactly, from midnight to midnight in Riyadh', async () => {
    const body = (await stats(`?from=${D2}&to=${D2}`)).json();
    expect(body.days).toHaveLength(1);
    expect(body.totals).toMatchObject({ registeredUsers: 2, activations: { office: 2, atm: 0, kiosk: 1, total: 3 }, officeVisits: visits(2, 1, 1) });
  });

  it('defaults to the 30 days ending today in Riyadh', async () => {
    const body = (await stats('')).json();
    expect(body).toMatchObject({ from: '2024-04-13', to: D3 });
    expect(body.days).toHaveLength(30);
    expect(body.totals.registeredUsers).toBe(9);
  });

  it('validates the range: to before from, more than 366 days, not a date, an unknown parameter', async () => {
    const cases: Array<[string, string]> = [
      [`?from=${D3}&to=${D1}`, 'statistics_range_invalid'],
      ['?from=2024-01-01&to=2025-01-01', 'statistics_range_too_long'],
      ['?from=2024-02-30&to=2024-03-01', 'invalid_input'],
      [`?from=${D1}&to=${D3}&region=North!`, 'invalid_input'],
      [`?from=${D1}&to=${D3}&officer=1`, 'invalid_input'],
    ];
    for (const [query, code] of cases) {
      const res = await stats(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe(code);
    }
    // A whole leap year is 366 days: allowed.
    const year = await stats('?from=2024-01-01&to=2024-12-31');
    expect(year.statusCode).toBe(200);
    expect(year.json().days).toHaveLength(366);
  });

  it('is for supervisors: officers and citizens are refused with 403, anonymous callers with 401', async () => {
    const officer = await loggedIn(t, { role: 'officer', officeId: 'off-n1' });
    const citizen = await loggedIn(t);
    const cases: Array<[Record<string, string>, number, string]> = [
      [officer.headers, 403, 'forbidden'],
      [citizen.headers, 403, 'forbidden'],
      [{}, 401, 'not_authenticated'],
    ];
    for (const [headers, status, code] of cases) {
      const res = await stats(`?from=${D1}&to=${D3}`, headers);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
  });
});

describe('GET /api/v1/statistics/summary', () => {
  const summary = (query = `?from=${D1}&to=${D3}`) => t.app.inject({ url: `/api/v1/statistics/summary${query}` });

  it('gives anyone the kingdom’s totals only, cacheable, with nothing per office, region or person', async () => {
    const res = await summary();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['from', 'processingTimes', 'timeZone', 'to', 'totals']);
    expect(body.totals).toEqual((await stats(`?from=${D1}&to=${D3}`)).json().totals);
    expect(body.processingTimes).toHaveLength(3);
    // No office, region, account, identity number or officer in it.
    const text = res.body;
    for (const word of ['off-', 'north', 'south', supervisor.account.id, supervisor.person.idNumber]) expect(text).not.toContain(word);
    expect(text).not.toMatch(/\b[12]\d{9}\b/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('is kept for five minutes, then counted anew', async () => {
    const before = (await summary()).json().totals.paperTransactions.total;
    await paper('off-n1', 'iqama_issue', at(D2, '15:00:00'));
    expect((await summary()).json().totals.paperTransactions.total).toBe(before);
    t.clock.advance(5 * MINUTE);
    expect((await summary()).json().totals.paperTransactions.total).toBe(before + 1);
  });

  it('counts one period at a time for anonymous callers: the same period waits, another is told to come back', async () => {
    // Periods not asked before, so that neither is already kept.
    const [a, b, c] = await Promise.all([summary(`?from=${D1}&to=${D1}`), summary(`?from=${D1}&to=${D1}`), summary(`?from=${D2}&to=${D2}`)]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(c.statusCode).toBe(429);
    expect(c.json().error.code).toBe('rate_limited');
    expect(Number(c.headers['retry-after'])).toBeGreaterThan(0);
    // Once the count is done, the other period is counted.
    expect((await summary(`?from=${D2}&to=${D2}`)).statusCode).toBe(200);
  });

  it('validates its range like the supervisor’s figures', async () => {
    const res = await summary('?from=2024-01-01&to=2025-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('statistics_range_too_long');
  });
});
