// The rules of the establishments' pages, without I/O: what a worker's documents warn of, and
// the windows the workers view filters by.
import { daysBetween, type IsoDate } from '../../../domain/calendar';
import type { Text } from '../../services/definition';

/** A document expiring within this many days is flagged. */
export const WARNING_DAYS = 90;
/** The "expiring within" filter of the workers view, in days. */
export const EXPIRING_WINDOWS = ['30', '60', '90'] as const;
export const WORKER_SORTS = ['name', 'id_number', 'iqama_expiry', 'passport_expiry'] as const;
/** The largest page of workers (and of requests). */
export const MAX_PAGE_SIZE = 100;
/** The most workers one bulk iqama renewal names. */
export const MAX_BULK_WORKERS = 100;

export const WARNINGS = {
  iqama_expired: { ar: 'الإقامة منتهية', en: 'The iqama has expired' },
  iqama_expiring: { ar: `تنتهي الإقامة خلال ${WARNING_DAYS} يوماً`, en: `The iqama expires within ${WARNING_DAYS} days` },
  iqama_not_issued: { ar: 'لم تصدر إقامة بعد', en: 'No iqama issued yet' },
  passport_expired: { ar: 'جواز السفر منتهٍ', en: 'The passport has expired' },
  passport_expiring: { ar: `ينتهي جواز السفر خلال ${WARNING_DAYS} يوماً`, en: `The passport expires within ${WARNING_DAYS} days` },
  passport_missing: { ar: 'لا يوجد جواز سفر مسجّل', en: 'No passport on record' },
} as const satisfies Record<string, Text>;
export type WarningCode = keyof typeof WARNINGS;

/** Days from today to the last day of validity: 0 on the last day, negative once expired. */
export function daysLeft(today: IsoDate, expiresOn: IsoDate): number {
  return daysBetween(today, expiresOn);
}

function documentWarning(kind: 'iqama' | 'passport', today: IsoDate, expiresOn: IsoDate): WarningCode | null {
  const left = daysLeft(today, expiresOn);
  if (left < 0) return `${kind}_expired`;
  if (left <= WARNING_DAYS) return `${kind}_expiring`;
  return null;
}

/** What a worker's iqama and passport warn of today, the iqama first. */
export function warningsOf(today: IsoDate, docs: { iqamaExpiresOn: IsoDate | null; passportExpiresOn: IsoDate | null }): WarningCode[] {
  const out: WarningCode[] = [];
  const iqama = docs.iqamaExpiresOn ? documentWarning('iqama', today, docs.iqamaExpiresOn) : 'iqama_not_issued';
  if (iqama) out.push(iqama);
  const passport = docs.passportExpiresOn ? documentWarning('passport', today, docs.passportExpiresOn) : 'passport_missing';
  if (passport) out.push(passport);
  return out;
}
