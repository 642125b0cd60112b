/**
 * False discovery rate control over many simultaneous tests (a Gi* map tests every cell at once: at 95 %
 * about one cell in twenty of a quiet week would otherwise light up). Benjamini & Hochberg (1995) step-up
 * procedure, in the form R's p.adjust(method = "BH") and PySAL esda compute it.
 */

function checkPValues(pValues: readonly number[]): void {
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${p}`);
}

/**
 * BH-adjusted p-values (q-values), in input order: p_(i)·n/i made monotone from the largest down and capped
 * at 1, exactly as R's p.adjust(p, "BH"). A test is significant at FDR α iff its adjusted p ≤ α.
 * @example adjustBenjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function adjustBenjaminiHochberg(pValues: readonly number[]): number[] {
  checkPValues(pValues);
  const n = pValues.length;
  const order = [...pValues.keys()].sort((i, j) => pValues[i]! - pValues[j]!);
  const adjusted = new Array<number>(n);
  let running = 1;
  for (let rank = n; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (pValues[i]! * n) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}

/**
 * Which tests are significant at false discovery rate α: find the largest k with p_(k) ≤ k·α/n and call
 * every p ≤ k·α/n significant (none when there is no such k).
 * @example benjaminiHochberg([0.001, 0.02, 0.04, 0.3], 0.05) // [true, true, false, false] (0.04 > 3·0.05/4 = 0.0375)
 */
export function benjaminiHochberg(pValues: readonly number[], alpha = 0.05): boolean[] {
  checkPValues(pValues);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, got ${alpha}`);
  // p_(i) ≤ k·α/n for some k ≥ i is the same as the adjusted p ≤ α; going through the adjusted values keeps
  // the two functions in agreement even where floating point rounds k·α/n and p·n/k differently.
  return adjustBenjaminiHochberg(pValues).map((q) => q <= alpha);
}

/**
 * Benjamini–Yekutieli adjusted p-values, for tests that may be dependent in any way (neighbouring areas
 * sharing events): the BH values times c(n) = Σ_{i≤n} 1/i, capped at 1, exactly as R's p.adjust(p, "BY").
 * @example adjustBenjaminiYekutieli([0.01, 0.04, 0.03]) // [0.055, 0.07333, 0.07333] (c(3) = 11/6)
 */
export function adjustBenjaminiYekutieli(pValues: readonly number[]): number[] {
  let c = 0;
  for (let i = 1; i <= pValues.length; i++) c += 1 / i;
  return adjustBenjaminiHochberg(pValues).map((q) => Math.min(1, q * c));
}
