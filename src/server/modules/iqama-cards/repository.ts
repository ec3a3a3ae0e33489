// The iqama cards' rows: read with their office and request, and moved from one status to the
// next by one conditional UPDATE each, so that two officers cannot both move the same card.
import { and, asc, desc, eq, gt, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { iqamaCards, offices, serviceRequests, type CARD_STATUSES } from '../../db/schema';

export type CardStatus = (typeof CARD_STATUSES)[number];
export type CardRow = typeof iqamaCards.$inferSelect;
export type CardListing = CardRow & {
  office: { id: string; nameAr: string; nameEn: string };
  request: { number: string; onBehalfOfAccountId: string | null };
};

export type Page = { offset: number; limit: number };

/**
 * The order of a list: by one of the card's instants, then by id (so that cards of the same
 * instant keep one order from page to page).
 */
export type Order = { by: 'printedAt' | 'readyAt' | 'handedOverAt'; direction: 'asc' | 'desc' };
/** Where the previous page of a list in that order ended. */
export type Cursor = { at: Date; id: string };

const NEWEST_PRINTED: Order = { by: 'printedAt', direction: 'desc' };

const listing = {
  card: iqamaCards,
  office: { id: offices.id, nameAr: offices.nameAr, nameEn: offices.nameEn },
  request: { number: serviceRequests.number, onBehalfOfAccountId: serviceRequests.onBehalfOfAccountId },
};

async function select(db: Executor, where: SQL | undefined, page: Page, order: Order = NEWEST_PRINTED): Promise<CardListing[]> {
  const by = order.direction === 'asc' ? asc : desc;
  const rows = await db
    .select(listing)
    .from(iqamaCards)
    .innerJoin(offices, eq(offices.id, iqamaCards.officeId))
    .innerJoin(serviceRequests, eq(serviceRequests.id, iqamaCards.requestId))
    .where(where)
    .orderBy(by(iqamaCards[order.by]), by(iqamaCards.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({ ...r.card, office: r.office, request: r.request }));
}

/** The cards after the cursor in the order (a keyset: no card is skipped or repeated as others move). */
function after(order: Order, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const column = iqamaCards[order.by];
  const beyond = order.direction === 'asc' ? gt : lt;
  return or(beyond(column, cursor.at), and(eq(column, cursor.at), beyond(iqamaCards.id, cursor.id)));
}

export async function findCard(db: Executor, id: string): Promise<CardListing | null> {
  const [row] = await select(db, eq(iqamaCards.id, id), { offset: 0, limit: 1 });
  return row ?? null;
}

export function cardsOfEstablishment(db: Executor, establishmentId: string, status: CardStatus | undefined, page: Page) {
  return select(db, and(eq(iqamaCards.establishmentId, establishmentId), status ? eq(iqamaCards.status, status) : undefined), page);
}

/**
 * A person's own cards: those they applied for outside an establishment (as head of family or
 * sponsor), those a delegate applied for on their behalf, and their own iqama's.
 */
export function cardsOfPerson(db: Executor, person: { accountId: string; idNumber: string }, status: CardStatus | undefined, page: Page) {
  return select(
    db,
    and(
      or(
        and(isNull(iqamaCards.establishmentId), or(eq(iqamaCards.applicantAccountId, person.accountId), eq(serviceRequests.onBehalfOfAccountId, person.accountId))),
        eq(iqamaCards.holderIdNumber, person.idNumber),
      ),
      status ? eq(iqamaCards.status, status) : undefined,
    ),
    page,
  );
}

/**
 * A page of an office's cards in the order given, after the cursor; `readyBefore`: only those
 * ready since before then (uncollected).
 */
export function cardsAtOffice(
  db: Executor,
  officeId: string,
  filter: { status?: CardStatus | undefined; readyBefore?: Date | undefined },
  order: Order,
  page: { limit: number; after: Cursor | null },
) {
  return select(
    db,
    and(
      eq(iqamaCards.officeId, officeId),
      filter.status ? eq(iqamaCards.status, filter.status) : undefined,
      filter.readyBefore ? and(eq(iqamaCards.status, 'ready'), lt(iqamaCards.readyAt, filter.readyBefore)) : undefined,
      after(order, page.after),
    ),
    { limit: page.limit, offset: 0 },
    order,
  );
}

/** Moves a card if it is still in `from`; null when it was not (another officer moved it first). */
export async function moveCard(tx: Executor, id: string, from: CardStatus, patch: Partial<CardRow> & { status: CardStatus }): Promise<CardRow | null> {
  const [row] = await tx
    .update(iqamaCards)
    .set(patch)
    .where(and(eq(iqamaCards.id, id), eq(iqamaCards.status, from)))
    .returning();
  return row ?? null;
}
