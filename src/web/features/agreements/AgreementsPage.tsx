import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { Agreement } from '../../../domain/agreements.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { canReadFreeText, useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { useNavigationNotice } from '../programme/navigation-notice.js';
import { ProgrammeNav } from '../views/ProgrammeNav.js';
import { defaultScope } from '../views/scope.js';
import { useAgreements, useUnitOptions } from '../views/use-reports.js';
import { canEditAgreements } from './access.js';
import { AgreementFacts, IndicatorTable } from './AgreementParts.js';
import { AgreementReviews } from './AgreementReviews.js';
import { PublicTextForm } from './PublicTextForm.js';
import '../views/reports.css';
import './agreements.css';

/** Staff page: a district's agreements with the police, with internal summary, activities and indicators. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  const districts = useUnitOptions().filter((u) => u.kind === 'district');
  const allowed = allows(session.data, 'programme:read');
  const own = defaultScope(session.data);
  const district = params.get('district') ?? (own.scope === 'district' ? own.unitId : null) ?? districts[0]?.id ?? null;
  const name = districts.find((d) => d.id === district)?.name;
  const agreements = useAgreements(allowed ? district : null);
  const notice = useNavigationNotice();
  const edit = canEditAgreements(session.data, district);
  useDocumentTitle(name ? t('agreements.titleFor', { name }) : t('agreements.title'));

  // A link from the quality report names one agreement: bring it into view once it is there.
  useEffect(() => {
    if (!hash || !agreements.data) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView();
    target?.querySelector<HTMLElement>('h2')?.focus();
  }, [hash, agreements.data]);

  return (
    <div className="page report-page">
      {session.data && <ProgrammeNav />}
      <h1>{name ? t('agreements.titleFor', { name }) : t('agreements.title')}</h1>
      <p className="lead">{t('agreements.staffIntro')}</p>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('reports.noAccess')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="agreements-district">{t('agreements.district')}</label>
            <select
              id="agreements-district"
              value={district ?? ''}
              onChange={(e) => setParams({ district: e.target.value }, { replace: true })}
            >
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          {district && (
            <p className="button-row">
              {edit && (
                <Link className="button button-primary" to={`/agreements/new?district=${encodeURIComponent(district)}`}>
                  {t('agreementForm.newLink')}
                </Link>
              )}
              <Link to={`/overenskommelser?district=${encodeURIComponent(district)}`}>
                {t('agreements.publicLink')}
              </Link>
            </p>
          )}
          <QueryState
            isPending={agreements.isPending}
            error={agreements.error}
            onRetry={() => void agreements.refetch()}
          >
            {agreements.data?.length === 0 && <p className="empty">{t('agreements.none')}</p>}
            {agreements.data?.map((a) => (
              <AgreementSection
                key={a.id}
                agreement={a}
                text={canReadFreeText(session.data)}
                edit={canEditAgreements(session.data, a.district_unit.id)}
                notice={notice && hash === `#agreement-${a.id}` ? t(notice) : null}
              />
            ))}
          </QueryState>
        </>
      )}
    </div>
  );
}

function AgreementSection({
  agreement: a,
  text,
  edit,
  notice,
}: {
  agreement: Agreement;
  text: boolean;
  edit: boolean;
  notice: string | null;
}) {
  const { t } = useTranslation();
  const headingId = `agreement-${a.id}-heading`;
  return (
    <article className="agreement" id={`agreement-${a.id}`} aria-labelledby={headingId}>
      <p className="inbox-kind">{t(`agreements.kinds.${a.kind}`)}</p>
      <h2 id={headingId} tabIndex={-1}>
        {a.title}
      </h2>
      <div role="status">{notice && <p className="notice notice-success">{notice}</p>}</div>
      <AgreementFacts
        agreement={a}
        parties={t('agreements.partiesValue', { district: a.district_unit.name, partner: a.partner_unit.name })}
      />
      {edit && (
        <p className="button-row">
          {/* Named with the agreement: a page lists several, each with these links. */}
          <Link
            className="button button-secondary"
            to={`/agreements/${a.id}/edit`}
            aria-label={`${t('agreementForm.edit')}: ${a.title}`}
          >
            {t('agreementForm.edit')}
          </Link>
          <Link
            className="button button-secondary"
            to={`/agreements/${a.id}/review`}
            aria-label={`${t('agreementReview.link')}: ${a.title}`}
          >
            {t('agreementReview.link')}
          </Link>
        </p>
      )}
      <h3>{t('agreements.summary')}</h3>
      {text ? (
        <p className="description-text">{a.summary ?? t('common.none')}</p>
      ) : (
        <p className="muted">{t('agreements.summaryHidden')}</p>
      )}
      <h3>{t('agreements.publicText')}</h3>
      {a.approved_public_text ? (
        <p className="public-text">{a.approved_public_text}</p>
      ) : (
        <p className="empty">{t('agreements.notApproved')}</p>
      )}
      {edit && <PublicTextForm agreement={a} />}
      <h3>{t('agreements.priorityAreas')}</h3>
      <p>{a.areas.map((x) => x.name).join(', ') || t('common.none')}</p>
      <h3>{t('agreements.activities')}</h3>
      {a.activities.length === 0 ? (
        <p className="empty">{t('agreements.noActivities')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('agreements.activitiesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.activity')}</th>
                <th scope="col">{t('unitView.type')}</th>
                <th scope="col">{t('unitView.status')}</th>
                <th scope="col">{t('agreements.responsible')}</th>
              </tr>
            </thead>
            <tbody>
              {a.activities.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="description">
                    <Link to={`/measures/${m.id}`}>{m.title}</Link>
                  </th>
                  <td>{t(`programme.measureTypes.${m.type}`)}</td>
                  <td>{t(`programme.measureStatus.${m.status}`)}</td>
                  <td>{m.responsible_unit.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('agreements.indicators')}</h3>
      <IndicatorTable indicators={a.indicators} id={`agreement-${a.id}-indicators`} />
      <h3>{t('agreementReview.reviews')}</h3>
      <AgreementReviews reviews={a.reviews} agreementId={a.id} />
    </article>
  );
}
