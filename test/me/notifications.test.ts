// GET /me/notifications: the SMS notices sent to the holder's registered mobile, and only theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson, randomMobile } from '../helpers/factories';
import { GOOD_PASSWORD, loginThroughApi, registerThroughApi } from '../helpers/flows';
import { bearer } from '../helpers/services';
import { accounts, smsOutbox } from '../../src/server/db/schema';
import { DAY, SECOND } from '../../src/server/platform/clock';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Notification = { text: string; queuedAt: string; status: 'pending' | 'sent' | 'failed' };
type Page = { notifications: Notification[]; nextCursor: string | null };

const list = (auth: Record<string, string>, query = '') => t.app.inject({ url: `/api/v1/me/notifications${query}`, headers: auth });

async function page(auth: Record<string, string>, query = ''): Promise<Page> {
  const res = await list(auth, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** An active holder whose account was created now, by the test's clock. */
async function holder(mobile?: string) {
  const db = t.deps.database.db;
  const person = await buildPerson(db, mobile ? { mobile } : {});
  const { account } = await buildAccount(db, { person });
  await db.update(accounts).set({ createdAt: t.clock.now() }).where(eq(accounts.id, account.id));
  t.clock.advance(SECOND);
  return { account, person, auth: await bearer(t, account.id) };
}

const enqueue = (to: string, body: string, kind: 'otp' | 'notice' = 'notice') => t.deps.outbox.enqueue(t.deps.database.db, { to, body, kind });

describe('the notifications of an account holder', () => {
  it('lists the notices sent to the holder’s mobile, newest first, with their delivery status and nothing else', async () => {
    const h = await holder();
    const sent = await enqueue(h.person.mobile, 'Your passport expires in 90 days.');
    await t.deps.outbox.deliver([sent]);
    await t.deps.outbox.settled();
    t.clock.advance(SECOND);
    const failed = await enqueue(h.person.mobile, 'Your iqama card is ready for collection.');
    await t.deps.database.db.update(smsOutbox).set({ status: 'failed', lastError: 'provider down', attempts: 20 }).where(eq(smsOutbox.id, failed));
    t.clock.advance(SECOND);
    await enqueue(h.person.mobile, 'Request R123 was issued.');

    const body = await page(h.auth);
    expect(body.notifications.map((n) => [n.text, n.status])).toEqual([
      ['Request R123 was issued.', 'pending'],
      ['Your iqama card is ready for collection.', 'failed'],
      ['Your passport expires in 90 days.', 'sent'],
    ]);
    expect(body.nextCursor).toBeNull();
    // What leaves: no mobile, no outbox or provider ids, no attempts or provider errors.
    for (const n of body.notifications) expect(Object.keys(n).sort()).toEqual(['queuedAt', 'status', 'text']);
    expect(new Date(body.notifications[0]!.queuedAt).getTime()).toBe(t.clock.now().getTime());
  });

  it('lists what the platform itself sent, and never a one-time code, delivered or not', async () => {
    const person = await buildPerson(t.deps.database.db);
    const accountId = await registerThroughApi(t, person, { language: 'en' });
    await t.deps.database.db.update(accounts).set({ status: 'active', activationChannel: 'atm', activatedAt: t.clock.now() }).where(eq(accounts.id, accountId));
    t.clock.advance(SECOND);
    const login = await loginThroughApi(t, `u${person.idNumber}`, GOOD_PASSWORD, person.mobile);
    expect(login.statusCode, login.body).toBe(201);
    await enqueue(person.mobile, 'Your code is 123456', 'otp');

    const outbox = await t.deps.database.db.select({ kind: smsOutbox.kind }).from(smsOutbox).where(eq(smsOutbox.to, person.mobile));
    expect(outbox.filter((m) => m.kind === 'otp').length).toBeGreaterThanOrEqual(3); // registration, login, and the one above
    const body = await page({ authorization: `Bearer ${login.json().token}` });
    expect(body.notifications).toHaveLength(1);
    expect(body.notifications[0]!.text).toMatch(/regist/i);
    expect(body.notifications.some((n) => /\d{6}|one-time code/.test(n.text))).toBe(false);
  });

  it('never lists another account’s notices', async () => {
    const a = await holder();
    const b = await holder();
    await enqueue(b.person.mobile, 'For b only.');
    await enqueue(a.person.mobile, 'For a only.');
    expect((await page(a.auth)).notifications.map((n) => n.text)).toEqual(['For a only.']);
    expect((await page(b.auth)).notifications.map((n) => n.text)).toEqual(['For b only.']);
  });

  it('does not list what a previous holder of the mobile was sent before the account was created', async () => {
    const mobile = randomMobile();
    await enqueue(mobile, 'Previous holder: your request R1 was rejected.');
    t.clock.advance(DAY);
    const h = await holder(mobile);
    await enqueue(mobile, 'New holder: welcome.');
    expect((await page(h.auth)).notifications.map((n) => n.text)).toEqual(['New holder: welcome.']);
  });

  it('stops listing a number’s messages once another account holds the same number too, for either account', async () => {
    const mobile = randomMobile();
    const first = await holder(mobile);
    await enqueue(mobile, 'Before the second account.');
    t.clock.advance(SECOND);
    const second = await holder(mobile);
    await enqueue(mobile, 'After the second account.');
    expect((await page(first.auth)).notifications.map((n) => n.text)).toEqual(['Before the second account.']);
    expect((await page(second.auth)).notifications).toEqual([]);
  });

  it('pages with a cursor, newest first, without skipping or repeating notices queued in the same millisecond', async () => {
    const h = await holder();
    for (let i = 1; i <= 5; i++) {
      await enqueue(h.person.mobile, `Notice ${i}`);
      if (i % 2 === 0) t.clock.advance(SECOND); // 1 and 2, 3 and 4 share their instant
    }
    const first = await page(h.auth, '?limit=2');
    expect(first.notifications).toHaveLength(2);
    expect(first.notifications[0]!.text).toBe('Notice 5');
    expect(first.nextCursor).not.toBeNull();
    const second = await page(h.auth, `?limit=2&before=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.notifications).toHaveLength(2);
    const third = await page(h.auth, `?limit=2&before=${encodeURIComponent(second.nextCursor!)}`);
    expect(third.notifications).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
    const texts = [...first.notifications, ...second.notifications, ...third.notifications].map((n) => n.text);
    expect(texts.slice().sort()).toEqual(['Notice 1', 'Notice 2', 'Notice 3', 'Notice 4', 'Notice 5']);
    const times = [...first.notifications, ...second.notifications, ...third.notifications].map((n) => Date.parse(n.queuedAt));
    expect(times).toEqual(times.slice().sort((x, y) => y - x));
  });

  it('refuses a cursor it did not give and a page size out of range', async () => {
    const h = await holder();
    for (const query of ['?before=yesterday', '?before=1.2', '?limit=0', '?limit=101', '?since=1']) {
      const res = await list(h.auth, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBeTypeOf('string');
    }
  });

  it('refuses a caller with no session, and an account not yet activated', async () => {
    const anonymous = await list({});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('not_authenticated');

    const { account } = await buildAccount(t.deps.database.db, { status: 'registered' });
    const unactivated = await list(await bearer(t, account.id));
    expect(unactivated.statusCode).toBe(403);
    expect(unactivated.json().error.code).toBe('account_not_activated');
  });
});
