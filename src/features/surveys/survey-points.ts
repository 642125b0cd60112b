import { wilsonShareInterval } from '../../analysis/stats/proportions.js';
import type { SurveyPoint, SurveyQuestionKind } from '../../domain/surveys.js';

export interface StoredResult {
  year: number;
  respondents: number | null;
  source: string | null;
  shares: ReadonlyArray<{ option: string; share_percent: number }>;
}

/**
 * One year of a series as a chart draws it: the key option's share and its 95 % Wilson interval, in percent.
 * No interval without respondents (most published figures give none: a guessed n would draw a false
 * certainty), nor for a response rate, whose denominator is those asked, not those who answered.
 * @example surveyPoint({ year: 2017, respondents: 17669, source: null, shares: [{ option: 'Ja', share_percent: 11 }] }, 'Ja', 'item').ci // { low: 10.5…, high: 11.4… }
 */
export function surveyPoint(result: StoredResult, keyOption: string, kind: SurveyQuestionKind): SurveyPoint {
  const key = result.shares.find((s) => s.option === keyOption);
  const share = key ? key.share_percent : null;
  const n = result.respondents;
  const ci =
    share !== null && n !== null && n > 0 && kind === 'item'
      ? (({ lower, upper }) => ({ low: lower * 100, high: upper * 100 }))(wilsonShareInterval(share / 100, n))
      : null;
  return {
    year: result.year,
    share,
    respondents: n,
    ci,
    shares: result.shares.map((s) => ({ option: s.option, share: s.share_percent })),
    source: result.source,
  };
}
