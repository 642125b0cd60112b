import { describe, expect, it } from 'vitest';
import { generatedSpellings, NEGATIVES } from '../../../tests/factories/spellings.factory.js';
import { type RedactionKind, redactPersonalData } from './redact.js';

const KINDS: readonly RedactionKind[] = [
  'personnummer',
  'samordningsnummer',
  'telefon',
  'e-post',
  'registreringsnummer',
];
const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);

describe('recall and false positives over the spellings people type', () => {
  const spellings = generatedSpellings();
  const missed = spellings.filter((s) => redactPersonalData(s.text).text !== s.expected);
  const negatives = NEGATIVES.map(([tempts, text]) => ({ tempts, text, r: redactPersonalData(text) }));

  it('prints recall and the false-positive rate per kind', () => {
    const rows = KINDS.map((kind) => {
      const of = spellings.filter((s) => s.kind === kind).length;
      const miss = missed.filter((s) => s.kind === kind).length;
      const fp = negatives.filter((n) => (n.r.kinds[kind] ?? 0) > 0).length;
      return `${kind.padEnd(20)} ${String(of).padStart(7)} ${pct(of - miss, of).padStart(8)} ${String(fp).padStart(4)}/${negatives.length} ${pct(fp, negatives.length).padStart(7)}`;
    });
    console.log(['kind                 spelled   recall   false pos.   rate', ...rows].join('\n'));
    expect(rows).toHaveLength(KINDS.length);
  });

  it('removes every generated spelling in every context, and only it', () => {
    expect(missed.slice(0, 10).map((s) => JSON.stringify(s.text))).toEqual([]);
  });

  it('leaves every negative unchanged', () => {
    expect(negatives.filter((n) => n.r.count > 0).map((n) => `${n.tempts}: ${n.r.text}`)).toEqual([]);
  });
});
