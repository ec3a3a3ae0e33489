import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson, type BuiltPerson } from '../helpers/factories';
import { buildHousehold, buildResidentDependent } from '../helpers/services';
import { accounts, remindersSent, sandboxSmsMessages, smsOutbox } from '../../src/server/db/schema';
import { addDays, hijriText } from '../../src/domain/calendar';
import { FakeClock, HOUR } from '../../src/server/platform/clock';
import { jobs } from '../../src/server/jobs';
import { reminderBands, sendExpiryReminders, withinSendingHours } from '../../src/server/modules/reminders/send-expiry-reminders';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-11-23T06:00:00Z') });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;

/** 09:00 in Riyadh on a day: inside the sending hours. */
function morningOf(day: string) {
  t.clock.set(`${day}T06:00:00Z`);
}

async function messagesTo(mobile: string) {
  return db().select().from(smsOutbox).where(eq(smsOutbox.to, mobile)).orderBy(smsOutbox.createdAt);
}

async function citizenWithAccount(passportExpiresOn: string, opts: { language?: 'ar' | 'en'; status?: 'active' | 'registered' | 'suspended' } = {}) {
  const person = await buildPerson(db(), { passportExpiresOn });
  const { account } = await buildAccount(db(), { person, status: opts.status ?? 'active' });
  if (opts.language) await db().update(accounts).set({ language: opts.language }).where(eq(accounts.id, account.id));
  return person;
}

async function useLanguage(person: BuiltPerson, language: 'ar' | 'en') {
  await db().update(accounts).set({ language }).where(eq(accounts.idNumber, person.idNumber));
}

const run = () => sendExpiryReminders(t.deps);

describe('the bands and hours, without a database', () => {
  it('gives each threshold the days down to the next one', () => {
    expect(reminderBands('2026-11-23')).toEqual([
      { thresholdDays: 90, from: '2026-12-24', to: '2027-02-21' },
      { thresholdDays: 30, from: '2026-12-01', to: '2026-12-23' },
      { thresholdDays: 7, from: '2026-11-23', to: '2026-11-30' },
    ]);
  });

  it.each([
    ['2026-11-23T05:59:59Z', false],
    ['2026-11-23T06:00:00Z', true],
    ['2026-11-23T17:59:59Z', true],
    ['2026-11-23T18:00:00Z', false],
    ['2026-11-23T22:30:00Z', false],
  ])('at %s sending is %s', (at, inside) => {
    expect(withinSendingHours(new Date(at))).toBe(inside);
  });

  it('is one of the server’s jobs, run hourly', () => {
    expect(jobs.find((j) => j.name === 'expiry-reminders')).toMatchObject({ everyMs: 3_600_000 });
  });
});

describe('expiry reminders', () => {
  it('reminds a citizen of their passport at 90, 30 and 7 days left, once each', async () => {
    const expires = '2028-05-20';
    const person = await citizenWithAccount(expires);
    const countAt = async (daysLeft: number) => {
      morningOf(addDays(expires, -daysLeft));
      await run();
      return (await messagesTo(person.mobile)).length;
    };
    expect(await countAt(120)).toBe(0);
    expect(await countAt(91)).toBe(0);
    expect(await countAt(90)).toBe(1);
    expect(await countAt(90)).toBe(1);
    expect(await countAt(89)).toBe(1);
    expect(await countAt(31)).toBe(1);
    expect(await countAt(30)).toBe(2);
    expect(await countAt(8)).toBe(2);
    expect(await countAt(7)).toBe(3);
    expect(await countAt(0)).toBe(3);
    expect(await countAt(-1)).toBe(3);

    const sent = await messagesTo(person.mobile);
    expect(sent.every((m) => m.kind === 'notice')).toBe(true);
    expect(sent[0]!.body).toBe(`أبشر: ينتهي جواز سفرك في ${expires} (${hijriText(expires, 'ar')}). جدّده عبر أبشر قبل انتهائه.`);
    const rows = await db().select().from(remindersSent).where(eq(remindersSent.idNumber, person.idNumber));
    expect(rows.map((r) => r.thresholdDays).sort((a, b) => a - b)).toEqual([7, 30, 90]);
    expect(rows.every((r) => r.document === `passport:${person.passportNumber}` && r.expiresOn === expires)).toBe(true);
  });

  it('reminds in the band the document is in: found with 20 days left, the 30-day reminder only', async () => {
    const expires = '2028-10-20';
    const person = await citizenWithAccount(expires);
    morningOf(addDays(expires, -20));
    await run();
    const rows = await db().select().from(remindersSent).where(eq(remindersSent.idNumber, person.idNumber));
    expect(rows.map((r) => r.thresholdDays)).toEqual([30]);
    expect(await messagesTo(person.mobile)).toHaveLength(1);
  });

  it('never reminds people without an account, or whose account is suspended or not yet activated', async () => {
    const expires = '2029-03-15';
    const without = await buildPerson(db(), { passportExpiresOn: expires });
    const resident = await buildPerson(db(), { kind: 'resident', iqamaExpiresOn: expires });
    const suspended = await citizenWithAccount(expires, { status: 'suspended' });
    const registered = await citizenWithAccount(expires, { status: 'registered' });
    const active = await citizenWithAccount(expires);
    for (const daysLeft of [90, 30, 7]) {
      morningOf(addDays(expires, -daysLeft));
      await run();
    }
    for (const p of [without, resident, suspended, registered]) expect(await messagesTo(p.mobile), p.idNumber).toHaveLength(0);
    expect(await messagesTo(active.mobile)).toHaveLength(3);
  });

  it('reminds a resident of their iqama and the sponsor of the worker’s, each in their own language', async () => {
    const expires = '2029-08-10';
    const h = await buildHousehold(t, { worker: { iqamaExpiresOn: expires, nameEn: 'Joseph Mathew', nameAr: 'جوزيف ماثيو' } });
    await buildAccount(db(), { person: h.worker });
    await useLanguage(h.worker, 'en');
    morningOf(addDays(expires, -30));
    await run();
    const [own] = await messagesTo(h.worker.mobile);
    expect(own!.body).toBe(`Absher: your iqama expires on ${expires} (${hijriText(expires, 'en')}). Ask your sponsor to renew it before then.`);
    const [sponsor] = await messagesTo(h.head.person.mobile);
    expect(sponsor!.body).toBe(`أبشر: تنتهي إقامة جوزيف ماثيو (من عمالتك المنزلية) في ${expires} (${hijriText(expires, 'ar')}). جدّدها عبر أبشر قبل انتهائها.`);
    expect(await messagesTo(h.head.person.mobile)).toHaveLength(1);
  });

  it('reminds the head of family once of a resident dependent’s iqama, though the head also sponsors her', async () => {
    const expires = '2030-01-20';
    const h = await buildHousehold(t);
    await useLanguage(h.head.person, 'en');
    const wife = await buildResidentDependent(t, h.head.person.idNumber, { iqamaExpiresOn: expires, nameEn: 'Maria Santos' });
    morningOf(addDays(expires, -7));
    await run();
    await run();
    const sent = await messagesTo(h.head.person.mobile);
    expect(sent.map((m) => m.body)).toEqual([`Absher: the iqama of Maria Santos (a member of your family) expires on ${expires} (${hijriText(expires, 'en')}). Renew it through Absher before then.`]);
    // The dependent has no account: nothing to her.
    expect(await messagesTo(wife.mobile)).toHaveLength(0);
  });

  it('waits for the morning: nothing at night, the day’s reminders with the first run after 09:00 in Riyadh', async () => {
    const expires = '2030-06-30';
    const person = await citizenWithAccount(expires);
    const day = addDays(expires, -90);
    // 00:30 on that day in Riyadh is 21:30 UTC the day before.
    t.clock.set(`${addDays(day, -1)}T21:30:00Z`);
    expect(await run()).toBe(0);
    t.clock.set(`${day}T05:30:00Z`);
    expect(await run()).toBe(0);
    expect(await messagesTo(person.mobile)).toHaveLength(0);
    t.clock.set(`${day}T06:00:00Z`);
    await run();
    expect(await messagesTo(person.mobile)).toHaveLength(1);
  });

  it('sends each reminder once when two instances run at the same moment', async () => {
    const expires = '2030-11-15';
    const people = await Promise.all(Array.from({ length: 6 }, () => citizenWithAccount(expires)));
    morningOf(addDays(expires, -30));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a + b).toBe(6);
    for (const p of people) expect(await messagesTo(p.mobile)).toHaveLength(1);
  });

  it('works through in batches, and a run that stops early leaves the rest for the next', async () => {
    const expires = '2031-04-10';
    const people = await Promise.all(Array.from({ length: 5 }, () => citizenWithAccount(expires)));
    morningOf(addDays(expires, -7));
    expect(await sendExpiryReminders(t.deps, { batchSize: 2, maxBatchesPerThreshold: 1 })).toBe(2);
    expect(await sendExpiryReminders(t.deps, { batchSize: 2 })).toBe(3);
    expect(await sendExpiryReminders(t.deps, { batchSize: 2 })).toBe(0);
    const sent = await db()
      .select()
      .from(smsOutbox)
      .where(inArray(smsOutbox.to, people.map((p) => p.mobile)));
    expect(sent).toHaveLength(5);
  });

  it('scans once a day: someone who becomes due later that day hears the next morning', async () => {
    const expires = '2032-06-10';
    const first = await citizenWithAccount(expires);
    morningOf(addDays(expires, -30));
    expect(await run()).toBe(1);
    const second = await citizenWithAccount(expires);
    t.clock.advance(2 * HOUR);
    expect(await run()).toBe(0);
    expect(await messagesTo(second.mobile)).toHaveLength(0);
    morningOf(addDays(expires, -29));
    expect(await run()).toBe(1);
    expect(await messagesTo(second.mobile)).toHaveLength(1);
    expect(await messagesTo(first.mobile)).toHaveLength(1);
  });

  it('reaches the handset through the outbox', async () => {
    const expires = '2031-09-01';
    const person = await citizenWithAccount(expires, { language: 'en' });
    morningOf(addDays(expires, -90));
    await run();
    await t.deps.outbox.deliverDue(1000);
    const received = await db().select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, person.mobile));
    expect(received.map((m) => m.body)).toEqual([`Absher: your passport expires on ${expires} (${hijriText(expires, 'en')}). Renew it through Absher before then.`]);
    const [row] = await messagesTo(person.mobile);
    expect(row!.status).toBe('sent');
  });
});
