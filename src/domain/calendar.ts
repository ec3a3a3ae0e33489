// Dates as Saudi documents carry them: ISO Gregorian on the wire, shown with the Hijri
// (Umm al-Qura) date beside it.

export type IsoDate = string;

export function isoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Midnight UTC of a date, in milliseconds. A well-formed YYYY-MM-DD is read field by field,
 * which costs a fraction of parsing the string as a date (a workers page compares hundreds of
 * dates); anything else is parsed as before, with the same result (NaN when invalid).
 */
function utcMs(date: IsoDate): number {
  if (ISO_DATE.test(date)) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    // Date.UTC reads years below 100 as 19xx; the parser, like it, lets days up to 31 run over.
    if (y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return Date.UTC(y, m - 1, d);
  }
  return new Date(`${date}T00:00:00Z`).getTime();
}

function utc(date: IsoDate): Date {
  return new Date(utcMs(date));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** Calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = utc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return isoDate(d);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / 86_400_000);
}

/** Age in whole years on a date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const hijriFormatters = {
  ar: new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-arab', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const hijriNumeric = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** The Umm al-Qura date as YYYY-MM-DD (AH), for machines. */
export function hijriIso(date: IsoDate): string {
  let hijri = hijriIsoSeen.get(date);
  if (hijri === undefined) {
    const parts = Object.fromEntries(hijriNumeric.formatToParts(utc(date)).map((p) => [p.type, p.value]));
    hijri = `${parts.year}-${parts.month}-${parts.day}`;
    // The same dates come back on every page (expiry dates, today): formatting is the costly part.
    if (hijriIsoSeen.size >= 20_000) hijriIsoSeen.clear();
    hijriIsoSeen.set(date, hijri);
  }
  return hijri;
}

const hijriIsoSeen = new Map<string, string>();

/** The Umm al-Qura date in words, for people. */
export function hijriText(date: IsoDate, lang: 'ar' | 'en'): string {
  return hijriFormatters[lang].format(utc(date));
}

/** A date as it leaves the API: Gregorian and Hijri side by side. */
export function datePair(date: IsoDate): { gregorian: IsoDate; hijri: string } {
  return { gregorian: date, hijri: hijriIso(date) };
}
