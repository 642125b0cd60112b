import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityNumberKind, luhnValid, redactPersonalData } from './redact.js';
import { DASHES, SPACES } from './spellings.js';

const withCheckDigit = (nine: string) => nine + [...'0123456789'].find((c) => luhnValid(nine + c))!;
const p2 = (n: number) => String(n).padStart(2, '0');

/** A valid identity number as century, YYMMDD and the last four. */
const identity = fc
  .record({
    century: fc.constantFrom('18', '19', '20'),
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.integer({ min: 1, max: 31 }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
  })
  .map(({ century, yy, mm, dd, serial, coordination }) => {
    const ten = withCheckDigit(
      `${p2(yy)}${p2(mm)}${p2(coordination ? dd + 60 : dd)}${String(serial).padStart(3, '0')}`,
    );
    return { century, date: ten.slice(0, 6), last: ten.slice(6) };
  });

const space = fc.constantFrom('', ...SPACES);
const dash = fc.constantFrom(...DASHES, '+');
/** Any spelling of the grammar: compact or dashed date, with or without century, any separator. */
const spelled = fc
  .record({
    id: identity,
    withCentury: fc.boolean(),
    dashedDate: fc.boolean(),
    dateDash: fc.constantFrom(...DASHES),
    before: space,
    sep: fc.option(dash),
    after: space,
  })
  .map(({ id, withCentury, dashedDate, dateDash, before, sep, after }) => {
    const c = withCentury ? id.century : '';
    const [yy, mm, dd] = [id.date.slice(0, 2), id.date.slice(2, 4), id.date.slice(4, 6)];
    const date = dashedDate ? `${c}${yy}${dateDash}${mm}${dateDash}${dd}` : `${c}${id.date}`;
    const tail = dashedDate || sep !== null ? `${before}${sep ?? '-'}${after}` : before;
    return `${date}${tail}${id.last}`;
  });

/** Characters that make recognisers work hard: digits, every separator, brackets, plate letters, '@'. */
const noise = fc.string({
  unit: fc.constantFrom(
    ...'0123456789',
    ...DASHES,
    ...SPACES,
    '+',
    '.',
    '/',
    '(',
    ')',
    '[',
    ']',
    '@',
    'a',
    'A',
    'B',
    'S',
    'O',
    'å',
    ',',
    '\n',
    'at',
    'dot',
    '46',
  ),
  maxLength: 30,
});
const text = fc.array(fc.oneof(noise, spelled), { maxLength: 6 }).map((parts) => parts.join(' '));

const DIGIT_RUN = /\d+/g;
const SEPARATOR = new RegExp(`^[${SPACES.join('')}]{0,3}(?:[${DASHES.join('')}+][${SPACES.join('')}]{0,3})?$`, 'u');

/** An independent reading of the grammar over digit runs: is any valid identity number left in `s`? */
function leftIdentity(s: string): string | null {
  const runs = [...s.matchAll(DIGIT_RUN)].map((m) => ({ digits: m[0], start: m.index, end: m.index + m[0].length }));
  const valid = (ten: string) => identityNumberKind(ten) !== null;
  const dated = (d: string) => d.length === 6 || (d.length === 8 && /^(18|19|20)/.test(d));
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (
      (r.digits.length === 10 || (r.digits.length === 12 && /^(18|19|20)/.test(r.digits))) &&
      valid(r.digits.slice(-10))
    )
      return r.digits;
    const next = runs[i + 1];
    if (
      next &&
      dated(r.digits) &&
      next.digits.length === 4 &&
      SEPARATOR.test(s.slice(r.end, next.start)) &&
      valid(r.digits.slice(-6) + next.digits)
    )
      return s.slice(r.start, next.end);
    const [b, c, d] = [runs[i + 1], runs[i + 2], runs[i + 3]];
    const oneDash = (from: number, to: number) =>
      to - from === 1 && DASHES.includes(s[from] as (typeof DASHES)[number]);
    if (
      b &&
      c &&
      d &&
      (r.digits.length === 2 || dated(`${r.digits}0000`)) &&
      r.digits.length <= 4 &&
      b.digits.length === 2 &&
      c.digits.length === 2 &&
      d.digits.length === 4 &&
      oneDash(r.end, b.start) &&
      oneDash(b.end, c.start) &&
      /[-–—−‑+]/.test(s.slice(c.end, d.start)) &&
      SEPARATOR.test(s.slice(c.end, d.start)) &&
      valid(r.digits.slice(-2) + b.digits + c.digits + d.digits)
    )
      return s.slice(r.start, d.end);
  }
  return null;
}

describe('redaction of arbitrary text', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), text), (s) => {
        redactPersonalData(s);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: what it leaves, a second pass leaves too', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = redactPersonalData(s).text;
        expect(redactPersonalData(once)).toEqual({ text: once, count: 0, kinds: {} });
      }),
      { numRuns: 3000 },
    );
  });

  it('never leaves a valid personnummer or samordningsnummer, in any spelling', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(leftIdentity(redactPersonalData(s).text)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('the check above finds an identity number that is left', () => {
    expect(leftIdentity('pnr 1985-03-12 – 1231')).toBe('1985-03-12 – 1231');
    expect(leftIdentity('pnr 811218\u00a09876')).toBe('811218\u00a09876');
  });
});
