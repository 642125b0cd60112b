import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContributionRequest } from '../../../domain/requests.js';
import { useFormat } from '../../components/use-format.js';
import { StatusBadge } from './StatusBadge.js';

/** Contribution requests as a table: who asks whom for what, by when, and the answer. */
export function RequestTable({
  requests,
  caption,
  showProblem,
}: {
  requests: readonly ContributionRequest[];
  caption: string;
  showProblem: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (requests.length === 0) return <p className="empty">{t('programme.request.none')}</p>;
  const captionId = `requests-caption-${showProblem ? 'all' : 'problem'}`;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table request-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {showProblem && <th scope="col">{t('programme.fields.problem')}</th>}
            <th scope="col">{t('programme.request.from')}</th>
            <th scope="col">{t('programme.request.to')}</th>
            <th scope="col">{t('programme.request.what')}</th>
            <th scope="col">{t('programme.request.due')}</th>
            <th scope="col">{t('programme.fields.status')}</th>
            <th scope="col">{t('programme.request.answer')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              {showProblem && (
                <td>
                  <Link to={`/problems/${r.problem.id}`}>{r.problem.title}</Link>
                </td>
              )}
              <td>{r.from_unit.name}</td>
              <td>{r.to_unit.name}</td>
              <td>
                {r.what || <span className="muted">{t('programme.hiddenText')}</span>}
                {r.place && (
                  <p className="hint">
                    <Link to={`/places/${r.place.id}`}>{t('programme.request.atPlace', { place: r.place.name })}</Link>
                  </p>
                )}
              </td>
              <td className="nowrap">
                {format.day(r.due_date)}
                {r.overdue && (
                  <>
                    {' '}
                    <span className="overdue">{t('programme.overdue')}</span>
                  </>
                )}
              </td>
              <td>
                <StatusBadge kind="request" status={r.status} />
              </td>
              <td>{r.answer ?? t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
