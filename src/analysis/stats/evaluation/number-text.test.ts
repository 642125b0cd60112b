import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatSigned } from './number-text.js';

describe('numbers in interpretation texts', () => {
  it('writes Swedish with decimal comma, space between thousands and the minus sign U+2212', () => {
    expect(formatNumber(-12345.67, 'sv', 1)).toBe('\u221212 345,7');
    expect(formatNumber(1234567, 'sv')).toBe('1 234 567');
    expect(formatNumber(0.5, 'sv', 2)).toBe('0,50');
  });

  it('writes English with decimal point and comma between thousands', () => {
    expect(formatNumber(-12345.67, 'en', 1)).toBe('-12,345.7');
    expect(formatPercent(32, 'en')).toBe('32%');
  });

  it('puts a space before the per cent sign in Swedish and never writes a negative zero', () => {
    expect(formatPercent(32, 'sv')).toBe('32 %');
    expect(formatPercent(-12.4, 'sv')).toBe('\u221212 %');
    expect(formatNumber(-0.04, 'sv', 1)).toBe('0,0');
    expect(formatSigned(-0.04, 'sv', 1)).toBe('0,0');
    expect(formatSigned(0.7, 'sv', 1)).toBe('+0,7');
    expect(formatSigned(-1.2, 'sv', 1)).toBe('\u22121,2');
  });

  it('reads back to the rounded number, with no hyphen or no-break space in Swedish', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, digits) => {
        const text = formatNumber(x, 'sv', digits);
        expect(text).not.toMatch(/[-\u00a0\u202f]/);
        const back = Number(text.replace(/ /g, '').replace('\u2212', '-').replace(',', '.'));
        expect(back).toBeCloseTo(Math.round(x * 10 ** digits) / 10 ** digits, 6);
      }),
    );
  });
});
