import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PublicAgreement } from '../../../domain/agreements.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { usePublicAgreements, useUnitOptions } from '../views/use-reports.js';
import { AgreementFacts, IndicatorTable } from './AgreementParts.js';
import '../views/reports.css';

/**
 * The public progress page of the districts' agreements with the police, for anyone: only structured facts
 * and the text a coordinator approved (the server sends nothing else).
 */
export function PublicAgreementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('publicAgreements.title'));
  const [params, setParams] = useSearchParams();
  const district = params.get('district');
  const districts = useUnitOptions().filter((u) => u.kind === 'district');
  const agreements = usePublicAgreements(district);

  return (
    <div className="page report-page public-agreements">
      <h1>{t('publicAgreements.title')}</h1>
      <p className="lead">{t('publicAgreements.intro')}</p>
      <p className="muted">{t('publicAgreements.privacy')}</p>
      <div className="field">
        <label htmlFor="public-agreements-district">{t('publicAgreements.filter')}</label>
        <select
          id="public-agreements-district"
          value={district ?? ''}
          onChange={(e) => setParams(e.target.value ? { district: e.target.value } : {}, { replace: true })}
        >
          <option value="">{t('publicAgreements.all')}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <QueryState isPending={agreements.isPending} error={agreements.error} onRetry={() => void agreements.refetch()}>
        {agreements.data && (
          <>
            <p className="result-count" role="status">
              {t('publicAgreements.count', { count: agreements.data.length })}
            </p>
            {agreements.data.length === 0 && <p className="empty">{t('agreements.none')}</p>}
            {agreements.data.map((a) => (
              <PublicAgreementCard key={a.id} agreement={a} />
            ))}
          </>
        )}
      </QueryState>
    </div>
  );
}

function PublicAgreementCard({ agreement: a }: { agreement: PublicAgreement }) {
  const { t } = useTranslation();
  const headingId = `agreement-${a.id}-heading`;
  return (
    <article className="agreement" id={`agreement-${a.id}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agreements.heading', { kind: t(`agreements.kinds.${a.kind}`), district: a.district })}</h2>
      <AgreementFacts
        agreement={a}
        parties={t('agreements.partiesValue', { district: a.district, partner: a.partner })}
      />
      {a.public_text ? (
        <p className="public-text" data-testid="public-text">
          {a.public_text}
        </p>
      ) : (
        <p className="empty">{t('publicAgreements.noText')}</p>
      )}
      <h3>{t('agreements.priorityAreas')}</h3>
      <p>{a.priority_areas.join(', ') || t('common.none')}</p>
      <h3>{t('agreements.activities')}</h3>
      {a.activities.length === 0 ? (
        <p className="empty">{t('agreements.noActivities')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('publicAgreements.activitiesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('unitView.type')}</th>
                <th scope="col">{t('unitView.status')}</th>
                <th scope="col">{t('agreements.responsible')}</th>
              </tr>
            </thead>
            <tbody>
              {a.activities.map((x, n) => (
                <tr key={n}>
                  <th scope="row">{t(`programme.measureTypes.${x.type}`)}</th>
                  <td>{t(`programme.measureStatus.${x.status}`)}</td>
                  <td>{x.responsible_unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('agreements.indicators')}</h3>
      <IndicatorTable indicators={a.indicators} id={`agreement-${a.id}-indicators`} />
    </article>
  );
}
