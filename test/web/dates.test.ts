// The portal's day arithmetic for authorization periods: the day is Riyadh's whatever the
// device's zone, and moving a day never lands on the wrong one at a month's or year's end.
// And its dates as shown: both calendars, Latin digits, a moment in Riyadh's time.
import { describe, expect, it } from 'vitest';
import { addDays, formatDual, riyadhDay } from '../../src/web/shared/dates';

describe('riyadhDay', () => {
  it('is already the next day in Riyadh at 21:00 UTC (UTC+3)', () => {
    expect(riyadhDay(new Date('2026-05-15T20:59:59Z'))).toBe('2026-05-15');
    expect(riyadhDay(new Date('2026-05-15T21:00:00Z'))).toBe('2026-05-16');
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-05-15', 90, '2026-08-13'],
  ] as const)('%s moved by %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});

describe('formatDual', () => {
  it('writes a calendar day in both calendars, in either language, with Latin digits', () => {
    expect(formatDual('2026-05-15', 'en')).toEqual({ gregorian: 'May 15, 2026', hijri: expect.stringMatching(/Qi.dah 28, 1447/) });
    const ar = formatDual('2026-05-15', 'ar')!;
    expect(ar.hijri).toMatch(/^28 ذو القعدة 1447/);
    expect(ar.gregorian).toBe('15 مايو 2026');
  });

  it('gives a moment its Riyadh time, and a calendar day none, in any order (the formatters are kept)', () => {
    expect(formatDual('2026-05-15T21:30:00Z', 'en')?.gregorian).toBe('May 16, 2026 at 12:30 AM');
    expect(formatDual('2026-05-15', 'en')?.gregorian).toBe('May 15, 2026');
    expect(formatDual('2026-05-15T21:30:00Z', 'en', false)?.gregorian).toBe('May 16, 2026');
    expect(formatDual('2026-05-15T21:30:00Z', 'en')?.gregorian).toBe('May 16, 2026 at 12:30 AM');
  });

  it('is nothing for what is not a date', () => {
    expect(formatDual('not a date', 'en')).toBeNull();
  });
});
