// What leaves about an iqama card: its holder's number (the iqama number), expiry in both
// calendars, where and in which status it is. Not who collected it, nor the applicant's account.
// The office's list adds the holder's name, which the officer calls out at the counter.
import { datePair } from '../../../domain/calendar';
import type { HolderName } from './cards';
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

/** A card in the office's queue: the card, and the holder's name (null when the registry has none to give). */
export function presentOfficeCard(card: CardListing, uncollectedBefore: Date, holderName: HolderName | null) {
  return { ...presentCard(card, uncollectedBefore), holderName: holderName && { ar: holderName.ar, en: holderName.en } };
}
