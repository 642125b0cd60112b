import { describe, expect, it } from 'vitest';
import { background, csr, diskGrid, negbin, runStudy, transitWeights } from '../bench/hotspot-null-model.js';

/**
 * A small version of bench/hotspot-null-study.ts (docs/situation.md has the full table): on null weeks
 * without any hotspot, the report's "unusual for this place" test (own 52-week baseline, negative binomial,
 * BH-FDR α = 0.10) raises a false hot cell in at most 15 % of weeks under each of the three null models,
 * while Gi* with the exact-binomial p flags busy-as-usual cells in nearly every week of a stable uneven background.
 */
describe('hotspot null study (small)', () => {
  const grid = diskGrid(59.3293, 18.0686, 7); // 169 cells
  const { weights, label } = transitWeights(grid);
  const WEEKS = 40;
  const BOUND = 0.15;

  it.each([
    { name: '(a) complete spatial randomness', model: csr(grid, 1) },
    { name: '(b) negative binomial, size 1', model: negbin(grid, 1, 1) },
    { name: '(c) stable uneven background', model: background(grid, weights, 1, label) },
  ])('the baseline test keeps weeks with a false hot cell under 15 %: $name', ({ model }) => {
    const [r] = runStudy({ grid, model, weeks: WEEKS, seed: 20261206, alpha: 0.1, methods: ['baseline'] });
    expect(r!.weeksWithFalse).toBeLessThanOrEqual(BOUND);
  });

  it('Gi* with the exact-binomial p does not: on (c) it calls busy-as-usual cells hot in most weeks', () => {
    const [r] = runStudy({
      grid,
      model: background(grid, weights, 1, label),
      weeks: 20,
      seed: 20261206,
      alpha: 0.1,
      methods: ['exact-binomial'],
    });
    expect(r!.weeksWithFalse).toBeGreaterThan(0.8);
  });

  it('and the baseline test still finds a real new spike (+12 incidents in one cell) in most weeks', () => {
    const [r] = runStudy({
      grid,
      model: background(grid, weights, 1, label),
      weeks: 20,
      seed: 7,
      alpha: 0.1,
      methods: ['baseline'],
      spike: 12,
    });
    expect(r!.detected).toBeGreaterThanOrEqual(0.7);
  });
});
