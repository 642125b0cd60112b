import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { type Column, MARGIN, num, pdfSafe, table } from './pdf-layout.js';

const COLUMNS: Column[] = [
  { title: 'Stadsdel', width: 80 },
  { title: 'Förändr.', width: 42, align: 'right' },
];

/** Where each row of a table starts, read from the text pdfkit draws for the first column. */
function rowTops(rows: string[][]): { tops: number[]; end: number } {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN });
  const tops: number[] = [];
  const text = doc.text.bind(doc);
  doc.text = ((value: string, x?: number, y?: number, options?: object) => {
    if (x === MARGIN + 2 && rows.some((r) => r[0] === value)) tops.push(y!);
    return text(value, x, y, options);
  }) as typeof doc.text;
  table(doc, COLUMNS, rows);
  return { tops, end: doc.y };
}

describe('table', () => {
  it('grows a row to hold a cell that wraps, so the next row starts below it', () => {
    const short = rowTops([
      ['Akalla', '+2'],
      ['Alvik', '+1'],
    ]);
    const wrapped = rowTops([
      ['Akalla', 'ingen jämförelse'],
      ['Alvik', '+1'],
    ]);
    const rowHeight = short.tops[1]! - short.tops[0]!;
    expect(wrapped.tops[1]! - wrapped.tops[0]!).toBeGreaterThan(rowHeight);
  });

  it('keeps one-line rows at one line', () => {
    const { tops } = rowTops([
      ['Akalla', '+2'],
      ['Alvik', '+1'],
      ['Bagarmossen', '0'],
    ]);
    expect(tops[2]! - tops[1]!).toBe(tops[1]! - tops[0]!);
  });
});

describe('pdfSafe and num', () => {
  it('writes the minus sign the standard font lacks as a hyphen-minus and keeps the en dash it has', () => {
    expect(pdfSafe('Nivån ändrades med \u22123,6 (95 % KI \u22124,5 till \u22122,6); 83–93 %')).toBe(
      'Nivån ändrades med -3,6 (95 % KI -4,5 till -2,6); 83–93 %',
    );
    expect(pdfSafe('a → b ₁')).toBe('a -> b ?');
  });

  it('writes zero without a sign, however it was reached', () => {
    expect([num(-0, 2), num(-0.001, 2), num(-0.4), num(-0.6), num(-1234.5, 1)]).toEqual([
      '0,00',
      '0,00',
      '0',
      '-1',
      '-1 234,5',
    ]);
  });
});
