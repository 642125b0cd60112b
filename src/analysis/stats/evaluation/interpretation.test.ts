import { describe, expect, it } from 'vitest';
import { differenceInDifferences } from './difference-in-differences.js';
import { weightedDisplacement } from './displacement.js';
import { interpretDifferenceInDifferences, interpretRelativeEffect, percentChangeText } from './interpretation.js';
import { relativeEffect } from './relative-effect.js';

const cells = (a: number, b: number, c: number, d: number) => ({
  treatmentBefore: a,
  treatmentAfter: b,
  comparisonBefore: c,
  comparisonAfter: d,
});

describe('percentage change in words', () => {
  it("writes the issue's example exactly", () => {
    expect(percentChangeText({ percentChange: -32, percentLower: -48, percentUpper: -12, level: 0.95 }, 'sv')).toBe(
      'Minskning med 32 % (95 % KI 12–48 %)',
    );
    expect(percentChangeText({ percentChange: -32, percentLower: -48, percentUpper: -12, level: 0.95 }, 'en')).toBe(
      'A decrease of 32% (95% CI 12–48%)',
    );
  });

  it('writes increases, and intervals that span no change, from both ends', () => {
    expect(percentChangeText({ percentChange: 25, percentLower: 5, percentUpper: 49, level: 0.95 }, 'sv')).toBe(
      'Ökning med 25 % (95 % KI 5–49 %)',
    );
    expect(percentChangeText({ percentChange: -10, percentLower: -30, percentUpper: 15, level: 0.95 }, 'sv')).toBe(
      'Minskning med 10 % (95 % KI från 30 % minskning till 15 % ökning)',
    );
    expect(percentChangeText({ percentChange: 8, percentLower: -20, percentUpper: 45, level: 0.9 }, 'en')).toBe(
      'An increase of 8% (90% CI from a 20% decrease to a 45% increase)',
    );
    expect(percentChangeText({ percentChange: 0.3, percentLower: -20, percentUpper: 25, level: 0.95 }, 'sv')).toBe(
      'Ingen förändring (0 %; 95 % KI från 20 % minskning till 25 % ökning)',
    );
  });
});

describe('relative effect in words', () => {
  // RES = 1.875 → −46.7 % (−65.6 to −17.2), significant (relative-effect.test.ts has the hand calculation).
  const effect = relativeEffect(cells(100, 60, 80, 90));

  it('without a buffer', () => {
    expect(interpretRelativeEffect(effect, 'sv')).toEqual({
      summary: 'Minskning med 47 % (95 % KI 17–66 %), sannolikt inte slump',
      caveats: [],
    });
    expect(interpretRelativeEffect(effect, 'en').summary).toBe(
      'A decrease of 47% (95% CI 17–66%), unlikely to be chance',
    );
  });

  it('with a buffer that moved as the control did: no signs of displacement', () => {
    // Buffer 50 → 45 against control 80 → 90: buffer RES = 4500/3600 = 1.25, interval well across 1.
    const displacement = weightedDisplacement({
      treatment: { before: 100, after: 60 },
      buffer: { before: 50, after: 45 },
      control: { before: 80, after: 90 },
    });
    expect(interpretRelativeEffect(effect, 'sv', { displacement }).summary).toBe(
      'Minskning med 47 % (95 % KI 17–66 %), sannolikt inte slump; inga tecken på förflyttning till buffertområdet',
    );
  });

  it('with a buffer that rose more than the treatment area fell: displacement larger than the effect', () => {
    // Buffer 50 → 120: buffer RES = 4500/9600 = 0.469, z = ln 0.469/0.2279 = −3.32; SM = 60/90 − 100/80 = −0.583,
    // BM = 120/90 − 50/80 = 0.708, WDQ = −1.214.
    const displacement = weightedDisplacement({
      treatment: { before: 100, after: 60 },
      buffer: { before: 50, after: 120 },
      control: { before: 80, after: 90 },
    });
    expect(interpretRelativeEffect(effect, 'sv', { displacement }).summary).toBe(
      'Minskning med 47 % (95 % KI 17–66 %), sannolikt inte slump; tecken på förflyttning till buffertområdet (WDQ \u22121,21), större än den direkta effekten',
    );
    expect(interpretRelativeEffect(effect, 'en', { displacement }).summary).toBe(
      'A decrease of 47% (95% CI 17–66%), unlikely to be chance; signs of displacement into the buffer area (WDQ -1.21), larger than the direct effect',
    );
  });

  it('with a buffer that fell significantly: diffusion of benefits', () => {
    const displacement = weightedDisplacement({
      treatment: { before: 100, after: 60 },
      buffer: { before: 120, after: 50 },
      control: { before: 80, after: 90 },
    });
    expect(interpretRelativeEffect(effect, 'sv', { displacement }).summary).toMatch(
      /; tecken på spridning av nyttan till buffertområdet \(WDQ \d+,\d\d\)$/,
    );
  });

  it('carries the caveats: small counts, a zero cell, a buffer with few events, a before period at a peak, differing pre-trends', () => {
    const small = interpretRelativeEffect(relativeEffect(cells(6, 4, 40, 38)), 'sv');
    expect(small.summary).toMatch(/kan vara slump$/);
    expect(small.caveats.map((c) => c.code)).toEqual(['small-counts']);
    const zero = relativeEffect(cells(7, 0, 30, 30));
    const displacement = weightedDisplacement({
      treatment: { before: 7, after: 0 },
      buffer: { before: 3, after: 2 },
      control: { before: 30, after: 30 },
    });
    const caveats = interpretRelativeEffect(zero, 'en', { displacement, baselineAtPeak: true }).caveats;
    expect(caveats.map((c) => c.code)).toEqual([
      'small-counts',
      'zero-cell',
      'small-buffer-counts',
      'regression-to-mean',
    ]);
    expect(caveats[3]!.text).toMatch(/^Regression to the mean/);
  });
});

describe('difference-in-differences in words', () => {
  it('says why there is no estimate', () => {
    const rows = [{ area: 'a', week: 'w1', count: 3, treated: true, after: false }];
    expect(interpretDifferenceInDifferences(differenceInDifferences(rows), 'sv')).toEqual({
      summary: 'Det finns inget jämförelseområde i underlaget.',
      caveats: [],
    });
  });

  it('reads an estimate like the relative effect and notes the widened interval', () => {
    const weeks = (counts: number[], area: string, treated: boolean) =>
      counts.map((count, i) => ({ area, week: `w${i + 10}`, count, treated, after: i >= 4 }));
    const result = differenceInDifferences([
      ...weeks([20, 2, 25, 3, 2, 9, 1, 8], 'library', true),
      ...weeks([30, 40, 10, 45, 41, 35, 44, 38], 'other', false),
    ]);
    if (!result.ok) throw new Error(result.code);
    const text = interpretDifferenceInDifferences(result, 'sv');
    expect(text.summary).toMatch(/^Minskning med \d+ % \(95 % KI /);
    expect(result.scaled).toBe(true);
    expect(text.caveats.map((c) => c.code)).toEqual(['overdispersion']);
    expect(text.caveats[0]!.text).toMatch(/spridningsfaktor \d+,\d\d\)/);
  });
});
