/** A colour class of the hexbin map: counts from `min` to `max` (inclusive) share `colour`. */
export interface HexbinClass {
  min: number;
  max: number;
  colour: string;
}

// ColorBrewer OrRd, 5 classes: ordered by lightness, so it also reads in greyscale; the legend adds numbers.
const PALETTE = ['#fdd49e', '#fdbb84', '#fc8d59', '#d7301f', '#7f0000'] as const;

/**
 * Up to five classes from quantiles of the counts, so a few very busy cells do not wash out the rest.
 * @example hexbinClasses([1, 1, 2, 3, 8]) // [{min:1,max:1}, {min:2,max:2}, {min:3,max:3}, {min:4,max:8}] with colours
 */
export function hexbinClasses(counts: readonly number[]): HexbinClass[] {
  const sorted = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const uppers: number[] = [];
  for (const q of [0.2, 0.4, 0.6, 0.8, 1]) {
    const value = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
    if (uppers.length === 0 || value > uppers[uppers.length - 1]!) uppers.push(value);
  }
  // Spread the palette over the classes so two classes never get neighbouring pale colours only.
  const step = uppers.length === 1 ? 0 : (PALETTE.length - 1) / (uppers.length - 1);
  let min = sorted[0] ?? 1;
  return uppers.map((max, i) => {
    const cls = { min, max, colour: PALETTE[Math.round(i * step + (uppers.length === 1 ? 2 : 0))]! };
    min = max + 1;
    return cls;
  });
}

/** The class of one count (the last class for anything above the range). */
export function classOf(classes: readonly HexbinClass[], count: number): HexbinClass | undefined {
  return classes.find((c) => count <= c.max) ?? classes[classes.length - 1];
}
