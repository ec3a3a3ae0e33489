import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, buildPerson, grantStaffRole } from '../helpers/factories';
import { loginThroughApi } from '../helpers/flows';
import { bankCardEvidence, channelRequest } from '../helpers/channel';
import { authorize, bearer, buildHousehold, buildResidentDependent, grantDelegation, kingdomDayFromToday, quoteRequest, submitRequest } from '../helpers/services';
import { audit } from '../../src/server/platform/audit';
import { SECOND } from '../../src/server/platform/clock';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.deps.database.db;
type Entry = { action: string; at: string; who: { kind: string; name: { ar: string; en: string } | null; office: unknown }; [k: string]: unknown };

async function accessLog(auth: Record<string, string>, query = '') {
  const res = await t.app.inject({ url: `/api/v1/me/access-log${query}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { entries: Entry[]; nextCursor: string | null };
}

async function namedAccount(nameEn: string, nameAr: string) {
  const person = await buildPerson(db(), { nameEn, nameAr });
  return buildAccount(db(), { person });
}

describe('GET /api/v1/me/access-log', () => {
  it('needs a session', async () => {
    const res = await t.app.inject({ url: '/api/v1/me/access-log' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('not_authenticated');
  });

  it('shows the holder’s own logins, and a wrong password typed by someone not logged in', async () => {
    const { account, person, password } = await buildAccount(db());
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login: person.idNumber, password: 'not the password at all' } });
    expect(wrong.statusCode).toBe(401);
    t.clock.advance(SECOND);
    const login = await loginThroughApi(t, person.idNumber, password, person.mobile);
    expect(login.statusCode, login.body).toBe(201);
    const log = await accessLog({ authorization: `Bearer ${login.json().token}` });
    expect(log.entries.map((e) => [e.action, e.who.kind])).toEqual([
      ['session.created', 'self'],
      ['login.password_accepted', 'self'],
      ['login.password_rejected', 'anonymous'],
    ]);
    expect(log.entries[0]).toEqual({
      at: expect.any(String),
      on: { gregorian: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), hijri: expect.stringMatching(/^14\d\d-\d\d-\d\d$/) },
      action: 'session.created',
      what: { ar: 'تسجيل الدخول إلى حسابك', en: 'Logged in to your account' },
      service: null,
      requestId: null,
      channel: 'api',
      who: { kind: 'self', label: { ar: 'أنت', en: 'You' }, name: null, office: null },
      onBehalfOf: null,
    });
    expect(log.entries[2]!.who).toEqual({ kind: 'anonymous', label: { ar: 'شخص لم يسجّل الدخول', en: 'Someone not logged in' }, name: null, office: null });
    expect(JSON.stringify(log)).not.toContain(account.id);
  });

  it('shows an activation at an ATM by its bank', async () => {
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const res = await channelRequest(t, { clientId: 'atm-riyadbank', body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } });
    expect(res.statusCode, res.body).toBe(200);
    const log = await accessLog(await bearer(t, account.id));
    expect(log.entries[0]).toMatchObject({ action: 'account.activated', channel: 'atm', who: { kind: 'bank', name: { ar: 'بنك الرياض', en: 'Riyad Bank' }, office: null } });
  });

  it('shows an officer’s look-up by office, never by the officer’s name, number or account', async () => {
    const office = await buildOffice(db(), { nameAr: 'جوازات المدينة المنورة', nameEn: 'Madinah Passports' });
    const officer = await namedAccount('Officer Fahad Alharbi', 'الموظف فهد الحربي');
    await grantStaffRole(db(), officer.account.id, 'officer', office.id);
    const holder = await buildAccount(db());
    const look = await t.app.inject({ url: `/api/v1/office/persons/${holder.person.idNumber}`, headers: await bearer(t, officer.account.id) });
    expect(look.statusCode).toBe(200);
    const log = await accessLog(await bearer(t, holder.account.id));
    expect(log.entries[0]).toMatchObject({
      action: 'person.viewed',
      what: { en: 'A passports officer looked up your record' },
      channel: 'office',
      who: { kind: 'officer', name: null, office: { ar: 'جوازات المدينة المنورة', en: 'Madinah Passports' } },
    });
    const body = JSON.stringify(log);
    for (const secret of [officer.account.id, officer.person.idNumber, officer.person.nameEn, officer.person.nameAr, office.id]) expect(body).not.toContain(secret);
  });

  it('shows a request made for a worker: by the sponsor, by name, then issued by the system', async () => {
    const h = await buildHousehold(t);
    const worker = await buildAccount(db(), { person: h.worker });
    const r = (await submitRequest(t, h.head.auth, 'final_exit_visa', { beneficiaryIdNumber: h.worker.idNumber, input: {} })).json();
    expect(r.status).toBe('issued');
    const log = await accessLog(await bearer(t, worker.account.id));
    const service = { code: 'final_exit_visa', name: { ar: 'تأشيرة خروج نهائي', en: 'Final exit visa' } };
    expect(log.entries.map((e) => [e.action, e.who.kind])).toEqual([
      ['request.issued', 'system'],
      ['request.created', 'sponsor'],
    ]);
    expect(log.entries[1]).toMatchObject({ service, requestId: r.id, who: { name: { ar: h.head.person.nameAr, en: h.head.person.nameEn } }, onBehalfOf: null });
    expect(log.entries[0]).toMatchObject({ service, requestId: r.id, what: { en: 'A service request was issued' } });
    expect(JSON.stringify(log)).not.toContain(h.head.person.idNumber);
  });

  it('shows a delegate by name, acting on behalf of the sponsor', async () => {
    const h = await buildHousehold(t);
    const worker = await buildAccount(db(), { person: h.worker });
    const delegate = await namedAccount('Saad Delegate', 'سعد المفوض');
    const delegationId = await grantDelegation(t, h.head.account.id, delegate.account.id, ['final_exit_visa']);
    const sub = await submitRequest(t, await bearer(t, delegate.account.id), 'final_exit_visa', { beneficiaryIdNumber: h.worker.idNumber, delegationId, input: {} });
    expect(sub.statusCode, sub.body).toBe(201);
    const log = await accessLog(await bearer(t, worker.account.id));
    const created = log.entries.find((e) => e.action === 'request.created')!;
    expect(created).toMatchObject({
      who: { kind: 'delegate', label: { en: 'A delegate' }, name: { ar: 'سعد المفوض', en: 'Saad Delegate' } },
      onBehalfOf: { kind: 'sponsor', label: { en: 'Your sponsor' }, name: { ar: h.head.person.nameAr, en: h.head.person.nameEn } },
    });
    expect(JSON.stringify(log)).not.toContain(delegate.person.idNumber);
    expect(JSON.stringify(log)).not.toContain(delegate.account.id);
  });

  it('shows the holder the authorization they gave, and the delegate checking a service on their behalf', async () => {
    const h = await buildHousehold(t);
    const delegate = await namedAccount('Khalid Delegate', 'خالد المفوض');
    const granted = await authorize(t, h.head.auth, { delegateIdNumber: delegate.person.idNumber, services: ['final_exit_visa'], endsOn: kingdomDayFromToday(t, 30) });
    expect(granted.statusCode, granted.body).toBe(201);
    t.clock.advance(SECOND);
    const quote = await quoteRequest(t, await bearer(t, delegate.account.id), 'final_exit_visa', { beneficiaryIdNumber: h.worker.idNumber, delegationId: granted.json().id, input: {} });
    expect(quote.statusCode, quote.body).toBe(200);
    const log = await accessLog(h.head.auth);
    expect(log.entries.map((e) => [e.action, e.who.kind])).toEqual([
      ['request.quoted', 'delegate'],
      ['delegation.granted', 'self'],
    ]);
    expect(log.entries[0]).toMatchObject({
      what: { en: 'The eligibility for a service was checked' },
      service: { code: 'final_exit_visa' },
      who: { name: { en: 'Khalid Delegate' } },
      onBehalfOf: { kind: 'self', label: { en: 'You' }, name: null },
    });
    expect(log.entries[1]!.what).toEqual({ ar: 'منح تفويض إلكتروني', en: 'An e-authorization was given' });
  });

  it('shows a head of family’s view of a resident dependent’s documents as the head of family’s', async () => {
    const h = await buildHousehold(t);
    const dependent = await buildResidentDependent(t, h.head.person.idNumber);
    const account = await buildAccount(db(), { person: dependent });
    await t.app.inject({ url: `/api/v1/people/${dependent.idNumber}/documents`, headers: h.head.auth });
    await t.app.inject({ url: '/api/v1/people', headers: h.head.auth });
    const log = await accessLog(await bearer(t, account.account.id));
    expect(log.entries.map((e) => [e.action, e.who.kind])).toEqual([
      ['documents.summary_viewed', 'head_of_family'],
      ['documents.viewed', 'head_of_family'],
    ]);
    expect(log.entries[0]!.what).toEqual({ ar: 'الاطلاع على تواريخ انتهاء وثائقك', en: 'The expiry dates of your documents were viewed' });
  });

  it('shows the holder’s own view once, though it is filed under the account and the identity number', async () => {
    const { account } = await buildAccount(db());
    const auth = await bearer(t, account.id);
    await t.app.inject({ url: '/api/v1/me/documents', headers: auth });
    const log = await accessLog(auth);
    expect(log.entries.map((e) => [e.action, e.who.kind])).toEqual([['documents.viewed', 'self']]);
  });

  it('keeps entries about other people out', async () => {
    const h = await buildHousehold(t);
    await t.app.inject({ url: `/api/v1/people/${h.worker.idNumber}/documents`, headers: h.head.auth });
    await submitRequest(t, h.head.auth, 'final_exit_visa', { beneficiaryIdNumber: h.worker.idNumber, input: {} });
    // The head acted, but nothing was about the head: their log stays empty.
    expect((await accessLog(h.head.auth)).entries).toEqual([]);
    const stranger = await buildAccount(db());
    expect((await accessLog(await bearer(t, stranger.account.id))).entries).toEqual([]);
  });

  it('pages newest first with a cursor, without gaps or repeats, entries at the same instant included', async () => {
    const { account, person } = await buildAccount(db());
    const auth = await bearer(t, account.id);
    const written: string[] = [];
    for (let i = 0; i < 7; i++) {
      // Three of them share one instant, so the order there rests on the entry's id.
      if (i < 2 || i > 4) t.clock.advance(SECOND);
      const action = `test.entry_${i}`;
      await audit(db(), { at: t.clock.now(), action, actor: { kind: 'system' }, ...(i % 2 ? { subjectAccountId: account.id } : { subjectIdNumber: person.idNumber }), channel: 'system' });
      written.push(action);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { entries: Entry[]; nextCursor: string | null } = await accessLog(auth, `?limit=3${cursor ? `&before=${cursor}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e) => e.action));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...written].reverse());
  });

  it('labels an action it does not know by its family, or in general', async () => {
    const { account } = await buildAccount(db());
    for (const action of ['delegation.extended', 'brand_new.thing']) {
      t.clock.advance(SECOND);
      await audit(db(), { at: t.clock.now(), action, actor: { kind: 'system' }, subjectAccountId: account.id, channel: 'system' });
    }
    const log = await accessLog(await bearer(t, account.id));
    expect(log.entries.map((e) => [e.action, e.what])).toEqual([
      ['brand_new.thing', { ar: 'إجراء على بياناتك', en: 'An action on your records' }],
      ['delegation.extended', { ar: 'إجراء على تفويض إلكتروني', en: 'An action on an e-authorization' }],
    ]);
  });

  it('refuses a malformed cursor, a limit out of range and unknown parameters', async () => {
    const { account } = await buildAccount(db());
    const auth = await bearer(t, account.id);
    for (const q of ['?before=abc', '?before=1.2.3', '?limit=0', '?limit=101', '?limit=two', '?subject=1000000008']) {
      const res = await t.app.inject({ url: `/api/v1/me/access-log${q}`, headers: auth });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
    }
  });
});
