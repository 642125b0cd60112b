/**
 * Seeded random counts for the simulation tests of the evaluation statistics: Poisson counts, and
 * overdispersed (gamma–Poisson, i.e. negative binomial) weekly counts like those of a real place.
 */
import { seededUniform } from '../../src/analysis/stats/seeded-random.js';

/** A seeded source of counts: the same seed gives the same sequence on every machine. */
export interface CountSource {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Poisson with mean λ, by sequential inversion (exact; fine for the means used in tests, λ < 700). */
  poisson(mean: number): number;
  /** Negative binomial with the given mean and variance mean + mean²/size (gamma-mixed Poisson). */
  negativeBinomial(mean: number, size: number): number;
}

/**
 * A count source from a seed.
 * @example const source = countSource(7); source.poisson(12); // the same value for seed 7 every time
 */
export function countSource(seed: number): CountSource {
  const uniform = seededUniform(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia & Tsang (2000) for shape ≥ 1, boosted by U^(1/shape) below 1.
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * (1 - uniform()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const poisson = (mean: number): number => {
    if (mean <= 0) return 0;
    const u = uniform();
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    while (u > cdf && k < 10_000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  };
  return {
    uniform,
    normal,
    poisson,
    negativeBinomial: (mean, size) => poisson((mean * gamma(size)) / size),
  };
}
