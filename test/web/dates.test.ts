// The portal's day arithmetic for authorization periods: the day is Riyadh's whatever the
// device's zone, and moving a day never lands on the wrong one at a month's or year's end.
import { describe, expect, it } from 'vitest';
import { addDays, riyadhDay } from '../../src/web/shared/dates';

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
