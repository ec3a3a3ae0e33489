// The iqama card pickup: a card printed for an issued or renewed iqama arrives at the office the
// applicant chose (ready: the applicant is told by SMS), and an officer there hands it over to
// someone entitled to collect it, once. The establishment's users, the head of family and the
// holder follow their cards; the office lists its cards, the uncollected ones first of all.
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Executor } from '../../db/client';
import { accounts, delegations } from '../../db/schema';
import { AgencyUnavailableError } from '../../adapters/population-registry/port';
import { AppError } from '../../errors';
import { audit } from '../../platform/audit';
import { delegationInForceSql } from '../../services/engine/acting';
import { findOpenedEstablishment, getEstablishmentAccess } from '../../services/engine/establishment-access';
import { kingdomToday } from '../../services/engine/requests';
import { loadParameters } from '../../services/parameters';
import type { Officer } from '../office/activate-at-office';
import { cardReadyNotice } from './notices';
import { cardsAtOffice, cardsOfEstablishment, cardsOfPerson, findCard, moveCard, type CardListing, type CardStatus, type Cursor, type Order, type Page } from './repository';

/** The services whose cards an establishment's staff may follow: they must hold one of them. */
export const IQAMA_SERVICES: readonly string[] = ['iqama_issue', 'iqama_renew'];

export type Meta = { requestId: string };
export type Listed = { cards: CardListing[]; uncollectedBefore: Date };
export type HolderName = { ar: string; en: string };
/**
 * The office's list also names each holder, so that the officer can call them from the queue;
 * it comes a page at a time, `nextCursor` null on the last page.
 */
export type OfficeListed = Listed & { holderNames: Map<string, HolderName | null>; nextCursor: string | null };

/** Registry look-ups in flight at once for one list (a page holds up to 200 cards). */
const NAME_LOOKUPS_AT_ONCE = 8;

/** Cards ready since before this instant are uncollected (the dated `iqama_cards.uncollected_after_days`). */
async function uncollectedBefore(deps: Pick<Deps, 'database' | 'clock'>): Promise<Date> {
  const now = deps.clock.now();
  const params = await loadParameters(deps.database.db, 'iqama_cards', kingdomToday(now));
  return new Date(now.getTime() - params.get('uncollected_after_days') * 86_400_000);
}

export async function listEstablishmentCards(
  deps: Pick<Deps, 'database' | 'clock'>,
  actor: { accountId: string },
  establishmentId: string,
  filter: { status?: CardStatus | undefined },
  page: Page,
): Promise<Listed> {
  const access = await getEstablishmentAccess(deps.database.db, deps.clock.now(), actor.accountId, establishmentId);
  if (access.services && !access.services.some((s) => IQAMA_SERVICES.includes(s))) throw new AppError('delegation_out_of_scope');
  return { cards: await cardsOfEstablishment(deps.database.db, establishmentId, filter.status, page), uncollectedBefore: await uncollectedBefore(deps) };
}

export async function listOwnCards(
  deps: Pick<Deps, 'database' | 'clock'>,
  actor: { accountId: string; idNumber: string },
  filter: { status?: CardStatus | undefined },
  page: Page,
): Promise<Listed> {
  return { cards: await cardsOfPerson(deps.database.db, actor, filter.status, page), uncollectedBefore: await uncollectedBefore(deps) };
}

function officeOf(officer: Officer): string {
  if (!officer.officeId) throw new AppError('officer_without_office');
  return officer.officeId;
}

export type OfficeFilter = { status?: CardStatus | undefined; uncollected?: boolean | undefined };

/**
 * The office's list in queue order: what waits, the longest waiting first (a ready card since
 * it arrived, a printed one since it was printed), so that no page leaves out the cards that
 * waited longest; the cards handed over, the latest first; all of them, the newest printed first.
 */
export function officeOrder(filter: OfficeFilter): Order {
  if (filter.uncollected || filter.status === 'ready') return { by: 'readyAt', direction: 'asc' };
  if (filter.status === 'printed') return { by: 'printedAt', direction: 'asc' };
  if (filter.status === 'handed_over') return { by: 'handedOverAt', direction: 'desc' };
  return { by: 'printedAt', direction: 'desc' };
}

/** A cursor: the instant the list is ordered by and the id of the page's last card. */
export function encodeCursor(card: CardListing, order: Order): string {
  return `${card[order.by]!.getTime()}.${card.id}`;
}

export function decodeCursor(cursor: string): Cursor {
  const dot = cursor.indexOf('.');
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1).toLowerCase() };
}

export async function listOfficeCards(
  deps: Pick<Deps, 'database' | 'clock' | 'registry'>,
  officer: Officer,
  filter: OfficeFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<OfficeListed> {
  const officeId = officeOf(officer);
  const before = await uncollectedBefore(deps);
  const order = officeOrder(filter);
  const rows = await cardsAtOffice(
    deps.database.db,
    officeId,
    { status: filter.status, readyBefore: filter.uncollected ? before : undefined },
    order,
    { limit: page.limit + 1, after: page.cursor ? decodeCursor(page.cursor) : null },
  );
  const cards = rows.slice(0, page.limit);
  const nextCursor = rows.length > page.limit ? encodeCursor(cards[cards.length - 1]!, order) : null;
  return { cards, uncollectedBefore: before, holderNames: await holderNamesOf(deps, cards), nextCursor };
}

/**
 * The holders' names as the population registry has them, a few look-ups at a time. A name the
 * registry does not have, or cannot give now, is null: the queue is still served, by iqama number.
 */
async function holderNamesOf(deps: Pick<Deps, 'registry'>, cards: CardListing[]): Promise<Map<string, HolderName | null>> {
  const ids = [...new Set(cards.map((c) => c.holderIdNumber))];
  const names = new Map<string, HolderName | null>();
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const person = await deps.registry.findPerson(id).catch((err: unknown) => {
        if (err instanceof AgencyUnavailableError) return null;
        throw err;
      });
      names.set(id, person ? { ar: person.name.ar, en: person.name.en } : null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(NAME_LOOKUPS_AT_ONCE, ids.length) }, lane));
  return names;
}

/** A card of the officer's office, or the reason the officer cannot act on it. */
async function cardAtOffice(deps: Pick<Deps, 'database'>, officer: Officer, cardId: string): Promise<CardListing> {
  const officeId = officeOf(officer);
  const card = await findCard(deps.database.db, cardId);
  if (!card) throw new AppError('iqama_card_not_found');
  if (card.officeId !== officeId) throw new AppError('iqama_card_at_another_office');
  return card;
}

function refuseFrom(status: CardStatus): never {
  if (status === 'handed_over') throw new AppError('iqama_card_already_handed_over');
  if (status === 'ready') throw new AppError('iqama_card_not_printed');
  throw new AppError('iqama_card_not_ready');
}

async function holderAccountId(tx: Executor, idNumber: string): Promise<string | null> {
  const [a] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.idNumber, idNumber)).limit(1);
  return a?.id ?? null;
}

/** The card has arrived at the office: it is ready, and whoever applied is told by SMS. */
export async function markReady(deps: Pick<Deps, 'database' | 'clock' | 'outbox'>, officer: Officer, cardId: string, meta: Meta): Promise<CardListing> {
  const card = await cardAtOffice(deps, officer, cardId);
  if (card.status !== 'printed') refuseFrom(card.status);
  const now = deps.clock.now();
  const { moved, smsIds } = await deps.database.db.transaction(async (tx) => {
    const moved = await moveCard(tx, card.id, 'printed', { status: 'ready', readyAt: now });
    // Another officer marked it first.
    if (!moved) throw new AppError('iqama_card_not_printed');
    await audit(tx, {
      at: now,
      action: 'iqama_card.ready',
      actor: { kind: 'officer', id: officer.accountId },
      subjectAccountId: await holderAccountId(tx, card.holderIdNumber),
      subjectIdNumber: card.holderIdNumber,
      channel: 'office',
      requestId: meta.requestId,
      details: { cardId: card.id, officeId: card.officeId, serviceRequestId: card.requestId },
    });
    // The applicant and, when a delegate applied (staff for an establishment, or for a head of family), the holder of the authority too.
    const ids = [card.applicantAccountId, ...(card.request.onBehalfOfAccountId ? [card.request.onBehalfOfAccountId] : [])];
    const recipients = await tx.select({ mobile: accounts.mobile, language: accounts.language }).from(accounts).where(inArray(accounts.id, ids));
    const smsIds = await Promise.all(
      recipients.map((a) => deps.outbox.enqueue(tx, { to: a.mobile, body: cardReadyNotice(card, a.language), kind: 'notice' })),
    );
    return { moved, smsIds };
  });
  await deps.outbox.deliver(smsIds);
  return { ...card, ...moved };
}

export type CollectorRole = 'holder' | 'establishment_owner' | 'establishment_staff' | 'applicant';

/**
 * Who may collect a card: the holder; for an establishment's card, its owner or staff with an
 * authorization in force; otherwise the head of family or sponsor who applied (the holder of
 * the authority, when a delegate applied for them).
 */
async function collectorRole(tx: Executor, now: Date, card: CardListing, collectorIdNumber: string): Promise<CollectorRole | null> {
  if (collectorIdNumber === card.holderIdNumber) return 'holder';
  if (card.establishmentId) {
    const est = await findOpenedEstablishment(tx, card.establishmentId);
    if (!est) return null;
    const [owner] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, est.ownerAccountId), eq(accounts.idNumber, collectorIdNumber), eq(accounts.status, 'active')))
      .limit(1);
    if (owner) return 'establishment_owner';
    const [staff] = await tx
      .select({ id: delegations.id })
      .from(delegations)
      .innerJoin(accounts, eq(accounts.id, delegations.delegateAccountId))
      .where(
        and(
          eq(delegations.establishmentId, est.id),
          eq(delegations.grantorAccountId, est.ownerAccountId),
          eq(accounts.idNumber, collectorIdNumber),
          eq(accounts.status, 'active'),
          delegationInForceSql(now),
        ),
      )
      .limit(1);
    return staff ? 'establishment_staff' : null;
  }
  const principal = card.request.onBehalfOfAccountId ?? card.applicantAccountId;
  const [a] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, principal), eq(accounts.idNumber, collectorIdNumber)))
    .limit(1);
  return a ? 'applicant' : null;
}

/** The officer hands the card over to the person in front of them, once they have checked who it is. */
export async function handOver(
  deps: Pick<Deps, 'database' | 'clock'>,
  officer: Officer,
  cardId: string,
  collectorIdNumber: string,
  meta: Meta,
): Promise<CardListing & { collectorRole: CollectorRole }> {
  const card = await cardAtOffice(deps, officer, cardId);
  if (card.status !== 'ready') refuseFrom(card.status);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const role = await collectorRole(tx, now, card, collectorIdNumber);
    if (!role) throw new AppError('collector_not_entitled');
    const moved = await moveCard(tx, card.id, 'ready', {
      status: 'handed_over',
      handedOverAt: now,
      handedOverBy: officer.accountId,
      collectedByIdNumber: collectorIdNumber,
    });
    // Another officer handed it over first.
    if (!moved) throw new AppError('iqama_card_already_handed_over');
    await audit(tx, {
      at: now,
      action: 'iqama_card.handed_over',
      actor: { kind: 'officer', id: officer.accountId },
      subjectAccountId: await holderAccountId(tx, card.holderIdNumber),
      subjectIdNumber: card.holderIdNumber,
      channel: 'office',
      requestId: meta.requestId,
      details: { cardId: card.id, officeId: card.officeId, serviceRequestId: card.requestId, collectorRole: role },
    });
    return { ...card, ...moved, collectorRole: role };
  });
}
