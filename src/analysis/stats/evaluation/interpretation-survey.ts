/**
 * Plain-language readings of survey items before and after (see interpretation.ts for the effect sizes):
 * "Andelen gick från 60 % till 80 %, +20 procentenheter (95 % KI 5 till 33), sannolikt inte slump".
 */
import type { LabelLanguage } from '../../../domain/labels.js';
import { type Caveat, caveat, chanceText, type Interpretation, intervalLabel } from './interpretation.js';
import { formatNumber, formatPercent, formatSigned } from './number-text.js';
import type { MeanChange, ShareChange } from './survey.js';

function caveatsOf(change: { smallSample: boolean }, lang: LabelLanguage): Caveat[] {
  return change.smallSample ? [caveat('small-sample', lang)] : [];
}

/**
 * A change in a share, in percentage points.
 * @example interpretShareChange(change, 'sv').summary // 'Andelen gick från 60 % till 80 %, +20 procentenheter (95 % KI 5 till 33), sannolikt inte slump'
 */
export function interpretShareChange(change: ShareChange, lang: LabelLanguage): Interpretation {
  const points = (x: number) => formatNumber(x * 100, lang);
  const ci = `${intervalLabel(change.level, lang)} ${points(change.lower)} ${lang === 'sv' ? 'till' : 'to'} ${points(change.upper)}`;
  const from = formatPercent(change.before * 100, lang);
  const to = formatPercent(change.after * 100, lang);
  const delta = formatSigned(change.estimate * 100, lang);
  const chance = chanceText(change.significant, lang);
  return {
    summary:
      lang === 'sv'
        ? `Andelen gick från ${from} till ${to}, ${delta} procentenheter (${ci}), ${chance}`
        : `The share went from ${from} to ${to}, ${delta} percentage points (${ci}), ${chance}`,
    caveats: caveatsOf(change, lang),
  };
}

/**
 * A change in a mean (a Likert item's average, by default with one decimal).
 * @example interpretMeanChange(change, 'en').summary // 'The mean went from 3.2 to 3.9, +0.7 (95% CI 0.2 to 1.2), unlikely to be chance'
 */
export function interpretMeanChange(
  change: MeanChange,
  lang: LabelLanguage,
  options: { digits?: number } = {},
): Interpretation {
  const { digits = 1 } = options;
  const n = (x: number) => formatNumber(x, lang, digits);
  const ci = `${intervalLabel(change.level, lang)} ${n(change.lower)} ${lang === 'sv' ? 'till' : 'to'} ${n(change.upper)}`;
  const delta = formatSigned(change.estimate, lang, digits);
  const chance = chanceText(change.significant, lang);
  return {
    summary:
      lang === 'sv'
        ? `Medelvärdet gick från ${n(change.before)} till ${n(change.after)}, ${delta} (${ci}), ${chance}`
        : `The mean went from ${n(change.before)} to ${n(change.after)}, ${delta} (${ci}), ${chance}`,
    caveats: caveatsOf(change, lang),
  };
}
