// The establishments module through the real app: listing and opening establishments, their
// details, staff authorizations, the workers view and its CSV export, and the requests list.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, delegations, serviceRequests } from '../../src/server/db/schema';
import { createTestApp, type TestContext } from '../helpers/app';
import { addWorkers, buildEstablishment, grantStaff, type BuiltEstablishment } from '../helpers/establishments';
import { buildAccount, buildPerson, grantStaffRole } from '../helpers/factories';
import { authorize, bearer, buildHolder, kingdomDayFromToday } from '../helpers/services';
import { hijriIso } from '../../src/domain/calendar';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (url: string, auth: Record<string, string> = {}, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...auth, ...headers } });
const post = (url: string, auth: Record<string, string>, payload: unknown, key?: string) =>
  t.app.inject({ method: 'POST', url, headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) }, payload: payload as Record<string, unknown> });

describe('listing and opening establishments', () => {
  it('lists what the labour ministry says the user owns, opened or not, and where they are staff', async () => {
    const opened = await buildEstablishment(t, { workers: 2 });
    const notYet = await buildEstablishment(t, { workers: 1, opened: false, owner: opened.owner });
    const other = await buildEstablishment(t, { workers: 1 });
    await grantStaff(t, other, ['exit_reentry_visa', 'final_exit_visa'], { account: opened.owner.account });

    const res = await get('/api/v1/establishments', opened.owner.auth);
    expect(res.statusCode).toBe(200);
    const list = res.json().establishments as Array<Record<string, unknown>>;
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(byId.get(opened.id)).toMatchObject({ role: 'owner', opened: true, region: 'riyadh', name: { en: 'Modern Construction Est.' } });
    expect(byId.get(notYet.id)).toMatchObject({ role: 'owner', opened: false, openedAt: null });
    expect(byId.get(other.id)).toMatchObject({ role: 'staff', opened: true });
    expect((byId.get(other.id)!.services as Array<{ code: string }>).map((s) => s.code)).toEqual(['exit_reentry_visa', 'final_exit_visa']);
  });

  it('lets the owner open an establishment once, audited, and refuses anyone else with a code', async () => {
    const est = await buildEstablishment(t, { workers: 3, opened: false });
    const stranger = await buildHolder(t);
    const refused = await post('/api/v1/establishments', stranger.auth, { establishmentId: est.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('establishment_not_owned');
    const unknown = await post('/api/v1/establishments', est.owner.auth, { establishmentId: '7999999990' });
    expect(unknown.json().error.code).toBe('establishment_not_found');

    const opened = await post('/api/v1/establishments', est.owner.auth, { establishmentId: est.id }, randomUUID());
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ id: est.id, workerCount: 3, role: 'owner', paperAllowed: false, city: 'Riyadh' });
    const again = await post('/api/v1/establishments', est.owner.auth, { establishmentId: est.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('establishment_already_opened');

    const audits = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'establishment.opened'));
    expect(audits.filter((a) => a.details.establishmentId === est.id)).toHaveLength(1);
  });

  it('gives the details to the owner and to staff, with the paper rule at 100 and 101 workers', async () => {
    const est = await buildEstablishment(t, { workers: 100 });
    const res = await get(`/api/v1/establishments/${est.id}`, est.owner.auth);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ id: est.id, workerCount: 100, paperAllowed: false, role: 'owner' });
    expect(d.crNumber).toMatch(/^10\d{8}$/);
    expect(d.labourFile).toMatch(/^1-\d{6}$/);
    await addWorkers(t.deps.database.db, est.id, 1);
    const staff = await grantStaff(t, est, ['iqama_renew']);
    const asStaff = (await get(`/api/v1/establishments/${est.id}`, staff.auth)).json();
    expect(asStaff).toMatchObject({ workerCount: 101, paperAllowed: true, role: 'staff', services: [{ code: 'iqama_renew' }] });
  });
});

describe('staff authorizations', () => {
  it('authorizes a citizen for establishment services, lists and revokes, through the delegation rules', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const member = await buildHolder(t);
    const endsOn = kingdomDayFromToday(t, 60);
    const granted = await post(`/api/v1/establishments/${est.id}/staff`, est.owner.auth, { staffIdNumber: member.person.idNumber, services: ['iqama_renew', 'exit_reentry_visa'], endsOn }, randomUUID());
    expect(granted.statusCode).toBe(201);
    const g = granted.json();
    expect(g).toMatchObject({ establishmentId: est.id, status: 'in_force', canRevoke: true, services: [{ code: 'iqama_renew', name: { en: 'Renew an iqama' } }, { code: 'exit_reentry_visa' }] });

    const overlap = await post(`/api/v1/establishments/${est.id}/staff`, est.owner.auth, { staffIdNumber: member.person.idNumber, services: ['iqama_renew'], endsOn });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('delegation_overlaps');

    const notAllowed = await post(`/api/v1/establishments/${est.id}/staff`, est.owner.auth, { staffIdNumber: member.person.idNumber, services: ['passport_issue'], endsOn });
    expect(notAllowed.statusCode).toBe(400);
    const resident = await buildHolder(t, { person: await buildPerson(t.deps.database.db, { kind: 'resident' }) });
    const notCitizen = await post(`/api/v1/establishments/${est.id}/staff`, est.owner.auth, { staffIdNumber: resident.person.idNumber, services: ['iqama_renew'], endsOn });
    expect(notCitizen.json().error.code).toBe('delegate_not_citizen');
    const noAccount = await buildPerson(t.deps.database.db);
    const inactive = await post(`/api/v1/establishments/${est.id}/staff`, est.owner.auth, { staffIdNumber: noAccount.idNumber, services: ['iqama_renew'], endsOn });
    expect(inactive.json().error.code).toBe('delegate_account_not_active');

    const list = await get(`/api/v1/establishments/${est.id}/staff`, est.owner.auth);
    expect(list.json().staff.map((s: { id: string }) => s.id)).toEqual([g.id]);

    const revoked = await post(`/api/v1/establishments/${est.id}/staff/${g.id}/revoke`, est.owner.auth, undefined);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', canRevoke: false });
    expect((await get(`/api/v1/establishments/${est.id}`, member.auth)).statusCode).toBe(404);
  });

  it('keeps a personal authorization and a staff one apart: neither clashes with the other, nor reaches the other side', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const member = await buildHolder(t);
    const endsOn = kingdomDayFromToday(t, 30);
    const personal = await authorize(t, est.owner.auth, { delegateIdNumber: member.person.idNumber, services: ['exit_reentry_visa'], endsOn });
    expect(personal.statusCode).toBe(201);
    expect(personal.json().establishmentId).toBeNull();
    const staff = await post(`/api/v1/establishments/${est.id}/staff`, est.owner.auth, { staffIdNumber: member.person.idNumber, services: ['exit_reentry_visa'], endsOn });
    expect(staff.statusCode).toBe(201);
    // The personal authorization gives no standing at the establishment...
    const other = await buildHolder(t);
    await authorize(t, est.owner.auth, { delegateIdNumber: other.person.idNumber, services: ['exit_reentry_visa'], endsOn });
    expect((await get(`/api/v1/establishments/${est.id}/workers`, other.auth)).statusCode).toBe(404);
    // ...and a staff authorization cannot be used for the owner's household.
    const [row] = await t.deps.database.db.select().from(delegations).where(eq(delegations.id, staff.json().id));
    expect(row!.establishmentId).toBe(est.id);
  });

  it('does not show staff the owner’s personal records', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const staff = await grantStaff(t, est, ['exit_reentry_visa', 'iqama_renew']);
    const docs = await get(`/api/v1/people/${est.owner.person.idNumber}/documents`, staff.auth);
    expect(docs.statusCode).toBe(403);
    const activity = await get(`/api/v1/delegations/${staff.delegationId}/activity`, staff.auth);
    expect(activity.statusCode).toBe(404);
  });
});

describe('the workers view', () => {
  let est: BuiltEstablishment;
  beforeAll(async () => {
    const db = t.deps.database.db;
    est = await buildEstablishment(t, { workers: 0 });
    const today = kingdomDayFromToday(t, 0);
    const d = (n: number) => kingdomDayFromToday(t, n);
    await buildPerson(db, { kind: 'resident', sponsorKind: 'establishment', sponsorId: est.id, nameEn: 'Anil Kumar', nameAr: 'أنيل كومار', nationality: 'IND', profession: 'electrician', iqamaExpiresOn: d(20), passportExpiresOn: d(2000) });
    await buildPerson(db, { kind: 'resident', sponsorKind: 'establishment', sponsorId: est.id, nameEn: 'Bilal Ahmed', nameAr: 'بلال أحمد', nationality: 'PAK', profession: 'driver', iqamaExpiresOn: d(-5), passportExpiresOn: d(45) });
    await buildPerson(db, { kind: 'resident', sponsorKind: 'establishment', sponsorId: est.id, nameEn: '=HYPERLINK("x") Chandra', nameAr: 'تشاندرا', nationality: 'NPL', profession: 'labourer', iqamaExpiresOn: d(300), passportExpiresOn: d(1500) });
    await buildPerson(db, { kind: 'resident', sponsorKind: 'establishment', sponsorId: est.id, nameEn: 'Dewi Lestari', nameAr: 'ديوي ليستاري', nationality: 'IDN', profession: 'nurse', iqamaExpiresOn: null, passportExpiresOn: d(1000), arrivedOn: today });
  });

  it('shows each worker with documents in both calendars, days left, warnings and open requests', async () => {
    const res = await get(`/api/v1/establishments/${est.id}/workers?sort=name`, est.owner.auth);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 25, pages: 1 });
    const names = body.workers.map((w: { name: { en: string } }) => w.name.en);
    expect(names).toEqual(['=HYPERLINK("x") Chandra', 'Anil Kumar', 'Bilal Ahmed', 'Dewi Lestari']);
    const anilView = body.workers[1];
    expect(anilView).toMatchObject({
      iqamaNumber: anilView.idNumber,
      nationality: 'IND',
      profession: { code: 'electrician', name: { en: 'Electrician' } },
      iqama: { daysLeft: 20, expiresOn: { gregorian: kingdomDayFromToday(t, 20), hijri: hijriIso(kingdomDayFromToday(t, 20)) } },
      warnings: [{ code: 'iqama_expiring' }],
      openRequests: { count: 0, requests: [] },
    });
    expect(anilView.passport.number).toMatch(/^K\d{7}$/);
    expect(body.workers[2].warnings.map((w: { code: string }) => w.code)).toEqual(['iqama_expired', 'passport_expiring']);
    expect(body.workers[3]).toMatchObject({ iqama: null, iqamaNumber: null, warnings: [{ code: 'iqama_not_issued' }] });
    expect(anilView).not.toHaveProperty('mobile');
    expect(anilView).not.toHaveProperty('birthDate');
  });

  it('filters, sorts and pages', async () => {
    const q = async (qs: string) => (await get(`/api/v1/establishments/${est.id}/workers?${qs}`, est.owner.auth)).json();
    expect((await q('nationality=PAK')).workers.map((w: { name: { en: string } }) => w.name.en)).toEqual(['Bilal Ahmed']);
    expect((await q('profession=nurse')).total).toBe(1);
    expect((await q('search=Kumar')).total).toBe(1);
    expect((await q('search=بلال')).total).toBe(1);
    // Expiring within 30 days: Anil's iqama (20), Bilal's expired iqama, Dewi without one.
    expect((await q('expiring=30&sort=name')).workers.map((w: { name: { en: string } }) => w.name.en)).toEqual(['Anil Kumar', 'Bilal Ahmed', 'Dewi Lestari']);
    const byExpiry = await q('sort=iqama_expiry&order=asc');
    expect(byExpiry.workers[0].name.en).toBe('Bilal Ahmed');
    const paged = await q('sort=name&page=2&pageSize=3');
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3, pages: 2 });
    expect(paged.workers.map((w: { name: { en: string } }) => w.name.en)).toEqual(['Dewi Lestari']);
    const tooBig = await get(`/api/v1/establishments/${est.id}/workers?pageSize=101`, est.owner.auth);
    expect(tooBig.statusCode).toBe(400);
  });

  it('pages each sort in both orders without skipping or repeating a worker, in the order of the whole list', async () => {
    type Row = { idNumber: string; name: { en: string }; iqama: { expiresOn: { gregorian: string } } | null; passport: { expiresOn: { gregorian: string } } };
    const q = async (qs: string) => (await get(`/api/v1/establishments/${est.id}/workers?${qs}`, est.owner.auth)).json() as Promise<{ total: number; workers: Row[] }>;
    // Missing dates sort last ascending and first descending, as PostgreSQL orders NULLs.
    const keyOf: Record<string, (w: Row) => string> = {
      name: (w) => w.name.en,
      id_number: (w) => w.idNumber,
      iqama_expiry: (w) => w.iqama?.expiresOn.gregorian ?? '\uffff',
      passport_expiry: (w) => w.passport.expiresOn.gregorian,
    };
    const all = (await q('pageSize=100')).workers;
    expect(all).toHaveLength(4);
    for (const [sort, key] of Object.entries(keyOf)) {
      for (const order of ['asc', 'desc'] as const) {
        const pages: Row[] = [];
        for (let page = 1; page <= 2; page++) pages.push(...(await q(`sort=${sort}&order=${order}&pageSize=2&page=${page}`)).workers);
        const cmp = (a: Row, b: Row) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.idNumber < b.idNumber ? -1 : 1);
        const expected = [...all].sort((a, b) => (order === 'asc' ? cmp(a, b) : cmp(b, a)));
        expect(pages.map((w) => w.idNumber), `${sort} ${order}`).toEqual(expected.map((w) => w.idNumber));
      }
    }
  });

  it('records the view in each shown worker’s access log, once per page, on the owner’s behalf when staff look', async () => {
    const staff = await grantStaff(t, est, ['exit_reentry_visa']);
    const res = await get(`/api/v1/establishments/${est.id}/workers?nationality=IND`, staff.auth);
    const worker = res.json().workers[0];
    const rows = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.subjectIdNumber, worker.idNumber));
    const views = rows.filter((r) => r.action === 'establishment.workers_viewed' && r.actorId === staff.account.id);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ onBehalfOf: est.owner.account.id, details: { relation: 'establishment_worker', establishmentId: est.id } });

    const account = await buildAccount(t.deps.database.db, { person: { ...(await t.deps.database.db.query.registryPersons.findFirst({ where: (p, { eq: e }) => e(p.idNumber, worker.idNumber) }))!, fingerprints: { rightIndex: '', leftIndex: '' } } });
    const log = await get('/api/v1/me/access-log', await bearer(t, account.account.id));
    expect(log.statusCode).toBe(200);
    const entry = log.json().entries.find((e: { action: string }) => e.action === 'establishment.workers_viewed');
    expect(entry).toBeTruthy();
    expect(entry.what.en).toMatch(/employer/i);
    expect(entry.who).toMatchObject({ kind: 'delegate' });
    expect(entry.onBehalfOf).toMatchObject({ name: { en: est.owner.account.nameEn } });
  });

  it('lists open requests per worker', async () => {
    const db = t.deps.database.db;
    const bilal = (await get(`/api/v1/establishments/${est.id}/workers?nationality=PAK`, est.owner.auth)).json().workers[0];
    const now = t.clock.now();
    await db.insert(serviceRequests).values({
      id: randomUUID(), number: `RT${Date.now()}`, service: 'exit_reentry_visa', status: 'awaiting_payment', applicantAccountId: est.owner.account.id,
      beneficiaryIdNumber: bilal.idNumber, relation: 'establishment_worker', input: {}, feeHalalas: 20000, feeLines: [], establishmentId: est.id, createdAt: now, updatedAt: now,
    });
    const again = (await get(`/api/v1/establishments/${est.id}/workers?nationality=PAK`, est.owner.auth)).json().workers[0];
    expect(again.openRequests).toMatchObject({ count: 1, requests: [{ service: 'exit_reentry_visa', status: 'awaiting_payment' }] });
    const requests = (await get(`/api/v1/establishments/${est.id}/requests`, est.owner.auth)).json();
    expect(requests).toMatchObject({ total: 1, requests: [{ role: 'applicant', beneficiaryIdNumber: bilal.idNumber, byStaff: false }] });
  });

  it('exports every matching worker as CSV with a BOM, a header in the asked language, and no formula left live', async () => {
    const res = await get(`/api/v1/establishments/${est.id}/workers.csv?sort=name`, est.owner.auth, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="workers-7\d{9}-\d{4}-\d{2}-\d{2}\.csv"/);
    const body = res.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Identity number,Iqama number,Name \(Arabic\),Name \(English\)/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") Chandra"`);
    const ar = await get(`/api/v1/establishments/${est.id}/workers.csv?lang=ar&expiring=30`, est.owner.auth);
    const arLines = ar.rawPayload.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(arLines[0]).toMatch(/^رقم الهوية,/);
    expect(arLines).toHaveLength(4);
    expect(arLines.join('\n')).toContain('أنيل كومار');
  });
});

describe('permission matrix', () => {
  type Who = 'owner' | 'staffInScope' | 'staffOutOfScope' | 'staffRevoked' | 'staffExpired' | 'otherEstablishment' | 'worker' | 'officer' | 'anonymous';
  const who: Partial<Record<Who, Record<string, string>>> = {};
  let est: BuiltEstablishment;
  let delegationId = '';

  beforeAll(async () => {
    const db = t.deps.database.db;
    est = await buildEstablishment(t, { workers: 2 });
    who.owner = est.owner.auth;
    who.staffInScope = (await grantStaff(t, est, ['iqama_renew'])).auth;
    who.staffOutOfScope = (await grantStaff(t, est, ['exit_reentry_visa'])).auth;
    const revoked = await grantStaff(t, est, ['iqama_renew']);
    await db.update(delegations).set({ revokedAt: new Date(t.clock.now().getTime() - 1000) }).where(eq(delegations.id, revoked.delegationId));
    who.staffRevoked = revoked.auth;
    const expired = await grantStaff(t, est, ['iqama_renew']);
    await db.update(delegations).set({ endsAt: new Date(t.clock.now().getTime() - 1000) }).where(eq(delegations.id, expired.delegationId));
    who.staffExpired = expired.auth;
    who.otherEstablishment = (await buildEstablishment(t, { workers: 1 })).owner.auth;
    who.worker = await bearer(t, (await buildAccount(db, { person: est.workers[0]! })).account.id);
    const officer = await buildHolder(t);
    await grantStaffRole(db, officer.account.id, 'officer', null);
    who.officer = officer.auth;
    who.anonymous = {};
    delegationId = revoked.delegationId;
  });

  const outsiders = { staffRevoked: 404, staffExpired: 404, otherEstablishment: 404, worker: 404, officer: 404, anonymous: 401 } as const;
  const cases: Array<{ name: string; call: (auth: Record<string, string>) => ReturnType<typeof get>; expect: Record<Who, number> }> = [
    { name: 'GET details', call: (a) => get(`/api/v1/establishments/${est.id}`, a), expect: { owner: 200, staffInScope: 200, staffOutOfScope: 200, ...outsiders } },
    { name: 'GET workers', call: (a) => get(`/api/v1/establishments/${est.id}/workers`, a), expect: { owner: 200, staffInScope: 200, staffOutOfScope: 200, ...outsiders } },
    { name: 'GET workers.csv', call: (a) => get(`/api/v1/establishments/${est.id}/workers.csv`, a), expect: { owner: 200, staffInScope: 200, staffOutOfScope: 200, ...outsiders } },
    { name: 'GET requests', call: (a) => get(`/api/v1/establishments/${est.id}/requests`, a), expect: { owner: 200, staffInScope: 200, staffOutOfScope: 200, ...outsiders } },
    { name: 'GET staff', call: (a) => get(`/api/v1/establishments/${est.id}/staff`, a), expect: { owner: 200, staffInScope: 403, staffOutOfScope: 403, ...outsiders } },
    {
      name: 'POST staff',
      call: async (a) => post(`/api/v1/establishments/${est.id}/staff`, a, { staffIdNumber: (await buildAccount(t.deps.database.db)).person.idNumber, services: ['final_exit_visa'], endsOn: kingdomDayFromToday(t, 10) }),
      expect: { owner: 201, staffInScope: 403, staffOutOfScope: 403, ...outsiders },
    },
    {
      name: 'POST staff revoke',
      call: (a) => post(`/api/v1/establishments/${est.id}/staff/${delegationId}/revoke`, a, undefined),
      expect: { owner: 200, staffInScope: 403, staffOutOfScope: 403, ...outsiders },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: owner and staff as allowed, everyone else refused`, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const w of Object.keys(c.expect) as Who[]) got[w] = (await c.call(who[w]!)).statusCode;
      expect(got).toEqual(c.expect);
    });
  }

  it('GET /establishments: only the owner and staff in force see it listed', async () => {
    const seen: Partial<Record<Who, boolean | number>> = {};
    for (const w of Object.keys(who) as Who[]) {
      const res = await get('/api/v1/establishments', who[w]!);
      seen[w] = res.statusCode === 200 ? res.json().establishments.some((e: { id: string }) => e.id === est.id) : res.statusCode;
    }
    expect(seen).toEqual({ owner: true, staffInScope: true, staffOutOfScope: true, staffRevoked: false, staffExpired: false, otherEstablishment: false, worker: false, officer: false, anonymous: 401 });
  });

  it('POST /establishments: only the owner the labour ministry names may open it', async () => {
    const fresh = await buildEstablishment(t, { workers: 1, opened: false, owner: { account: est.owner.account, person: est.owner.person } });
    const codes: Partial<Record<Who, number>> = {};
    for (const w of ['staffInScope', 'otherEstablishment', 'worker', 'officer', 'anonymous'] as Who[]) codes[w] = (await post('/api/v1/establishments', who[w]!, { establishmentId: fresh.id })).statusCode;
    expect(codes).toEqual({ staffInScope: 403, otherEstablishment: 403, worker: 403, officer: 403, anonymous: 401 });
    expect((await post('/api/v1/establishments', who.owner!, { establishmentId: fresh.id })).statusCode).toBe(201);
  });

  it('an owner whose account is no longer active loses the establishment for everyone', async () => {
    const other = await buildEstablishment(t, { workers: 1 });
    const staff = await grantStaff(t, other, ['iqama_renew']);
    await t.deps.database.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, other.owner.account.id));
    expect((await get(`/api/v1/establishments/${other.id}/workers`, staff.auth)).statusCode).toBe(404);
  });
});
