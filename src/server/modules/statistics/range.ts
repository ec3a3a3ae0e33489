// The days the statistics cover: kingdom calendar days (UTC+3, no daylight saving), from and
// to inclusive, at most a year (366 days). A day runs from 00:00 to 24:00 in Riyadh; as
// instants, [from 00:00+03, the day after `to` 00:00+03), compared with indexed timestamps.
import { addDays, daysBetween, type IsoDate } from '../../../domain/calendar';
import { AppError } from '../../errors';

export const MAX_DAYS = 366;
export const KINGDOM_OFFSET_HOURS = 3;

export type DayRange = { from: IsoDate; to: IsoDate; days: IsoDate[]; start: Date; end: Date };

/** The instant a kingdom day starts. */
export function kingdomDayStart(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - KINGDOM_OFFSET_HOURS * 3600_000);
}

export function dayRange(from: IsoDate, to: IsoDate): DayRange {
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw new AppError('statistics_range_invalid', { from, to });
  if (span > MAX_DAYS) throw new AppError('statistics_range_too_long', { days: span, maxDays: MAX_DAYS });
  const days = Array.from({ length: span }, (_, i) => addDays(from, i));
  return { from, to, days, start: kingdomDayStart(from), end: kingdomDayStart(addDays(to, 1)) };
}

/** The default period: the 30 kingdom days ending today. */
export function defaultRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -29), to: today };
}
