import { useTranslation } from 'react-i18next';
import type { AgreementReviewRecord } from '../../../domain/agreements.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { useFormat } from '../../components/use-format.js';

/** The reviews held, newest first: the latest open, earlier ones folded. */
export function AgreementReviews({
  reviews,
  agreementId,
}: {
  reviews: readonly AgreementReviewRecord[];
  agreementId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!reviews.length) return <p className="empty">{t('agreementReview.none')}</p>;
  const [latest, ...earlier] = reviews;
  return (
    <>
      <ReviewRecord review={latest!} id={`agreement-${agreementId}-review-${latest!.id}`} />
      {earlier.map((r) => (
        <details key={r.id} className="earlier-review">
          <summary>{t('agreementReview.heading', { date: format.day(r.reviewed_on) })}</summary>
          <ReviewRecord review={r} id={`agreement-${agreementId}-review-${r.id}`} />
        </details>
      ))}
    </>
  );
}

function ReviewRecord({ review: r, id }: { review: AgreementReviewRecord; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const category = useCategoryLabel();
  return (
    <div className="review-record">
      <h4>{t('agreementReview.heading', { date: format.day(r.reviewed_on) })}</h4>
      <p className="muted">{t('agreementReview.setNext', { date: format.day(r.next_review) })}</p>
      {r.note !== null ? (
        <p className="description-text">{r.note || t('common.none')}</p>
      ) : (
        <p className="muted">{t('agreements.summaryHidden')}</p>
      )}
      {(r.activities.length > 0 || r.indicators.length > 0) && (
        <div className="table-wrap">
          <table className="data-table" id={id}>
            <caption>{t('agreementReview.caption', { date: format.day(r.reviewed_on) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreementReview.assessed')}</th>
                <th scope="col">{t('agreementReview.figures')}</th>
                <th scope="col">{t('agreementReview.assessment')}</th>
                <th scope="col">{t('agreementReview.commentColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {r.activities.map((x) => (
                <tr key={x.measure_id}>
                  <th scope="row">{x.title}</th>
                  <td>{t('agreementReview.activity')}</td>
                  <td>{t(`agreementReview.activityAssessments.${x.assessment}`)}</td>
                  <td>{x.comment ?? ''}</td>
                </tr>
              ))}
              {r.indicators.map((x) => (
                <tr key={x.problem_id}>
                  <th scope="row">{`${x.categories.map(category).join(', ')} – ${x.where}`}</th>
                  <td>
                    {t('agreementReview.indicatorThen', {
                      baseline: format.number(x.baseline_value),
                      value: format.number(x.value.value),
                      from: format.day(x.value.from),
                      to: format.day(x.value.to),
                    })}
                  </td>
                  <td>{t(`programme.assessments.${x.assessment}`)}</td>
                  <td>{x.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
