// How the statistics read: counts with Latin digits and thousands separators (as identity
// numbers and amounts are written), shares as percentages, durations in hours, days short on
// a chart's axis and in both calendars elsewhere.
import { dateFormatter } from '../../shared/dates';

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A share of 0 to 1 as a percentage with one decimal. */
export function formatShare(share: number): string {
  return `${(share * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

export function formatHours(hours: number): string {
  return hours.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A kingdom day (YYYY-MM-DD) short, for a chart's axis: "12 Nov" or "12 نوفمبر". */
export function shortDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateFormatter(`${language === 'en' ? 'en' : 'ar'}-SA-u-ca-gregory-nu-latn`, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
