// Dates are read field by field when well formed (src/domain/calendar.ts): the results must be
// those of parsing the string as a date, overflowing days and invalid dates included.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, hijriIso } from '../../src/domain/calendar';

const parsed = (date: string) => new Date(`${date}T00:00:00Z`).getTime();
const byParsing = (from: string, to: string) => Math.round((parsed(to) - parsed(from)) / 86_400_000);

describe('daysBetween', () => {
  it('counts the days as parsing both dates would, across months, leap days and centuries', () => {
    const dates = ['2024-02-28', '2024-02-29', '2024-03-01', '2025-02-28', '2025-03-01', '1999-12-31', '2000-01-01', '2100-03-01', '1446-09-01', '0100-01-01'];
    for (const from of dates) for (const to of dates) expect(daysBetween(from, to), `${from} → ${to}`).toBe(byParsing(from, to));
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-12-05', '2026-11-05')).toBe(-30);
  });

  it('lets a day up to 31 run over into the next month, as the parser does', () => {
    for (const date of ['2025-02-29', '2025-02-30', '2025-02-31', '2025-04-31']) expect(daysBetween('2025-02-01', date), date).toBe(byParsing('2025-02-01', date));
    expect(addDays('2025-02-30', 0)).toBe('2025-03-02');
  });

  it('gives no number for what is not a date, as the parser gives none', () => {
    for (const bad of ['2025-13-01', '2025-00-10', '2025-02-32', '2025-02-00', '2025-1-01', ' 2025-01-01', 'yesterday', '']) {
      expect(Number.isNaN(daysBetween('2025-01-01', bad)), bad).toBe(true);
    }
    expect(() => addDays('2025-13-01', 1)).toThrow(RangeError);
  });

  it('reads a year below 100 as that year, not as 19xx', () => {
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(daysBetween('0050-01-01', '0051-01-01')).toBe(365);
  });
});

describe('the other date arithmetic on the same reading', () => {
  it('adds days and months and gives the Hijri date', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(hijriIso('2025-03-01')).toBe('1446-09-01');
  });
});
