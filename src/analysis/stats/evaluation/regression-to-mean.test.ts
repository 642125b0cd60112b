import { describe, expect, it } from 'vitest';
import { baselineEndsAtPeak } from './regression-to-mean.js';

describe('a before period ending at a peak', () => {
  it('finds the peak: 29 incidents in six weeks, then 28 in two (hand calculation of the test inputs)', () => {
    // Tail = last ⌊8/4⌋ = 2 weeks, 13 + 15 = 28; head = 6 weeks, 29. Under no change the tail holds 2/8 of 57,
    // 14.25 expected against 28 observed: the exact conditional test calls it 'up'.
    const r = baselineEndsAtPeak([5, 4, 6, 5, 5, 4, 13, 15]);
    expect(r).toMatchObject({ atPeak: true, tailWeeks: 2, headWeeks: 6 });
    expect(r.comparison).toMatchObject({ a: 28, b: 29, p0: 0.25, expected: 14.25 });
  });

  it('sees no peak in a flat period, a period ending low, or a period too short to tell', () => {
    expect(baselineEndsAtPeak([5, 5, 5, 5, 5, 5, 5, 5]).atPeak).toBe(false);
    expect(baselineEndsAtPeak([9, 8, 10, 9, 9, 8, 1, 0]).atPeak).toBe(false);
    expect(baselineEndsAtPeak([1, 1, 20])).toMatchObject({ atPeak: false, comparison: null });
  });

  it('compares the last quarter of longer periods: 52 weeks → 13 against 39', () => {
    const weeks = Array.from({ length: 52 }, (_, i) => (i >= 39 ? 9 : 4));
    expect(baselineEndsAtPeak(weeks)).toMatchObject({ atPeak: true, tailWeeks: 13, headWeeks: 39 });
  });
});
