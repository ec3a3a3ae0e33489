// The SMS sent when an iqama card has arrived at the office, in the recipient's language. The
// holder's number is masked: the message names the request, which the account shows in full.
import type { Language } from '../../errors';
import type { CardListing } from './repository';

function masked(idNumber: string): string {
  return `${idNumber.slice(0, 2)}******${idNumber.slice(-2)}`;
}

export function cardReadyNotice(card: Pick<CardListing, 'holderIdNumber' | 'office' | 'request'>, lang: Language): string {
  const holder = masked(card.holderIdNumber);
  if (lang === 'en') {
    return `Absher: the iqama card of ${holder} (request ${card.request.number}) is ready for collection at ${card.office.nameEn}. Bring the collector’s identity.`;
  }
  return `أبشر: بطاقة إقامة ${holder} (الطلب رقم ${card.request.number}) جاهزة للاستلام في ${card.office.nameAr}. يُرجى إحضار هوية المستلم.`;
}
