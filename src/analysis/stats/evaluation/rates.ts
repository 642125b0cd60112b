/**
 * Rates with denominators, so that a large library and a small one compare fairly: incidents per 10,000
 * visitors, or per 100 opening hours. The count is Poisson; the denominator is known. The interval is the
 * exact (Garwood) one from change.ts by default, or Byar's approximation (Breslow & Day 1987, Statistical
 * Methods in Cancer Research II, p. 69), which is what many epidemiology tables print and is within a few
 * per cent of the exact one from about 10 events.
 */
import { type CountComparison, compareCounts, poissonExactCi } from '../change.js';
import { normalQuantile } from '../special.js';

/** Options of `rateWithInterval`. */
export interface RateOptions {
  /** The rate is per this many denominator units (default 10,000: per 10,000 visitors). */
  per?: number;
  /** 'exact' (default, Garwood) or 'byar'. */
  method?: 'exact' | 'byar';
  level?: number;
}

/** A rate with its interval, per `per` units of the denominator. */
export interface Rate {
  count: number;
  denominator: number;
  per: number;
  rate: number;
  lower: number;
  upper: number;
  level: number;
  method: 'exact' | 'byar';
}

function checkRateInput(count: number, denominator: number, per: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!(denominator > 0) || !Number.isFinite(denominator))
    throw new RangeError(`denominator must be positive, got ${denominator}`);
  if (!(per > 0) || !Number.isFinite(per)) throw new RangeError(`per must be positive, got ${per}`);
}

/**
 * Byar's interval for a Poisson count a: lower a·(1 − 1/(9a) − z/(3√a))³, upper (a+1)·(1 − 1/(9(a+1)) + z/(3√(a+1)))³;
 * the lower bound is 0 for a = 0.
 * @example byarInterval(10) // { lower: 4.7874, upper: 18.3915 }
 */
export function byarInterval(count: number, level = 0.95): { lower: number; upper: number } {
  checkRateInput(count, 1, 1);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const next = count + 1;
  const lower = count === 0 ? 0 : count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  return { lower: Math.max(0, lower), upper: next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3 };
}

/**
 * A count over its denominator, scaled per `per` units, with a Poisson interval.
 * @example rateWithInterval(12, 48_000) // 2.5 per 10,000 visitors, exact 95 % CI 1.29–4.37
 */
export function rateWithInterval(count: number, denominator: number, options: RateOptions = {}): Rate {
  const { per = 10_000, method = 'exact', level = 0.95 } = options;
  checkRateInput(count, denominator, per);
  const interval = method === 'exact' ? poissonExactCi(count, { level }) : byarInterval(count, level);
  const scale = per / denominator;
  return {
    count,
    denominator,
    per,
    rate: count * scale,
    lower: interval.lower * scale,
    upper: interval.upper * scale,
    level,
    method,
  };
}

/** Two places' rates and the comparison of the first against the second. */
export interface RateComparison {
  first: Rate;
  second: Rate;
  /** Exact conditional test and rate ratio (first/second) with its interval, from change.ts. */
  comparison: CountComparison;
}

/**
 * Compares two rates (two libraries, or one library in two periods): the rate ratio with its log-method
 * interval and the exact conditional test, with each denominator as the exposure.
 * @example compareRates(30, 100_000, 12, 20_000) // rates 3 and 6 per 10,000; ratio 0.5
 */
export function compareRates(
  count: number,
  denominator: number,
  referenceCount: number,
  referenceDenominator: number,
  options: RateOptions = {},
): RateComparison {
  const first = rateWithInterval(count, denominator, options);
  const second = rateWithInterval(referenceCount, referenceDenominator, options);
  // Exposures in units of `per` keep the numbers moderate; only their ratio matters to the test and the ratio.
  const comparison = compareCounts(count, referenceCount, {
    exposure: denominator / first.per,
    referenceExposure: referenceDenominator / first.per,
    level: first.level,
  });
  return { first, second, comparison };
}
