import { describe, expect, it } from 'vitest';
import { defuseCell } from './spreadsheet-cell.js';

describe('defuseCell', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'])('defuses %s', (v) => {
    expect(defuseCell(v)).toBe(`'${v}`);
  });
  it('leaves text, numbers and nulls alone', () => {
    expect(defuseCell('Klotter vid entrén')).toBe('Klotter vid entrén');
    expect(defuseCell(-5)).toBe(-5);
    expect(defuseCell(null)).toBeNull();
  });
});
