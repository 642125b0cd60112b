import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitSurveyRow, planColumns, repeatedRows, type SurveyLookups } from './survey-rows.js';

const SURVEY = 's1';
const lookups: SurveyLookups = {
  surveys: new Map([['stadens mätning', SURVEY]]),
  areas: new Map([['farsta|stadsdelsomrade', 'a1']]),
  questions: new Map([
    [`${SURVEY}|otrygg sent en kväll`, { id: 'q1', options: ['Ja', 'Nej', 'Vet ej'], keyOption: 'Ja' }],
  ]),
};
const header = [
  'Undersökning',
  'År',
  'Område',
  'Nivå',
  'Fråga',
  'Svarande',
  'andel: Ja',
  'andel: Nej',
  'andel: Vet ej',
];
const { plan } = planColumns(header);
const row = (respondents: string, ja: string, nej: string, vetEj: string) =>
  admitSurveyRow(
    2,
    ['Stadens mätning', '2023', 'Farsta', 'stadsdelsomrade', 'Otrygg sent en kväll', respondents, ja, nej, vetEj],
    plan,
    header,
    lookups,
  );

describe('survey rows', () => {
  it('reads the Swedish column names and names matched without case or extra spaces', () => {
    expect(planColumns(header).issues).toEqual([]);
    const ok = row('1 200', '12,5', '80', '7,5');
    expect(ok).toEqual({
      ok: true,
      value: {
        row: 2,
        questionId: 'q1',
        surveyAreaId: 'a1',
        year: 2023,
        respondents: 1200,
        source: null,
        shares: [
          { option: 'Ja', share: 12.5 },
          { option: 'Nej', share: 80 },
          { option: 'Vet ej', share: 7.5 },
        ],
      },
    });
  });

  it('accepts published rounding: all options within 1.5 points of 100, some options at most 101.5', () => {
    expect(row('', '12', '81', '8').ok).toBe(true);
    expect(row('', '12', '80', '').ok).toBe(true);
    const off = row('', '12', '70', '8');
    expect(off.ok === false && off.issues.map((i) => [i.code, i.params])).toEqual([['shares_not_100', { sum: 90 }]]);
  });

  it('accepts any shares within 0–100 whose sum is at most 100, and refuses every sum above 101.5', () => {
    const share = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);
    fc.assert(
      fc.property(share, share, (ja, nej) => {
        const result = row('', String(ja), String(nej), '');
        if (ja + nej <= 100) expect(result.ok).toBe(true);
        if (ja + nej > 101.5)
          expect(result.ok === false && result.issues.map((i) => i.code)).toEqual(['shares_exceed_100']);
      }),
    );
  });

  it('refuses any negative number of respondents, naming the value in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: -1 }), (n) => {
        const result = row(String(n), '10', '', '');
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues).toEqual([
          expect.objectContaining({
            row: 2,
            column: 'Svarande',
            code: 'negative_count',
            messages: {
              sv: `Antalet svarande kan inte vara negativt (${n}).`,
              en: `The number of respondents cannot be negative (${n}).`,
            },
          }),
        ]);
      }),
    );
  });

  it('names a row that repeats an earlier one', () => {
    const first = row('', '10', '', '');
    if (!first.ok) throw new Error('expected an accepted row');
    const again = { ...first.value, row: 7 };
    expect(repeatedRows([first.value, again])).toEqual([
      expect.objectContaining({ row: 7, code: 'duplicate_row', params: { row: 2 } }),
    ]);
  });
});
