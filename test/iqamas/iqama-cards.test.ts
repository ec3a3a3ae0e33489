// The iqama card pickup: a card printed for an issued iqama arrives at the chosen office (SMS
// to whoever applied), is handed over once to someone entitled, and is listed for the
// establishment, the head of family, the holder and the office.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, grantStaffRole } from '../helpers/factories';
import { bearer, buildHousehold, kingdomDayFromToday, pay, submitRequest } from '../helpers/services';
import { buildEstablishment, grantStaff, setMedicalRecord, type BuiltEstablishment } from '../helpers/establishments';
import { AgencyUnavailableError } from '../../src/server/adapters/population-registry/port';
import { accounts, auditLog, delegations, iqamaCards, sandboxSmsMessages } from '../../src/server/db/schema';
import { DAY, FakeClock } from '../../src/server/platform/clock';
import { application, newcomer } from './support';

let t: TestContext;
let officeA: string;
let officeB: string;
let est: BuiltEstablishment;
let officerA: Record<string, string>;
let officerB: Record<string, string>;
let officerAId: string;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock('2026-11-23T09:00:00Z') });
  officeA = (await buildOffice(db(), { nameAr: 'جوازات الدمام', nameEn: 'Dammam Passports' })).id;
  officeB = (await buildOffice(db())).id;
  est = await buildEstablishment(t, { workers: 1 });
  const a = await buildAccount(db());
  await grantStaffRole(db(), a.account.id, 'officer', officeA);
  officerA = await bearer(t, a.account.id);
  officerAId = a.account.id;
  const b = await buildAccount(db());
  await grantStaffRole(db(), b.account.id, 'officer', officeB);
  officerB = await bearer(t, b.account.id);
});
afterAll(() => t.close());

function db() {
  return t.deps.database.db;
}

/** An iqama issued for a new worker of the establishment, its card printed for office A (or another). */
async function establishmentCard(auth = est.owner.auth, officeId = officeA) {
  const w = await newcomer(t, est);
  const sub = await submitRequest(t, auth, 'iqama_issue', application(w, officeId, { establishmentId: est.id }));
  expect(sub.statusCode, sub.body).toBe(201);
  await pay(t, sub.json().bills[0].billNumber, sub.json().fee.totalHalalas);
  const [card] = await db().select().from(iqamaCards).where(eq(iqamaCards.requestId, sub.json().id));
  return { card: card!, worker: w, request: sub.json() };
}

/** An iqama issued for a head of family's new domestic worker, its card printed for office A. */
async function householdCard() {
  const h = await buildHousehold(t, { worker: { iqamaExpiresOn: null } });
  await setMedicalRecord(db(), h.worker.idNumber, { examResult: 'fit', examinedOn: kingdomDayFromToday(t, -3), insuredUntil: kingdomDayFromToday(t, 300) });
  const sub = await submitRequest(t, h.head.auth, 'iqama_issue', application(h.worker, officeA));
  expect(sub.statusCode, sub.body).toBe(201);
  await pay(t, sub.json().bills[0].billNumber, 65000);
  const [card] = await db().select().from(iqamaCards).where(eq(iqamaCards.requestId, sub.json().id));
  return { card: card!, h };
}

const ready = (auth: Record<string, string>, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/office/iqama-cards/${id}/ready`, headers: { ...auth, 'idempotency-key': randomUUID() } });
const handover = (auth: Record<string, string>, id: string, collectorIdNumber: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/office/iqama-cards/${id}/handover`, headers: { ...auth, 'idempotency-key': randomUUID() }, payload: { collectorIdNumber } });

async function inbox(mobile: string) {
  return db().select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, mobile));
}
async function auditOf(cardId: string) {
  const rows = await db().select().from(auditLog).orderBy(auditLog.id);
  return rows.filter((r) => (r.details as { cardId?: string }).cardId === cardId);
}

describe('POST /api/v1/office/iqama-cards/{id}/ready', () => {
  it('marks the card ready, audits it, and tells the applicant by SMS in their language', async () => {
    const { card, worker, request } = await establishmentCard();
    const before = (await inbox(est.owner.person.mobile)).length;
    const res = await ready(officerA, card.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: card.id, status: 'ready', readyAt: t.clock.now().toISOString(), office: { id: officeA }, holderIdNumber: worker.idNumber, requestNumber: request.number });
    const messages = await inbox(est.owner.person.mobile);
    expect(messages).toHaveLength(before + 1);
    const sms = messages.at(-1)!.body;
    expect(sms).toContain('جاهزة للاستلام في جوازات الدمام');
    expect(sms).toContain(request.number);
    expect(sms).not.toContain(worker.idNumber);
    expect(await auditOf(card.id)).toMatchObject([
      { action: 'iqama_card.ready', actorKind: 'officer', actorId: officerAId, subjectIdNumber: worker.idNumber, channel: 'office', requestId: res.headers['x-request-id'] },
    ]);
  });

  it('writes in English to staff who chose English, and tells the owner they acted for in Arabic', async () => {
    const staff = await grantStaff(t, est, ['iqama_issue']);
    await db().update(accounts).set({ language: 'en' }).where(eq(accounts.id, staff.account.id));
    const { card } = await establishmentCard(staff.auth);
    expect(card.applicantAccountId).toBe(staff.account.id);
    const ownerBefore = (await inbox(est.owner.person.mobile)).length;
    expect((await ready(officerA, card.id)).statusCode).toBe(200);
    const [toStaff] = (await inbox(staff.account.mobile)).slice(-1);
    expect(toStaff!.body).toMatch(/^Absher: the iqama card of \d{2}\*{6}\d{2} \(request R\d+\) is ready for collection at Dammam Passports\./);
    expect((await inbox(est.owner.person.mobile)).length).toBe(ownerBefore + 1);
  });

  it('refuses another office’s officer, a card already ready, an unknown card, and anyone but an officer with an office', async () => {
    const { card } = await establishmentCard();
    const other = await ready(officerB, card.id);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'iqama_card_at_another_office']);
    expect((await ready(officerA, card.id)).statusCode).toBe(200);
    const twice = await ready(officerA, card.id);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'iqama_card_not_printed']);
    const unknown = await ready(officerA, randomUUID());
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'iqama_card_not_found']);
    const owner = await ready(est.owner.auth, card.id);
    expect([owner.statusCode, owner.json().error.code]).toEqual([403, 'not_an_officer']);
    const supervisor = await buildAccount(db());
    await grantStaffRole(db(), supervisor.account.id, 'supervisor', null);
    const noOffice = await ready(await bearer(t, supervisor.account.id), card.id);
    expect([noOffice.statusCode, noOffice.json().error.code]).toEqual([403, 'officer_without_office']);
    expect((await ready({}, card.id)).statusCode).toBe(401);
    expect(await auditOf(card.id)).toHaveLength(1);
  });
});

describe('POST /api/v1/office/iqama-cards/{id}/handover', () => {
  it('hands the card to the establishment’s owner once, recording who and where, audited', async () => {
    const { card, worker } = await establishmentCard();
    const early = await handover(officerA, card.id, est.owner.person.idNumber);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'iqama_card_not_ready']);
    await ready(officerA, card.id);
    const res = await handover(officerA, card.id, est.owner.person.idNumber);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'handed_over', handedOverAt: t.clock.now().toISOString(), collectorRole: 'establishment_owner' });
    const [row] = await db().select().from(iqamaCards).where(eq(iqamaCards.id, card.id));
    expect(row).toMatchObject({ status: 'handed_over', officeId: officeA, handedOverBy: officerAId, collectedByIdNumber: est.owner.person.idNumber, handedOverAt: t.clock.now() });
    const again = await handover(officerA, card.id, worker.idNumber);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'iqama_card_already_handed_over']);
    const readyAgain = await ready(officerA, card.id);
    expect([readyAgain.statusCode, readyAgain.json().error.code]).toEqual([409, 'iqama_card_already_handed_over']);
    expect((await auditOf(card.id)).map((a) => [a.action, a.actorKind, a.subjectIdNumber, (a.details as { collectorRole?: string }).collectorRole ?? null])).toEqual([
      ['iqama_card.ready', 'officer', worker.idNumber, null],
      ['iqama_card.handed_over', 'officer', worker.idNumber, 'establishment_owner'],
    ]);
  });

  it('lets staff in force and the holder collect, not staff whose authorization was revoked nor a stranger', async () => {
    const staff = await grantStaff(t, est, ['exit_reentry_visa']);
    const revoked = await grantStaff(t, est, ['iqama_renew']);
    await db().update(delegations).set({ revokedAt: new Date(t.clock.now().getTime() - 1000) }).where(eq(delegations.id, revoked.delegationId));
    const stranger = await buildAccount(db());

    const first = await establishmentCard();
    await ready(officerA, first.card.id);
    for (const [who, id] of [['revoked staff', revoked.account.idNumber], ['stranger', stranger.person.idNumber]] as const) {
      const res = await handover(officerA, first.card.id, id);
      expect([who, res.statusCode, res.json().error.code]).toEqual([who, 422, 'collector_not_entitled']);
    }
    expect((await handover(officerA, first.card.id, staff.account.idNumber)).json().collectorRole).toBe('establishment_staff');

    const second = await establishmentCard();
    await ready(officerA, second.card.id);
    expect((await handover(officerA, second.card.id, second.worker.idNumber)).json().collectorRole).toBe('holder');
  });

  it('hands a household’s card to the head of family who applied, not to the establishment’s owner', async () => {
    const { card, h } = await householdCard();
    expect(card).toMatchObject({ establishmentId: null, applicantAccountId: h.head.account.id });
    await ready(officerA, card.id);
    const wrong = await handover(officerA, card.id, est.owner.person.idNumber);
    expect(wrong.json().error.code).toBe('collector_not_entitled');
    const res = await handover(officerA, card.id, h.head.person.idNumber);
    expect(res.json()).toMatchObject({ status: 'handed_over', collectorRole: 'applicant' });
  });

  it('refuses another office, a malformed identity number and a non-officer', async () => {
    const { card } = await establishmentCard();
    await ready(officerA, card.id);
    const other = await handover(officerB, card.id, est.owner.person.idNumber);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'iqama_card_at_another_office']);
    const bad = await handover(officerA, card.id, '12345');
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_id_number']);
    const owner = await handover(est.owner.auth, card.id, est.owner.person.idNumber);
    expect([owner.statusCode, owner.json().error.code]).toEqual([403, 'not_an_officer']);
    const [row] = await db().select().from(iqamaCards).where(eq(iqamaCards.id, card.id));
    expect(row?.status).toBe('ready');
  });

  it('hands a card over once when two officers try at the same moment', async () => {
    const second = await buildAccount(db());
    await grantStaffRole(db(), second.account.id, 'officer', officeA);
    const colleague = await bearer(t, second.account.id);
    const { card, worker } = await establishmentCard();
    await ready(officerA, card.id);
    const results = await Promise.all([handover(officerA, card.id, est.owner.person.idNumber), handover(colleague, card.id, worker.idNumber)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('iqama_card_already_handed_over');
    expect((await auditOf(card.id)).filter((a) => a.action === 'iqama_card.handed_over')).toHaveLength(1);
  });
});

describe('listing cards', () => {
  it('lists an establishment’s cards to its owner and staff with an iqama service, by status; refuses others', async () => {
    const a = await establishmentCard();
    const b = await establishmentCard();
    await ready(officerA, b.card.id);
    const url = `/api/v1/establishments/${est.id}/iqama-cards`;
    const all = await t.app.inject({ url, headers: est.owner.auth });
    expect(all.statusCode, all.body).toBe(200);
    const ids = all.json().cards.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([a.card.id, b.card.id]));
    const readyOnly = await t.app.inject({ url: `${url}?status=ready`, headers: est.owner.auth });
    expect(readyOnly.json().cards.every((c: { status: string }) => c.status === 'ready')).toBe(true);
    expect(readyOnly.json().cards.map((c: { id: string }) => c.id)).toContain(b.card.id);
    expect(readyOnly.json().cards.map((c: { id: string }) => c.id)).not.toContain(a.card.id);
    const card = all.json().cards.find((c: { id: string }) => c.id === a.card.id);
    expect(Object.keys(card).sort()).toEqual(
      ['establishmentId', 'expiresOn', 'handedOverAt', 'holderIdNumber', 'id', 'office', 'printedAt', 'readyAt', 'requestId', 'requestNumber', 'status', 'uncollected'].sort(),
    );
    expect(card.expiresOn.hijri).toMatch(/^14\d{2}-\d{2}-\d{2}$/);

    const staff = await grantStaff(t, est, ['iqama_renew']);
    expect((await t.app.inject({ url, headers: staff.auth })).statusCode).toBe(200);
    const outOfScope = await grantStaff(t, est, ['exit_reentry_visa']);
    const refused = await t.app.inject({ url, headers: outOfScope.auth });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'delegation_out_of_scope']);
    const other = await buildEstablishment(t, { workers: 0 });
    const stranger = await t.app.inject({ url, headers: other.owner.auth });
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([404, 'establishment_not_found']);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });

  it('lists a head of family’s cards and a holder’s own card, and nobody else’s', async () => {
    const { card, h } = await householdCard();
    const mine = await t.app.inject({ url: '/api/v1/iqama-cards', headers: h.head.auth });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
    const holder = await buildAccount(db(), { person: h.worker });
    const own = await t.app.inject({ url: '/api/v1/iqama-cards', headers: await bearer(t, holder.account.id) });
    expect(own.json().cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
    const ownerList = await t.app.inject({ url: '/api/v1/iqama-cards', headers: est.owner.auth });
    expect(ownerList.json().cards).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/iqama-cards' })).statusCode).toBe(401);
  });

  it('lists the office’s cards to its officers, the uncollected ones after the dated number of days', async () => {
    const stale = await establishmentCard();
    const fresh = await establishmentCard();
    await ready(officerA, stale.card.id);
    await ready(officerA, fresh.card.id);
    // Ready for 15 days, beyond the 14 of iqama_cards.uncollected_after_days.
    await db().update(iqamaCards).set({ readyAt: new Date(t.clock.now().getTime() - 15 * DAY) }).where(eq(iqamaCards.id, stale.card.id));

    const uncollected = await t.app.inject({ url: '/api/v1/office/iqama-cards?uncollected=true', headers: officerA });
    expect(uncollected.statusCode, uncollected.body).toBe(200);
    const ids = uncollected.json().cards.map((c: { id: string }) => c.id);
    expect(ids).toContain(stale.card.id);
    expect(ids).not.toContain(fresh.card.id);
    expect(uncollected.json().cards.find((c: { id: string }) => c.id === stale.card.id).uncollected).toBe(true);

    const readyList = await t.app.inject({ url: '/api/v1/office/iqama-cards?status=ready', headers: officerA });
    const readyIds = readyList.json().cards.map((c: { id: string }) => c.id);
    expect(readyIds).toEqual(expect.arrayContaining([stale.card.id, fresh.card.id]));
    expect(readyList.json().cards.find((c: { id: string }) => c.id === fresh.card.id).uncollected).toBe(false);

    // The office's list names each holder, as the registry has them; a null name when the registry cannot answer.
    const stalePresented = readyList.json().cards.find((c: { id: string }) => c.id === stale.card.id);
    expect(stalePresented.holderName).toEqual({ ar: stale.worker.nameAr, en: stale.worker.nameEn });
    expect(Object.keys(stalePresented).sort()).toEqual(
      ['establishmentId', 'expiresOn', 'handedOverAt', 'holderIdNumber', 'holderName', 'id', 'office', 'printedAt', 'readyAt', 'requestId', 'requestNumber', 'status', 'uncollected'].sort(),
    );
    const down = vi.spyOn(t.deps.registry, 'findPerson').mockRejectedValue(new AgencyUnavailableError('population_registry'));
    try {
      const unnamed = await t.app.inject({ url: '/api/v1/office/iqama-cards?status=ready', headers: officerA });
      expect(unnamed.statusCode, unnamed.body).toBe(200);
      expect(unnamed.json().cards.find((c: { id: string }) => c.id === stale.card.id)).toMatchObject({ holderIdNumber: stale.worker.idNumber, holderName: null });
    } finally {
      down.mockRestore();
    }

    const elsewhere = await t.app.inject({ url: '/api/v1/office/iqama-cards', headers: officerB });
    expect(elsewhere.json().cards).toEqual([]);
    const notOfficer = await t.app.inject({ url: '/api/v1/office/iqama-cards', headers: est.owner.auth });
    expect([notOfficer.statusCode, notOfficer.json().error.code]).toEqual([403, 'not_an_officer']);
    const badStatus = await t.app.inject({ url: '/api/v1/office/iqama-cards?status=lost', headers: officerA });
    expect(badStatus.statusCode).toBe(400);
    const [still] = await db().select().from(iqamaCards).where(and(eq(iqamaCards.id, stale.card.id), eq(iqamaCards.status, 'ready')));
    expect(still).toBeDefined();
  });
});

describe('the office’s queue, a page at a time', () => {
  type Listed = { cards: Array<{ id: string; status: string; readyAt: string | null; uncollected: boolean }>; nextCursor: string | null };

  /** An office of its own (so that other tests' cards do not mix in), its officer, and cards printed for it. */
  async function officeWithCards(count: number) {
    const office = (await buildOffice(db())).id;
    const officer = await buildAccount(db());
    await grantStaffRole(db(), officer.account.id, 'officer', office);
    const auth = await bearer(t, officer.account.id);
    const cards: string[] = [];
    for (let i = 0; i < count; i++) cards.push((await establishmentCard(est.owner.auth, office)).card.id);
    return { auth, cards };
  }

  const list = async (auth: Record<string, string>, query: string): Promise<Listed> => {
    const res = await t.app.inject({ url: `/api/v1/office/iqama-cards?${query}`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  /** Every page of a list, following nextCursor; the ids in the order given. */
  async function allPages(auth: Record<string, string>, query: string, limit: number) {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Listed = await list(auth, [query, `limit=${limit}`, cursor && `cursor=${encodeURIComponent(cursor)}`].filter(Boolean).join('&'));
      pages.push(page.cards.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    return pages;
  }

  const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * DAY);

  it('lists every uncollected card, the longest waiting first, over pages that say whether more follow', async () => {
    const { auth, cards } = await officeWithCards(7);
    for (const id of cards) expect((await ready(auth, id)).statusCode).toBe(200);
    // Ready for 20, 30, 16, 25 and 25 days (two at the same instant), beyond the 14 of
    // iqama_cards.uncollected_after_days; one for 3 days; one still printed.
    const readySince = [20, 30, 16, 25, 25, 3];
    for (const [i, days] of readySince.entries()) await db().update(iqamaCards).set({ readyAt: daysAgo(days) }).where(eq(iqamaCards.id, cards[i]!));
    await db().update(iqamaCards).set({ status: 'printed', readyAt: null }).where(eq(iqamaCards.id, cards[6]!));
    const sameInstant = [cards[3]!, cards[4]!].sort();
    const oldestFirst = [cards[1]!, ...sameInstant, cards[0]!, cards[2]!];

    const pages = await allPages(auth, 'uncollected=true', 2);
    expect(pages).toEqual([oldestFirst.slice(0, 2), oldestFirst.slice(2, 4), oldestFirst.slice(4)]);
    const first = await list(auth, 'uncollected=true&limit=2');
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.cards.every((c) => c.status === 'ready' && c.uncollected)).toBe(true);
    // A page that holds the rest says so.
    expect((await list(auth, 'uncollected=true&limit=5')).nextCursor).toBeNull();
    expect((await list(auth, 'uncollected=true&limit=6')).cards.map((c) => c.id)).toEqual(oldestFirst);
    // All the ready cards, the longest waiting first too, the one ready for 3 days last.
    expect((await allPages(auth, 'status=ready', 4)).flat()).toEqual([...oldestFirst, cards[5]!]);
  });

  it('goes on from where the page ended when cards leave the list meanwhile: none is skipped', async () => {
    const { auth, cards } = await officeWithCards(5);
    for (const [i, id] of cards.entries()) {
      await ready(auth, id);
      await db().update(iqamaCards).set({ readyAt: daysAgo(40 - i) }).where(eq(iqamaCards.id, id));
    }
    const first = await list(auth, 'uncollected=true&limit=2');
    expect(first.cards.map((c) => c.id)).toEqual(cards.slice(0, 2));
    // Both cards of the first page are handed over before the next page is asked for.
    for (const id of cards.slice(0, 2)) expect((await handover(auth, id, est.owner.person.idNumber)).statusCode).toBe(200);
    const second = await list(auth, `uncollected=true&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.cards.map((c) => c.id)).toEqual(cards.slice(2, 4));
    const third = await list(auth, `uncollected=true&limit=2&cursor=${encodeURIComponent(second.nextCursor!)}`);
    expect(third).toMatchObject({ cards: [{ id: cards[4] }], nextCursor: null });
  });

  it('lists printed cards the longest waiting first, handed over ones the latest first, and all of them the newest printed first', async () => {
    const { auth, cards } = await officeWithCards(4);
    const printedDaysAgo = [2, 5, 1, 3];
    for (const [i, days] of printedDaysAgo.entries()) await db().update(iqamaCards).set({ printedAt: daysAgo(days) }).where(eq(iqamaCards.id, cards[i]!));
    expect((await allPages(auth, 'status=printed', 3)).flat()).toEqual([cards[1], cards[3], cards[0], cards[2]]);
    expect((await allPages(auth, '', 3)).flat()).toEqual([cards[2], cards[0], cards[3], cards[1]]);

    for (const id of [cards[0]!, cards[2]!]) await ready(auth, id);
    await handover(auth, cards[2]!, est.owner.person.idNumber);
    t.clock.advance(60_000);
    await handover(auth, cards[0]!, est.owner.person.idNumber);
    const handed = await list(auth, 'status=handed_over&limit=1');
    expect(handed.cards.map((c) => c.id)).toEqual([cards[0]]);
    const next = await list(auth, `status=handed_over&limit=1&cursor=${encodeURIComponent(handed.nextCursor!)}`);
    expect(next).toMatchObject({ cards: [{ id: cards[2] }], nextCursor: null });
  });

  it('answers with the cards and the cursor alone, and refuses a cursor it did not give', async () => {
    const { auth } = await officeWithCards(1);
    const res = await t.app.inject({ url: '/api/v1/office/iqama-cards?status=printed', headers: auth });
    expect(Object.keys(res.json()).sort()).toEqual(['cards', 'nextCursor']);
    for (const cursor of ['abc', '123', `1.${randomUUID()}x`, `${'9'.repeat(16)}.${randomUUID()}`]) {
      const bad = await t.app.inject({ url: `/api/v1/office/iqama-cards?status=printed&cursor=${encodeURIComponent(cursor)}`, headers: auth });
      expect([cursor, bad.statusCode, bad.json().error.code]).toEqual([cursor, 400, 'invalid_input']);
    }
  });
});
