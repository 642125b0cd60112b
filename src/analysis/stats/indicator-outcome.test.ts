import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changePercent, indicatorOutcome } from './indicator-outcome.js';

describe('indicatorOutcome', () => {
  it('calls a 25 % rise worse when fewer is the aim, and better when more is', () => {
    expect(indicatorOutcome(8, 10, 'lower')).toBe('worse');
    expect(indicatorOutcome(8, 10, 'higher')).toBe('better');
    expect(indicatorOutcome(8, 6, 'lower')).toBe('better');
    expect(indicatorOutcome(8, 8, 'higher')).toBe('unchanged');
  });

  it('gives opposite verdicts for opposite directions', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (b, v) => {
        const [lower, higher] = [indicatorOutcome(b, v, 'lower'), indicatorOutcome(b, v, 'higher')];
        expect(lower === 'unchanged' ? higher === 'unchanged' : lower !== higher && higher !== 'unchanged').toBe(true);
      }),
    );
  });
});

describe('changePercent', () => {
  it('rounds to whole percent once, and has no share of a zero baseline', () => {
    expect(changePercent(8, 10)).toBe(25);
    expect(changePercent(3, 4)).toBe(33);
    expect(changePercent(3, 2)).toBe(-33);
    expect(changePercent(0, 5)).toBeNull();
  });
});
