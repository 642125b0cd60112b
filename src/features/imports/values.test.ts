import { describe, expect, it } from 'vitest';
import { looksLikeFormula, parseDateTime, parseNumber, parsePrecision } from './values.js';

const SE = 'Europe/Stockholm';
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('parseNumber', () => {
  it.each([
    ['59,3293', 59.3293],
    ['59.3293', 59.3293],
    ['6 580 822', 6580822],
    ['6\u00a0580\u00a0822,5', 6580822.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['\u221218,07', -18.07],
    [18.07, 18.07],
    ['', null],
    ['59°N', null],
    ['1e5', null],
  ])('reads %j as %j', (raw, expected) => expect(parseNumber(raw)).toBe(expected));
});

describe('parseDateTime', () => {
  it.each([
    ['ISO with zone', '2026-11-25T18:00:00+01:00', '2026-11-25T17:00:00.000Z'],
    ['ISO in UTC with milliseconds', '2026-11-25T17:00:00.250Z', '2026-11-25T17:00:00.250Z'],
    ['police API, unpadded hour', '2026-01-17 7:24:39 +01:00', '2026-01-17T06:24:39.000Z'],
    ['Swedish local time in winter', '2026-11-25 18:00', '2026-11-25T17:00:00.000Z'],
    ['Swedish local time in summer', '2026-07-01 18:00', '2026-07-01T16:00:00.000Z'],
    ['Swedish local date', '2026-11-25', '2026-11-24T23:00:00.000Z'],
    ['day/month/year', '25/11/2026', '2026-11-24T23:00:00.000Z'],
    ['day.month.year with time', '25.11.2026 18.00', '2026-11-25T17:00:00.000Z'],
  ])('reads %s', (_label, text, expected) => expect(iso(parseDateTime(text, 'dmy', SE))).toBe(expected));

  it('reads 01/02/2026 as 1 February by default and 2 January month-first', () => {
    expect(iso(parseDateTime('01/02/2026', 'dmy', SE))).toBe('2026-01-31T23:00:00.000Z');
    expect(iso(parseDateTime('01/02/2026', 'mdy', SE))).toBe('2026-01-01T23:00:00.000Z');
  });

  it('treats a spreadsheet date cell as Swedish wall-clock time', () => {
    expect(iso(parseDateTime(new Date(Date.UTC(2026, 10, 25, 18, 0)), 'dmy', SE))).toBe('2026-11-25T17:00:00.000Z');
  });

  it('gets the daylight-saving changes right', () => {
    // 2026-03-29 02:30 does not exist in Sweden (clocks jump 02→03): read as CET
    expect(iso(parseDateTime('2026-03-29 02:30', 'dmy', SE))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(parseDateTime('2026-03-29 03:30', 'dmy', SE))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(parseDateTime('2026-10-25 01:30', 'dmy', SE))).toBe('2026-10-24T23:30:00.000Z');
  });

  it.each(['31/02/2026', '2026-13-01', '2026-11-25 24:00', 'igår', '25/11/26', '2026-11-25T18:00+15:00', ''])(
    'refuses %j',
    (text) => {
      expect(parseDateTime(text, 'dmy', SE)).toBeNull();
    },
  );
});

describe('looksLikeFormula and parsePrecision', () => {
  it('flags text a spreadsheet would execute, not negative numbers', () => {
    expect(looksLikeFormula('=HYPERLINK("http://x","y")')).toBe(true);
    expect(looksLikeFormula('@SUM(A1)')).toBe(true);
    expect(looksLikeFormula('-18,5')).toBe(false);
    expect(looksLikeFormula('Klotter')).toBe(false);
  });

  it('reads Swedish and English precision names', () => {
    expect(parsePrecision('Plats')).toBe('place');
    expect(parsePrecision('kommun')).toBe('municipality');
    expect(parsePrecision('ungefär')).toBeNull();
  });
});
