// Saudi documents carry Hijri (Umm al-Qura) dates beside Gregorian ones. Times are shown in
// Saudi time, whatever the device's zone, so that a date means the same day to everyone.
// Latin digits match how identity numbers and mobiles are written.
import type { Language } from '../app/language';

const TIME_ZONE = 'Asia/Riyadh';

const isDateOnly = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, kept: building one costs a hundred times more than
 * formatting with it, and a page of workers shows a hundred dates, each in two calendars.
 */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function parse(iso: string): Date | null {
  const d = new Date(isDateOnly(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export type DualDateText = { gregorian: string; hijri: string };

export function formatDual(iso: string, language: Language, withTime = !isDateOnly(iso)): DualDateText | null {
  const date = parse(iso);
  if (!date) return null;
  // A date without a time is a calendar day: formatting it in UTC keeps the day it names.
  const timeZone = isDateOnly(iso) ? 'UTC' : TIME_ZONE;
  const gregorian = dateFormatter(`${language}-SA-u-ca-gregory-nu-latn`, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone,
  }).format(date);
  const hijri = dateFormatter(`${language}-SA-u-ca-islamic-umalqura-nu-latn`, { dateStyle: 'long', timeZone }).format(date);
  return { gregorian, hijri };
}

/** Today, or the day of `at`, in Riyadh: the day authorizations and the kingdom's records are dated by. */
export function riyadhDay(at: Date): string {
  return dateFormatter('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A calendar day (YYYY-MM-DD) moved by whole days, without a time zone to shift it. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
