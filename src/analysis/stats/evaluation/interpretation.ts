/**
 * Plain-language readings of the evaluation statistics, in Swedish and English, for evaluators who are not
 * statisticians: "Minskning med 32 % (95 % KI 12–48 %), sannolikt inte slump; inga tecken på förflyttning till
 * buffertområdet". Each reading carries caveats with a stable code (for the page to style or filter) and a
 * text. The thresholds for small counts (a cell under 5, a total under 20) follow the usual rule for when a
 * Poisson or normal approximation is too rough to trust.
 */
import type { LabelLanguage, Labels } from '../../../domain/labels.js';
import type { DidResult } from './difference-in-differences.js';
import type { Displacement } from './displacement.js';
import { formatNumber, formatPercent } from './number-text.js';
import type { RelativeEffect } from './relative-effect.js';

/** Why a reading should be taken with care. */
export type CaveatCode =
  | 'small-counts'
  | 'zero-cell'
  | 'regression-to-mean'
  | 'pre-trend'
  | 'small-buffer-counts'
  | 'overdispersion'
  | 'autocorrelation'
  | 'few-points'
  | 'small-sample';

export interface Caveat {
  code: CaveatCode;
  text: string;
}

/** A result in words. */
export interface Interpretation {
  summary: string;
  caveats: Caveat[];
}

/** A cell below this many events, or a total below `SMALL_TOTAL`, makes the count caveat apply. */
export const SMALL_CELL = 5;
export const SMALL_TOTAL = 20;

/** The caveats whose text needs no figures (overdispersion and autocorrelation quote theirs). */
type FixedCaveat = Exclude<CaveatCode, 'overdispersion' | 'autocorrelation'>;

const CAVEATS: Labels<FixedCaveat> = {
  'small-counts': {
    sv: 'Små tal: färre än 5 händelser i någon av de fyra cellerna eller färre än 20 totalt. Skattningen är osäker; läs intervallet snarare än punktvärdet.',
    en: 'Small counts: fewer than 5 incidents in one of the four cells or fewer than 20 in all. The estimate is uncertain; read the interval rather than the point value.',
  },
  'zero-cell': {
    sv: 'En av cellerna saknade händelser; 0,5 har lagts till i alla fyra för att effekten ska gå att beräkna.',
    en: 'One of the cells had no incidents; 0.5 was added to all four so that the effect could be computed.',
  },
  'regression-to-mean': {
    sv: 'Regression mot medelvärdet: föreperioden slutar på en topp. En nedgång hade troligen kommit även utan åtgärden, så effekten kan vara överskattad.',
    en: 'Regression to the mean: the before period ends at a peak. Some fall would probably have come without the measure, so the effect may be overstated.',
  },
  'pre-trend': {
    sv: 'Åtgärdsområdet och jämförelseområdena följde inte samma trend före åtgärden. Jämförelsen förutsätter att de gör det, så effekten kan vara missvisande.',
    en: 'The treatment and comparison areas did not follow the same trend before the measure. The comparison assumes they do, so the effect may be misleading.',
  },
  'small-buffer-counts': {
    sv: 'Få händelser i buffertområdet (färre än 5 i en period): att inga tecken på förflyttning syns säger lite.',
    en: 'Few incidents in the buffer area (fewer than 5 in a period): seeing no sign of displacement says little.',
  },
  'few-points': {
    sv: 'Färre än 12 perioder före eller efter åtgärden: nivå och trend är osäkra.',
    en: 'Fewer than 12 periods before or after the measure: level and trend are uncertain.',
  },
  'small-sample': {
    sv: 'Färre än 30 svarande: ett eller två svar flyttar resultatet märkbart.',
    en: 'Fewer than 30 respondents: one or two answers move the result noticeably.',
  },
};

/** A caveat whose text needs no figures. */
export function caveat(code: FixedCaveat, lang: LabelLanguage): Caveat {
  return { code, text: CAVEATS[code][lang] };
}

/** "95 % KI" / "95% CI". */
export function intervalLabel(level: number, lang: LabelLanguage): string {
  return lang === 'sv' ? `${formatPercent(level * 100, lang)} KI` : `${formatPercent(level * 100, lang)} CI`;
}

/** "sannolikt inte slump" / "kan vara slump". */
export function chanceText(significant: boolean, lang: LabelLanguage): string {
  if (lang === 'sv') return significant ? 'sannolikt inte slump' : 'kan vara slump';
  return significant ? 'unlikely to be chance' : 'could be chance';
}

/** A percentage change and its interval on the same scale (negative: a decrease). */
export interface PercentChange {
  percentChange: number;
  percentLower: number;
  percentUpper: number;
  level: number;
}

/**
 * "Minskning med 32 % (95 % KI 12–48 %)", "Ökning med 25 % (95 % KI 5–49 %)", or, when the interval
 * spans no change, "Minskning med 10 % (95 % KI från 30 % minskning till 15 % ökning)".
 * @example percentChangeText({ percentChange: -32, percentLower: -48, percentUpper: -12, level: 0.95 }, 'sv')
 */
export function percentChangeText(change: PercentChange, lang: LabelLanguage): string {
  const { percentChange: pct, percentLower: lo, percentUpper: hi, level } = change;
  const ci = intervalLabel(level, lang);
  const n = (x: number) => formatNumber(x, lang);
  const p = (x: number) => formatPercent(x, lang);
  const sv = lang === 'sv';
  if (hi < 0)
    return sv
      ? `Minskning med ${p(-pct)} (${ci} ${n(-hi)}–${p(-lo)})`
      : `A decrease of ${p(-pct)} (${ci} ${n(-hi)}–${p(-lo)})`;
  if (lo > 0)
    return sv ? `Ökning med ${p(pct)} (${ci} ${n(lo)}–${p(hi)})` : `An increase of ${p(pct)} (${ci} ${n(lo)}–${p(hi)})`;
  const span = sv
    ? `${ci} från ${p(-lo)} minskning till ${p(hi)} ökning`
    : `${ci} from a ${p(-lo)} decrease to a ${p(hi)} increase`;
  if (Math.round(pct) === 0) return sv ? `Ingen förändring (0 %; ${span})` : `No change (0%; ${span})`;
  if (pct < 0) return sv ? `Minskning med ${p(-pct)} (${span})` : `A decrease of ${p(-pct)} (${span})`;
  return sv ? `Ökning med ${p(pct)} (${span})` : `An increase of ${p(pct)} (${span})`;
}

/**
 * The WDQ's reading in words, as the effect's summary ends with it.
 * @example displacementText(displacement, 'sv') // 'inga tecken på förflyttning till buffertområdet'
 */
export function displacementText(displacement: Displacement, lang: LabelLanguage): string {
  const { bufferChange, wdq, reading } = displacement;
  const sv = lang === 'sv';
  const wdqText = wdq === null ? '' : ` (WDQ ${formatNumber(wdq, lang, 2)})`;
  // The buffer's RES below 1 means it rose against the control: displacement; above 1 means it fell: diffusion.
  if (bufferChange.significant && bufferChange.res < 1) {
    const larger =
      reading === 'displacement-exceeds'
        ? sv
          ? ', större än den direkta effekten'
          : ', larger than the direct effect'
        : '';
    return sv
      ? `tecken på förflyttning till buffertområdet${wdqText}${larger}`
      : `signs of displacement into the buffer area${wdqText}${larger}`;
  }
  if (bufferChange.significant && bufferChange.res > 1)
    return sv
      ? `tecken på spridning av nyttan till buffertområdet${wdqText}`
      : `signs of a diffusion of benefits into the buffer area${wdqText}`;
  return sv ? 'inga tecken på förflyttning till buffertområdet' : 'no signs of displacement into the buffer area';
}

/** What the evaluation knows besides the effect itself. */
export interface EffectContext {
  /** The WDQ and the buffer's change, when the design has a buffer. */
  displacement?: Displacement;
  /** The before period ends at a peak (see regression-to-mean.ts). */
  baselineAtPeak?: boolean;
  /** The treatment and comparison areas' trends differed before the measure (see `preTrendCheck`). */
  preTrendDiffers?: boolean;
}

function countCaveats(
  cells: readonly number[],
  context: EffectContext,
  lang: LabelLanguage,
  halfAdded: boolean,
): Caveat[] {
  const caveats: Caveat[] = [];
  const total = cells.reduce((s, c) => s + c, 0);
  if (cells.some((c) => c < SMALL_CELL) || total < SMALL_TOTAL) caveats.push(caveat('small-counts', lang));
  if (halfAdded) caveats.push(caveat('zero-cell', lang));
  if (context.displacement) {
    const b = context.displacement.bufferChange.counts;
    if (b.treatmentBefore < SMALL_CELL || b.treatmentAfter < SMALL_CELL)
      caveats.push(caveat('small-buffer-counts', lang));
  }
  if (context.baselineAtPeak) caveats.push(caveat('regression-to-mean', lang));
  if (context.preTrendDiffers) caveats.push(caveat('pre-trend', lang));
  return caveats;
}

/**
 * The relative effect size in words, with displacement when the design has a buffer.
 * @example
 * interpretRelativeEffect(effect, 'sv', { displacement })
 * // { summary: 'Minskning med 32 % (95 % KI 12–48 %), sannolikt inte slump; inga tecken på förflyttning till buffertområdet', caveats: [] }
 */
export function interpretRelativeEffect(
  effect: RelativeEffect,
  lang: LabelLanguage,
  context: EffectContext = {},
): Interpretation {
  const displacement = context.displacement ? `; ${displacementText(context.displacement, lang)}` : '';
  const c = effect.counts;
  return {
    summary: `${percentChangeText(effect, lang)}, ${chanceText(effect.significant, lang)}${displacement}`,
    caveats: countCaveats(
      [c.treatmentBefore, c.treatmentAfter, c.comparisonBefore, c.comparisonAfter],
      context,
      lang,
      effect.halfAdded,
    ),
  };
}

const DID_FAILURES: Labels<Extract<DidResult, { ok: false }>['code']> = {
  NO_TREATED_AREA: {
    sv: 'Det finns inget åtgärdsområde i underlaget.',
    en: 'There is no treatment area in the data.',
  },
  NO_COMPARISON_AREA: {
    sv: 'Det finns inget jämförelseområde i underlaget.',
    en: 'There is no comparison area in the data.',
  },
  NO_BEFORE_WEEKS: {
    sv: 'Det finns inga veckor före åtgärden.',
    en: 'There are no weeks before the measure.',
  },
  NO_AFTER_WEEKS: {
    sv: 'Det finns inga veckor efter åtgärden.',
    en: 'There are no weeks after the measure.',
  },
  EMPTY_CELL: {
    sv: 'Åtgärds- eller jämförelseområdet saknar händelser i en av perioderna, så ingen effekt kan skattas.',
    en: 'The treatment or comparison area has no incidents in one of the periods, so no effect can be estimated.',
  },
  NOT_CONVERGED: {
    sv: 'Modellen gick inte att skatta med dessa veckosiffror.',
    en: 'The model could not be fitted to these weekly counts.',
  },
};

/**
 * The difference-in-differences result in words, or why there is none.
 * @example interpretDifferenceInDifferences(result, 'en').summary // 'A decrease of 30% (95% CI 18–40%), unlikely to be chance'
 */
export function interpretDifferenceInDifferences(
  result: DidResult,
  lang: LabelLanguage,
  context: EffectContext = {},
): Interpretation {
  if (!result.ok) return { summary: DID_FAILURES[result.code][lang], caveats: [] };
  const t = result.totals;
  const caveats = countCaveats(
    [t.treatmentBefore, t.treatmentAfter, t.comparisonBefore, t.comparisonAfter],
    context,
    lang,
    false,
  );
  if (result.scaled) {
    // Two decimals: a factor just above 1 still widens the interval and must not read as "1,0".
    const phi = formatNumber(result.dispersion, lang, 2);
    caveats.push({
      code: 'overdispersion',
      text:
        lang === 'sv'
          ? `Veckosiffrorna varierar mer än slumpen ensam ger (spridningsfaktor ${phi}); intervallet är breddat därefter.`
          : `The weekly counts vary more than chance alone gives (dispersion ${phi}); the interval is widened accordingly.`,
    });
  }
  const displacement = context.displacement ? `; ${displacementText(context.displacement, lang)}` : '';
  return {
    summary: `${percentChangeText(result, lang)}, ${chanceText(result.significant, lang)}${displacement}`,
    caveats,
  };
}
