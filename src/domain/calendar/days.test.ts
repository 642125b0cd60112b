import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, daysBetween, formatDay, fromDayNumber } from './days.js';

describe('addMonths', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });
});

describe('addDays', () => {
  it('crosses month and year ends and the summer-time changes (days have no zone)', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('agrees with day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -1000, max: 1000 }), (n, k) => {
        const d = fromDayNumber(n);
        const e = fromDayNumber(n + k);
        expect(addDays(formatDay(d.year, d.month, d.day), k)).toBe(formatDay(e.year, e.month, e.day));
        expect(dayNumber(d.year, d.month, d.day)).toBe(n);
        expect(daysBetween(formatDay(d.year, d.month, d.day), formatDay(e.year, e.month, e.day))).toBe(k);
      }),
    );
  });
});
