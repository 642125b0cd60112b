import { describe, expect, it } from 'vitest';
import { addMonths } from './months.js';

describe('addMonths', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });
});
