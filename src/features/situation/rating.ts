import {
  DEFAULT_RATING_THRESHOLDS,
  RATING_LABELS,
  type RatingLevel,
  type RatingThresholdsInput,
} from '../../domain/situation.js';

/** What a proposal is computed from: one stadsdel's week. */
export interface RatingInput {
  count: number;
  /** Incidents of the 'violence' group (violence, threats). */
  violence: number;
  /** True when the rise against last week is significant (exact conditional test, p < 0.05). */
  significantRise: boolean;
}

/** A proposed rating with its score and the reasons, in Swedish, shown beside it in the report. */
export interface RatingProposal {
  level: RatingLevel;
  score: number;
  reasons: string[];
}

/**
 * Proposes a stadsdel's rating for a week: score = count + (violence_weight − 1) × violence, placed on the
 * district's thresholds; a significant rise against last week raises it one level when the district chose
 * so. A proposal only: the coordinator confirms or changes it.
 * @example proposeRating({ count: 12, violence: 2, significantRise: false }) // { level: 3, score: 16, … } with the defaults 5/15/30, ×3
 */
export function proposeRating(
  input: RatingInput,
  thresholds: RatingThresholdsInput = DEFAULT_RATING_THRESHOLDS,
): RatingProposal {
  const extra = (thresholds.violence_weight - 1) * input.violence;
  const score = input.count + extra;
  const base: RatingLevel =
    score >= thresholds.allvarligt_from
      ? 4
      : score >= thresholds.oroligt_from
        ? 3
        : score >= thresholds.viss_oro_from
          ? 2
          : 1;
  const reasons = [
    input.violence > 0
      ? `${input.count} händelser, varav ${input.violence} våld/hot (×${thresholds.violence_weight}): ${round(score)} poäng`
      : `${input.count} händelser: ${round(score)} poäng`,
    `gränser ${thresholds.viss_oro_from}/${thresholds.oroligt_from}/${thresholds.allvarligt_from} poäng → ${RATING_LABELS[base].sv}`,
  ];
  let level = base;
  if (thresholds.rise_raises_level && input.significantRise && base < 4) {
    level = (base + 1) as RatingLevel;
    reasons.push(`signifikant ökning mot förra veckan → ${RATING_LABELS[level].sv}`);
  }
  return { level, score: round(score), reasons };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
