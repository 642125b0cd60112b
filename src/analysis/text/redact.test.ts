import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityNumberKind, luhnValid, redactPersonalData } from './redact.js';

/** Builds a valid ten-digit identity number by computing the Luhn check digit. */
function withCheckDigit(nine: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(nine + c)) return nine + c;
  throw new Error('unreachable');
}

const validIdentity = fc
  .record({
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.integer({ min: 1, max: 28 }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
  })
  .map(({ yy, mm, dd, serial, coordination }) => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    return withCheckDigit(`${p2(yy)}${p2(mm)}${p2(coordination ? dd + 60 : dd)}${String(serial).padStart(3, '0')}`);
  });

const written = fc
  .tuple(validIdentity, fc.constantFrom('', '19', '20'), fc.constantFrom('', '-', '+', ' '))
  .map(([ten, century, sep]) => `${century}${ten.slice(0, 6)}${sep}${ten.slice(6)}`);

describe('identity numbers', () => {
  it('accepts the Skatteverket example 811218-9876 and rejects a wrong check digit', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(identityNumberKind('8112189876')).toBe('personnummer');
    expect(identityNumberKind('8112189875')).toBeNull();
  });

  it('recognises a samordningsnummer (day + 60)', () => {
    expect(identityNumberKind(withCheckDigit('811278987'))).toBe('samordningsnummer');
  });

  it('leaves no valid personnummer or samordningsnummer in any text, however written', () => {
    fc.assert(
      fc.property(fc.string(), written, fc.string(), (before, id, after) => {
        const { text, count } = redactPersonalData(`${before} ${id} ${after}`);
        expect(count).toBeGreaterThanOrEqual(1);
        const digitsOnly = id.replace(/\D/g, '').slice(-10);
        expect(text.replace(/\D/g, '')).not.toContain(digitsOnly);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps ordinary numbers such as years, counts and times', () => {
    const input = 'Tre personer vid entrén kl 21:15 den 2026-11-20, ca 40 tags på 1200 m².';
    expect(redactPersonalData(input)).toEqual({ text: input, count: 0, kinds: {} });
  });
});

describe('other personal data', () => {
  it.each([
    ['Mejla anna.svensson@example.se om detta', 'Mejla [e-post] om detta', 'e-post'],
    ['Ring 070-123 45 67 efter åtta', 'Ring [telefon] efter åtta', 'telefon'],
    ['Ring +46 70 123 45 67', 'Ring [telefon]', 'telefon'],
    ['Växeln 08-508 000 00', 'Växeln [telefon]', 'telefon'],
    ['Bilen ABC 123 stod på gräset', 'Bilen [registreringsnummer] stod på gräset', 'registreringsnummer'],
    ['Bil ABC12A utan skyltar', 'Bil [registreringsnummer] utan skyltar', 'registreringsnummer'],
  ])('redacts %s', (input, expected, kind) => {
    const r = redactPersonalData(input);
    expect(r.text).toBe(expected);
    expect(r.kinds).toEqual({ [kind]: 1 });
  });

  it('counts several findings', () => {
    const r = redactPersonalData('19811218-9876 och 811218-9876, a@b.se');
    expect(r.count).toBe(3);
    expect(r.kinds).toEqual({ personnummer: 2, 'e-post': 1 });
  });
});

describe('the spellings people type (issue examples)', () => {
  it.each([
    ['pnr 811218–9876', 'pnr [personnummer]'],
    ['pnr 811218 - 9876', 'pnr [personnummer]'],
    ['pnr 811218\u00a09876', 'pnr [personnummer]'],
    ['född 1985-03-12-1231', 'född [personnummer]'],
    ['Ring (08) 123 45 67', 'Ring [telefon]'],
    ['Ring 08/123 45 67', 'Ring [telefon]'],
    ['Ring 070.123.45.67', 'Ring [telefon]'],
    ['Ring 070 - 123 45 67', 'Ring [telefon]'],
    ['Ring 070–123 45 67', 'Ring [telefon]'],
    ['Ring +46 (0)70-123 45 67', 'Ring [telefon]'],
    ['Bilen abc123 stod kvar', 'Bilen [registreringsnummer] stod kvar'],
    ['Bilen Abc 123 stod kvar', 'Bilen [registreringsnummer] stod kvar'],
    ['Skriv till anna [at] example.se', 'Skriv till [e-post]'],
    ['Skriv till anna(at)example(dot)se', 'Skriv till [e-post]'],
  ])('redacts %j', (input, expected) => {
    expect(redactPersonalData(input).text).toBe(expected);
  });

  it.each([
    'Datum 01-07-2023',
    'Öppet 0800-1000',
    'Öppet 08.00–10.00',
    'OCR 0401234567',
    'Fakturanummer 0412345678',
    'Ring SOS 112',
    'Med 200 personer',
    'SEK 100',
  ])('keeps %j', (input) => {
    expect(redactPersonalData(input)).toEqual({ text: input, count: 0, kinds: {} });
  });
});
