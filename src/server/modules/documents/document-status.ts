// A document's status as its holder sees it: what the directorate recorded (replaced, used,
// cancelled) wins; a document still valid on record is expired, expiring soon or valid by date.
import { daysBetween, type IsoDate } from '../../../domain/calendar';

export const DOCUMENT_STATUSES = ['valid', 'expiring_soon', 'expired', 'replaced', 'used', 'cancelled'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export type RecordedStatus = 'valid' | 'replaced' | 'used' | 'cancelled';

/**
 * Ninety days is the longest notice any renewal needs (a passport posted from abroad) and the
 * first of the SMS reminders, so the portal's warning and the reminder agree.
 */
export const EXPIRING_SOON_DAYS = 90;

/** A document is good through its expiry date and expired from the day after. */
export function documentStatus(recorded: RecordedStatus, expiresOn: IsoDate, today: IsoDate): DocumentStatus {
  if (recorded !== 'valid') return recorded;
  const left = daysBetween(today, expiresOn);
  if (left < 0) return 'expired';
  return left <= EXPIRING_SOON_DAYS ? 'expiring_soon' : 'valid';
}
