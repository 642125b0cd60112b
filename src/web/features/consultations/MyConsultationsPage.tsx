import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useMyConsultations } from './use-consultations.js';
import './consultations.css';

/** The consultations the signed-in unit member's units are asked to answer, as a table. */
export function MyConsultationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const mine = useMyConsultations();
  useDocumentTitle(t('consultations.mineTitle'));
  return (
    <div className="page programme-doc">
      <h1>{t('consultations.mineTitle')}</h1>
      <QueryState isPending={mine.isPending} error={mine.error} onRetry={() => void mine.refetch()}>
        {mine.data?.length ? (
          <div className="table-wrap" role="region" aria-labelledby="mineTitle-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="mineTitle-caption">{t('consultations.mineTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programmes.programme')}</th>
                  <th scope="col">{t('consultations.colUnit')}</th>
                  <th scope="col">{t('consultations.deadline')}</th>
                  <th scope="col">{t('consultations.colState')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.data.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/programmes/responses/${r.id}`}>{r.version.title}</Link>
                    </th>
                    <td>{r.unit.name}</td>
                    <td>{format.day(r.deadline)}</td>
                    <td className={`consultation-state-${r.state}`}>{t(`consultations.state.${r.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('consultations.mineEmpty')}</p>
        )}
      </QueryState>
    </div>
  );
}
