import { useTranslation } from 'react-i18next';
import { MIN_PUBLIC_COUNT } from '../../../analysis/stats/disclosure.js';
import type { PublicAgreement } from '../../../domain/agreements.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { useFormat } from '../../components/use-format.js';

type Indicator = PublicAgreement['indicators'][number];
type Review = Pick<PublicAgreement, 'period_start' | 'period_end' | 'last_review' | 'next_review' | 'review_overdue'>;

/** Period and the six-monthly review, shared by the staff and the public page. */
export function AgreementFacts({ agreement, parties }: { agreement: Review; parties: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const a = agreement;
  return (
    <dl className="facts">
      <div>
        <dt>{t('agreements.parties')}</dt>
        <dd>{parties}</dd>
      </div>
      <div>
        <dt>{t('agreements.period')}</dt>
        <dd>{t('reports.period', { from: format.day(a.period_start), to: format.day(a.period_end) })}</dd>
      </div>
      <div>
        <dt>{t('agreements.review')}</dt>
        <dd>
          {a.last_review
            ? t('agreements.lastReview', { date: format.day(a.last_review) })
            : t('agreements.neverReviewed')}
          {' · '}
          {a.review_overdue ? (
            <span className="overdue">{t('agreements.reviewOverdue', { date: format.day(a.next_review) })}</span>
          ) : (
            t('agreements.nextReview', { date: format.day(a.next_review) })
          )}
        </dd>
      </div>
    </dl>
  );
}

/** Each indicator: incidents of its categories where the problem is, in the baseline and in an equally long period ending today. */
export function IndicatorTable({ indicators, id }: { indicators: readonly Indicator[]; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const category = useCategoryLabel();
  if (!indicators.length) return <p className="empty">{t('agreements.noIndicators')}</p>;
  // The public page withholds counts of 1–4 (null) so that no single incident can be singled out.
  const period = (p: Indicator['baseline']) =>
    t('agreements.periodValue', {
      value: p.value === null ? t('common.fewerThan', { k: MIN_PUBLIC_COUNT }) : format.number(p.value),
      from: format.day(p.from),
      to: format.day(p.to),
    });
  return (
    <div className="table-wrap">
      <table className="data-table" id={id}>
        <caption>{t('agreements.indicatorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreements.categories')}</th>
            <th scope="col">{t('agreements.where')}</th>
            <th scope="col">{t('agreements.baseline')}</th>
            <th scope="col">{t('agreements.current')}</th>
            <th scope="col" className="numeric">
              {t('agreements.target')}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i, n) => {
            const [now, before] = [i.current.value, i.baseline.value];
            const direction =
              now === null || before === null
                ? undefined
                : now > before
                  ? 'change-worse'
                  : now < before
                    ? 'change-better'
                    : undefined;
            return (
              <tr key={n}>
                <th scope="row">{i.categories.map(category).join(', ')}</th>
                <td>{i.where}</td>
                <td>{period(i.baseline)}</td>
                <td className={direction}>{period(i.current)}</td>
                <td className="numeric">
                  {i.target_value === null ? t('common.none') : format.number(i.target_value)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
