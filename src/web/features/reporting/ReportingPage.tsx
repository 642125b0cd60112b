import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportingPeriod } from '../../../domain/reporting.js';
import { REPORTING_UNIT_KINDS } from '../../../domain/reporting.js';
import { editsForUnit } from '../../../domain/policies.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { allows, unitRolesOf } from '../views/access.js';
import { OpenPeriodForm } from './OpenPeriodForm.js';
import { usePeriodName, useReportingPeriods } from './use-reporting.js';
import './reporting.css';

/** The reporting periods, the way to one's own unit's follow-up in each open one, and for the office a form to open one. */
export function ReportingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const name = usePeriodName();
  const session = useSession();
  const periods = useReportingPeriods();
  useDocumentTitle(t('reporting.title'));
  const roles = unitRolesOf(session.data);
  const ownUnits = (session.data?.memberships ?? []).filter(
    (m) =>
      (REPORTING_UNIT_KINDS as readonly string[]).includes(m.unit_kind) &&
      m.role !== 'admin' &&
      editsForUnit(roles, m.unit_id),
  );
  const open = (periods.data ?? []).filter((p) => p.status === 'open');
  const submitted = (p: ReportingPeriod) => (p.counts.submitted ?? 0) + (p.counts.submitted_late ?? 0);
  const total = (p: ReportingPeriod) => Object.values(p.counts).reduce((a, b) => a + b, 0);
  return (
    <div className="page programme-doc reporting">
      <p className="breadcrumb">
        <Link to="/programmes">← {t('programmes.title')}</Link>
      </p>
      <h1>{t('reporting.title')}</h1>
      <p className="lead">{t('reporting.intro')}</p>
      <QueryState isPending={periods.isPending} error={periods.error} onRetry={() => void periods.refetch()}>
        {ownUnits.length > 0 && open.length > 0 && (
          <nav aria-labelledby="reporting-mine">
            <h2 id="reporting-mine">{t('reporting.mine')}</h2>
            <ul>
              {open.flatMap((p) =>
                ownUnits.map((u) => (
                  <li key={`${p.id}-${u.unit_id}`}>
                    <Link to={`/programmes/reporting/${p.id}/units/${u.unit_id}`}>
                      {t('reporting.mineLink', { unit: u.unit_name, period: name(p) })}
                    </Link>
                  </li>
                )),
              )}
            </ul>
          </nav>
        )}
        <section>
          <h2 id="reporting-periods">{t('reporting.periods')}</h2>
          {periods.data?.length === 0 ? (
            <p>{t('reporting.none')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="reporting-periods-caption" tabIndex={0}>
              <table className="data-table">
                <caption id="reporting-periods-caption" className="visually-hidden">
                  {t('reporting.periods')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reporting.colPeriod')}</th>
                    <th scope="col">{t('reporting.colStatus')}</th>
                    <th scope="col">{t('reporting.colDeadline')}</th>
                    <th scope="col">{t('reporting.colSubmitted')}</th>
                    <th scope="col">{t('reporting.colOverdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {periods.data?.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/programmes/reporting/${p.id}`}>{name(p)}</Link>
                      </th>
                      <td>{t(`reporting.status.${p.status}`)}</td>
                      <td>{format.day(p.deadline)}</td>
                      <td>{t('reporting.submittedOf', { n: submitted(p), total: total(p) })}</td>
                      <td>{format.number(p.counts.overdue ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </QueryState>
      {allows(session.data, 'reporting:manage') && <OpenPeriodForm />}
    </div>
  );
}
