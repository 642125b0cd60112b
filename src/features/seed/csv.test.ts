import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"Kista bibliotek","in ""Kista Galleria"", 2,400 m²"\r\nTensta,"two\nlines"\n';
    expect(parseCsv(text)).toEqual([
      { name: 'Kista bibliotek', note: 'in "Kista Galleria", 2,400 m²' },
      { name: 'Tensta', note: 'two\nlines' },
    ]);
  });

  it('keeps empty fields and ignores a byte-order mark and a missing final newline', () => {
    expect(parseCsv('\uFEFFa,b,c\n1,,3')).toEqual([{ a: '1', b: '', c: '3' }]);
  });

  it('refuses a row whose field count differs from the header', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(/inside a quoted field/);
  });
});
