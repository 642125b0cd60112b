import { describe, expect, it } from 'vitest';
import { plainNumber, signedNumber, swedishDay, swedishWeek } from './labels.js';

describe('Swedish document labels', () => {
  it('write days and ISO weeks as a Swedish document does', () => {
    expect(swedishDay('2026-03-29')).toBe('29 mars 2026');
    expect(swedishWeek('2026-W05')).toBe('vecka 5 2026');
    expect(swedishWeek('2025-W53')).toBe('vecka 53 2025');
  });

  it('write numbers with a plain space between thousands and an ASCII sign', () => {
    expect(plainNumber(2504)).toBe('2 504');
    expect(plainNumber(1234567.891)).toBe('1 234 567,89');
    expect(signedNumber(1304)).toBe('+1 304');
    expect(signedNumber(-5)).toBe('-5');
  });
});
