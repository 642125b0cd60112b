/**
 * Did the pattern change inside an area between two periods? Andresen's spatial point pattern test (Andresen
 * 2009, "Testing for similarity in area-based spatial patterns", Applied Geography 29:333), as the R package
 * sppt (Steenbeek et al.) runs it: units i = 1…m (street segments, grid cells, or a library's indoor zones)
 * with a base count (before) and a test count (after). 200 times, 85 % of the test events are drawn without
 * replacement and each unit's share of the sample is noted; a unit is similar when its base share lies inside
 * the middle 95 % of those shares (ranks ⌊0.025·200⌋+1 = 6 to ⌈0.975·200⌉ = 195). The global S-index is the
 * share of similar units (≥ 0.8 is usually read as "the same pattern"); the robust S leaves out units with no
 * events in either period, which are trivially similar. The draws come from a seeded generator so that the
 * same data give the same answer on every machine.
 * Only the test events are resampled, so the base period's own chance variation is not in the interval: two
 * draws of one pattern already differ in many units, and with many events trivial differences count as
 * changes (Wheeler, Steenbeek & Andresen 2018, Transactions in GIS 22:760). Read S against 0.8 and look at the shares.
 */
import { seededUniform } from '../seeded-random.js';

/** Options of `spatialPointPatternTest`. */
export interface SpptOptions {
  /** Resamples (default 200, as Andresen). */
  samples?: number;
  /** Percentage of the test events in each resample (default 85). */
  samplePercent?: number;
  /** Coverage of each unit's interval (default 0.95). */
  level?: number;
  /** Seed of the random draws (default 1); report it with the result. */
  seed?: number;
}

/** One unit's outcome. */
export interface SpptUnit {
  baseCount: number;
  testCount: number;
  baseShare: number;
  testShare: number;
  /** The unit's interval of resampled test shares. */
  lower: number;
  upper: number;
  /** How the test period's share stands against the base share: 'similar' when the base share lies inside. */
  change: 'higher' | 'lower' | 'similar';
}

/** The result of `spatialPointPatternTest`. */
export interface SpptResult {
  units: SpptUnit[];
  /** Share of similar units among all units. */
  s: number;
  /** Share of similar units among those with events in either period; null when there is none. */
  robustS: number | null;
  samples: number;
  sampleSize: number;
  seed: number;
}

function checkCounts(name: string, counts: readonly number[]): number {
  let total = 0;
  for (const c of counts) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`${name} counts must be non-negative integers, got ${c}`);
    total += c;
  }
  if (total === 0) throw new RangeError(`${name} has no events: shares are not defined`);
  return total;
}

/**
 * Runs the test on per-unit counts (base and test in the same unit order).
 * @example
 * spatialPointPatternTest([10, 5, 0, 5], [2, 6, 0, 12], { seed: 7 })
 * // units[0].change 'lower' (half the events before, a tenth after), robustS over the three units with events
 */
export function spatialPointPatternTest(
  base: readonly number[],
  test: readonly number[],
  options: SpptOptions = {},
): SpptResult {
  const { samples = 200, samplePercent = 85, level = 0.95, seed = 1 } = options;
  if (base.length !== test.length || base.length === 0)
    throw new RangeError('base and test need one count per unit, for the same units');
  if (!Number.isInteger(samples) || samples < 1)
    throw new RangeError(`samples must be a positive integer, got ${samples}`);
  if (!(samplePercent > 0 && samplePercent <= 100))
    throw new RangeError(`samplePercent must lie in (0, 100], got ${samplePercent}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  const baseTotal = checkCounts('base', base);
  const testTotal = checkCounts('test', test);
  const m = base.length;
  const sampleSize = Math.max(1, Math.round((samplePercent / 100) * testTotal));

  // One entry per test event, holding its unit; a partial Fisher–Yates shuffle draws without replacement.
  const events = new Int32Array(testTotal);
  for (let i = 0, k = 0; i < m; i++) for (let c = 0; c < test[i]!; c++) events[k++] = i;
  const uniform = seededUniform(seed);
  const shares = Array.from({ length: m }, () => new Float64Array(samples));
  const counts = new Int32Array(m);
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let i = 0; i < sampleSize; i++) {
      const j = i + Math.floor(uniform() * (testTotal - i));
      const unit = events[j]!;
      events[j] = events[i]!;
      events[i] = unit;
      counts[unit]!++;
    }
    for (let u = 0; u < m; u++) shares[u]![s] = counts[u]! / sampleSize;
  }

  // sppt's ranks: ⌊α/2·S⌋ + 1 and ⌈(1 − α/2)·S⌉, one-based.
  const alpha = 1 - level;
  const lowRank = Math.floor((alpha / 2) * samples);
  const highRank = Math.min(samples, Math.ceil((1 - alpha / 2) * samples)) - 1;
  let similar = 0;
  let robustSimilar = 0;
  let robustUnits = 0;
  const units = base.map((baseCount, u): SpptUnit => {
    const sorted = shares[u]!.sort();
    const lower = sorted[lowRank]!;
    const upper = sorted[highRank]!;
    const baseShare = baseCount / baseTotal;
    const change = baseShare < lower ? 'higher' : baseShare > upper ? 'lower' : 'similar';
    const testCount = test[u]!;
    if (change === 'similar') similar++;
    if (baseCount + testCount > 0) {
      robustUnits++;
      if (change === 'similar') robustSimilar++;
    }
    return { baseCount, testCount, baseShare, testShare: testCount / testTotal, lower, upper, change };
  });
  return {
    units,
    s: similar / m,
    robustS: robustUnits === 0 ? null : robustSimilar / robustUnits,
    samples,
    sampleSize,
    seed,
  };
}
