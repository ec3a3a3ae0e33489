// What leaves about an iqama card: its holder's number (the iqama number), expiry in both
// calendars, where and in which status it is. Not who collected it, nor the applicant's account.
import { datePair } from '../../../domain/calendar';
import type { CardListing } from './repository';

export function presentCard(card: CardListing, uncollectedBefore: Date) {
  return {
    id: card.id,
    requestId: card.requestId,
    requestNumber: card.request.number,
    holderIdNumber: card.holderIdNumber,
    expiresOn: datePair(card.expiresOn),
    establishmentId: card.establishmentId,
    office: { id: card.office.id, name: { ar: card.office.nameAr, en: card.office.nameEn } },
    status: card.status,
    printedAt: card.printedAt.toISOString(),
    readyAt: card.readyAt?.toISOString() ?? null,
    handedOverAt: card.handedOverAt?.toISOString() ?? null,
    uncollected: card.status === 'ready' && card.readyAt !== null && card.readyAt < uncollectedBefore,
  };
}
