import { useTranslation } from 'react-i18next';
import { RATING_LABELS, type RatingLevel } from '../../../domain/situation.js';
import type { SituationReport } from '../../../domain/situation.js';
import { SvText } from '../../components/SvText.js';

export const RATING_LEVELS: readonly RatingLevel[] = [1, 2, 3, 4];

export function useRatingLabel(): (level: RatingLevel) => string {
  const { i18n } = useTranslation();
  return (level) => RATING_LABELS[level][i18n.language === 'en' ? 'en' : 'sv'];
}

/** A rating in colour and in words (never colour alone). */
export function RatingBadge({ level }: { level: RatingLevel }) {
  const label = useRatingLabel();
  return (
    <span className="rating-badge">
      <span className="rating-swatch" style={{ background: RATING_LABELS[level].colour }} aria-hidden="true" />
      {label(level)}
    </span>
  );
}

type Change = SituationReport['totals']['vs_previous_week'];

/** '+3 (var 5) *' with the significance in words for screen readers and a title for the pointer. */
export function ChangeCell({ count, change }: { count: number; change: Change }) {
  const { t } = useTranslation();
  const diff = count - change.reference;
  if (change.comparable === false) {
    // Said in words, not a tooltip: which sources lack data over both weeks.
    const sources = (change.uncovered_sources ?? [])
      .map((s) => t(`incidents.source.${s}`, { defaultValue: s }))
      .join(', ');
    return (
      <>
        {t('situation.noComparison')} ({t('situation.noComparisonTitle', { sources })})
      </>
    );
  }
  return (
    <>
      {t('situation.change', {
        sign: diff > 0 ? '+' : diff < 0 ? '−' : '±',
        diff: Math.abs(diff),
        reference: change.reference,
      })}
      {change.significant && (
        <>
          {' '}
          <strong className="sig-marker">* {t('situation.significant')}</strong>
        </>
      )}
    </>
  );
}

/**
 * Why a rating was proposed, as text behind a native disclosure (keyboard- and screen-reader-reachable, unlike
 * a title). The reasons are computed in Swedish, so they carry lang="sv" in the English page.
 */
export function RatingReasons({ reasons, name }: { reasons: readonly string[]; name: string }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <details className="rating-reasons">
      <summary>
        {t('situation.reasonsToggle')}
        <span className="visually-hidden"> {t('situation.reasonsFor', { name })}</span>
      </summary>
      <ul>
        {reasons.map((r) => (
          <li key={r}>
            <SvText>{r}</SvText>
          </li>
        ))}
      </ul>
    </details>
  );
}
