// How long a card has waited, in words: hours on its first day, then days. Counted from the
// device's clock, which is close enough for a queue read at a glance.
import type { TFunction } from 'i18next';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function waitedMs(sinceIso: string, now: number): number {
  return Math.max(0, now - Date.parse(sinceIso));
}

export function waitedText(t: TFunction, ms: number): string {
  if (ms < HOUR) return t('office.cards.lessThanHour');
  if (ms < DAY) return t('office.cards.hours', { count: Math.floor(ms / HOUR) });
  return t('office.cards.days', { count: Math.floor(ms / DAY) });
}
