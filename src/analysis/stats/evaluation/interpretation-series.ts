/**
 * Plain-language readings of the single-place time series and of the pattern test (see interpretation.ts
 * for the effect sizes): "Nivån ändrades med −6,4 vid åtgärden (95 % KI −8,8 till −4,0), sannolikt inte slump".
 */
import type { LabelLanguage } from '../../../domain/labels.js';
import { type Caveat, caveat, chanceText, type Interpretation, intervalLabel } from './interpretation.js';
import type { Coefficient, SegmentedRegression } from './interrupted-time-series.js';
import { formatNumber } from './number-text.js';
import type { SpptResult } from './spatial-point-pattern.js';

/** S at or above this reads as "the same pattern" (Andresen's convention). */
export const SIMILAR_S = 0.8;

/**
 * Decimals enough for the largest of the figures to show two significant digits, never fewer than `digits`
 * (at most four): a weekly trend of 0,03 reads "0,030", not "0,0".
 */
export function decimalsFor(values: readonly number[], digits: number): number {
  const scale = Math.max(...values.map(Math.abs));
  if (!(scale > 0) || scale >= 1) return digits;
  return Math.min(4, Math.max(digits, Math.ceil(-Math.log10(scale)) + 1));
}

/** "−6,4 vid åtgärden (95 % KI −8,8 till −4,0), sannolikt inte slump"; `where` follows the estimate. */
function coefficientText(c: Coefficient, where: string, level: number, digits: number, lang: LabelLanguage): string {
  const decimals = decimalsFor([c.estimate, c.lower, c.upper], digits);
  const n = (x: number) => formatNumber(x, lang, decimals);
  const significant = c.lower > 0 || c.upper < 0;
  const to = lang === 'sv' ? 'till' : 'to';
  return `${n(c.estimate)} ${where} (${intervalLabel(level, lang)} ${n(c.lower)} ${to} ${n(c.upper)}), ${chanceText(significant, lang)}`;
}

/**
 * The segmented regression in words: level change at the measure, then change in trend.
 * @example
 * interpretInterruptedTimeSeries(result, 'sv').summary
 * // 'Nivån ändrades med −6,4 vid åtgärden (95 % KI −8,8 till −4,0), sannolikt inte slump; trenden ändrades med −0,8 per period (…), kan vara slump'
 */
export function interpretInterruptedTimeSeries(
  result: SegmentedRegression,
  lang: LabelLanguage,
  options: { digits?: number } = {},
): Interpretation {
  const { digits = 1 } = options;
  const sv = lang === 'sv';
  const level = coefficientText(result.levelChange, sv ? 'vid åtgärden' : 'at the measure', result.level, digits, lang);
  const slope = coefficientText(result.slopeChange, 'per period', result.level, digits, lang);
  const summary = sv
    ? `Nivån ändrades med ${level}; trenden ändrades med ${slope}`
    : `The level changed by ${level}; the trend changed by ${slope}`;
  const caveats: Caveat[] = [];
  if (result.autocorrelation === 'positive') {
    const r1 = formatNumber(result.lag1Autocorrelation, lang, 2);
    const dw = formatNumber(result.durbinWatson, lang, 2);
    const { levelChange: robust } = result.robust;
    const n = (x: number) => formatNumber(x, lang, digits);
    const label = intervalLabel(result.level, lang);
    const range = `${n(robust.lower)} ${sv ? 'till' : 'to'} ${n(robust.upper)}`;
    caveats.push({
      code: 'autocorrelation',
      text: sv
        ? `Perioderna hänger ihop (autokorrelation ${r1}, Durbin–Watson ${dw}): standardfelen är troligen för små och intervallen för smala. Med Newey–West-korrigerade fel är nivåförändringens ${label} ${range}.`
        : `Successive periods are correlated (autocorrelation ${r1}, Durbin–Watson ${dw}): the standard errors are probably too small and the intervals too narrow. With Newey–West errors the level change's ${label} is ${range}.`,
    });
  }
  if (result.fewPoints) caveats.push(caveat('few-points', lang));
  return { summary, caveats };
}

/**
 * The spatial point pattern test in words, read on the robust S when there is one.
 * @example interpretPatternTest(result, 'en').summary // 'S-index 0.85 (robust 0.78): the pattern within the area is much the same'
 */
export function interpretPatternTest(result: SpptResult, lang: LabelLanguage): Interpretation {
  const s = formatNumber(result.s, lang, 2);
  const robust = result.robustS === null ? '' : ` (robust ${formatNumber(result.robustS, lang, 2)})`;
  const read = result.robustS ?? result.s;
  const head = `S-index ${s}${robust}`;
  if (read >= SIMILAR_S)
    return {
      summary:
        lang === 'sv'
          ? `${head}: mönstret inom området är i stort sett detsamma`
          : `${head}: the pattern within the area is much the same`,
      caveats: [],
    };
  const higher = result.units.filter((u) => u.change === 'higher').length;
  const lower = result.units.filter((u) => u.change === 'lower').length;
  const m = result.units.length;
  return {
    summary:
      lang === 'sv'
        ? `${head}: mönstret har ändrats; ${higher} av ${m} enheter har en större andel av händelserna än förut och ${lower} en mindre`
        : `${head}: the pattern has changed; ${higher} of ${m} units have a larger share of the incidents than before and ${lower} a smaller one`,
    caveats: [],
  };
}
