import { describe, expect, it } from 'vitest';
import { decimalsFor, interpretInterruptedTimeSeries, interpretPatternTest } from './interpretation-series.js';
import { interruptedTimeSeries } from './interrupted-time-series.js';
import { spatialPointPatternTest } from './spatial-point-pattern.js';

describe('interrupted time series in words', () => {
  it('reads the hand-worked series of interrupted-time-series.test.ts', () => {
    // Level change −6.4 ± 2.776445·0.877496 = −8.84 to −3.96; slope change −0.8 ± 1.0389 = −1.84 to 0.24.
    const r = interpretInterruptedTimeSeries(interruptedTimeSeries([2, 4, 5, 8, 3, 4, 6, 6], 4), 'sv');
    expect(r.summary).toBe(
      'Nivån ändrades med \u22126,4 vid åtgärden (95 % KI \u22128,8 till \u22124,0), sannolikt inte slump; trenden ändrades med \u22120,8 per period (95 % KI \u22121,8 till 0,2), kan vara slump',
    );
    // r₁ = −0.6 is negative, which makes the errors conservative: only the short series is noted.
    expect(r.caveats.map((c) => c.code)).toEqual(['few-points']);
  });

  it('shows a small weekly trend with the decimals it needs, not as 0,0', () => {
    expect([decimalsFor([0.03, -0.01, 0.07], 1), decimalsFor([0.4, 0.2], 1), decimalsFor([2.5, 0.001], 1)]).toEqual([
      3, 2, 1,
    ]);
    expect([decimalsFor([0, 0], 1), decimalsFor([1e-9], 1)]).toEqual([1, 4]);
    // A slow rise: 0.05 a week before, level drop 3, then 0.02 a week less; no noise beyond a small wobble.
    const weeks = Array.from(
      { length: 40 },
      (_, t) => 10 + 0.05 * t + (t >= 20 ? -3 - 0.02 * (t - 20) : 0) + (t % 2) * 0.1,
    );
    const r = interpretInterruptedTimeSeries(interruptedTimeSeries(weeks, 20), 'sv');
    expect(r.summary).toMatch(/trenden ändrades med \u22120,0\d\d per period/);
  });

  it('warns of positive autocorrelation', () => {
    const wave = Array.from({ length: 30 }, (_, t) => 10 + 3 * Math.sin(t / 3) + (t >= 15 ? -2 : 0));
    const result = interruptedTimeSeries(wave, 15);
    expect(result.autocorrelation).toBe('positive');
    const r = interpretInterruptedTimeSeries(result, 'en');
    expect(r.summary).toMatch(/^The level changed by /);
    expect(r.caveats.map((c) => c.code)).toEqual(['autocorrelation']);
    expect(r.caveats[0]!.text).toMatch(/Durbin–Watson \d\.\d\d/);
    const { lower, upper } = result.robust.levelChange;
    expect(r.caveats[0]!.text).toContain(
      `Newey–West errors the level change's 95% CI is ${lower.toFixed(1)} to ${upper.toFixed(1)}.`,
    );
  });
});

describe('pattern test in words', () => {
  it('says the pattern is the same, or how it changed', () => {
    expect(
      interpretPatternTest(spatialPointPatternTest([2, 2, 4], [1, 1, 2], { samplePercent: 100 }), 'sv').summary,
    ).toBe('S-index 1,00 (robust 1,00): mönstret inom området är i stort sett detsamma');
    expect(interpretPatternTest(spatialPointPatternTest([2, 2], [1, 3], { samplePercent: 100 }), 'sv').summary).toBe(
      'S-index 0,00 (robust 0,00): mönstret har ändrats; 1 av 2 enheter har en större andel av händelserna än förut och 1 en mindre',
    );
  });
});
