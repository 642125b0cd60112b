import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PeriodOverview } from '../../../domain/reporting.js';
import { editsForUnit } from '../../../domain/policies.js';
import { reportingEndpoints as api } from '../../api/reporting-endpoints.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { allows, unitRolesOf } from '../views/access.js';
import { DownloadLinks } from '../views/DownloadLinks.js';
import { usePeriodName, useReportingChange, useReportingPeriod } from './use-reporting.js';
import './reporting.css';

/** A period: its days, deadline and programme, every reporting unit's state, the compiled report, and closing it. */
export function PeriodPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const name = usePeriodName();
  const period = useReportingPeriod(id);
  const title = period.data ? name(period.data) : t('reporting.title');
  useDocumentTitle(title);
  return (
    <div className="page programme-doc reporting">
      <p className="breadcrumb">
        <Link to="/programmes/reporting">← {t('reporting.back')}</Link>
      </p>
      <h1>{title}</h1>
      <QueryState isPending={period.isPending} error={period.error} onRetry={() => void period.refetch()}>
        {period.data && <PeriodBody period={period.data} />}
      </QueryState>
    </div>
  );
}

function PeriodBody({ period }: { period: PeriodOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const session = useSession();
  const roles = unitRolesOf(session.data);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = useReportingChange(() => api.close(period.id));
  const doClose = async () => {
    try {
      await close.mutateAsync(undefined);
      setMessage(t('reporting.closed'));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const c = period.counts;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('reporting.facts.days')}</dt>
          <dd>{t('reports.period', { from: format.day(period.from), to: format.day(period.to) })}</dd>
        </div>
        <div>
          <dt>{t('reporting.facts.deadline')}</dt>
          <dd>{format.day(period.deadline)}</dd>
        </div>
        <div>
          <dt>{t('reporting.facts.programme')}</dt>
          <dd>{period.programme_version?.title ?? t('reporting.facts.noProgramme')}</dd>
        </div>
        <div>
          <dt>{t('reporting.facts.status')}</dt>
          <dd>{t(`reporting.status.${period.status}`)}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/programmes/reporting/${period.id}/report`}>{t('reporting.reportLink')}</Link>
      </p>
      <DownloadLinks pdf={api.fileUrl(period.id, 'pdf')} xlsx={api.fileUrl(period.id, 'xlsx')} />
      <section>
        <h2 id="period-units">{t('reporting.unitsTitle')}</h2>
        <p>
          {t('reporting.counts', {
            submitted: (c.submitted ?? 0) + (c.submitted_late ?? 0),
            draft: c.draft ?? 0,
            notStarted: c.not_started ?? 0,
            overdue: c.overdue ?? 0,
          })}
        </p>
        <div className="table-wrap" role="region" aria-labelledby="period-units-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="period-units-caption" className="visually-hidden">
              {t('reporting.unitsTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.colUnit')}</th>
                <th scope="col">{t('reporting.colKind')}</th>
                <th scope="col">{t('reporting.colState')}</th>
                <th scope="col">{t('reporting.colSubmittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {period.units.map((u) => (
                <tr key={u.unit.id}>
                  <th scope="row">
                    {u.submitted_at || editsForUnit(roles, u.unit.id) ? (
                      <Link to={`/programmes/reporting/${period.id}/units/${u.unit.id}`}>{u.unit.name}</Link>
                    ) : (
                      u.unit.name
                    )}
                  </th>
                  <td>{t(`reporting.unitKind.${u.kind}`)}</td>
                  <td className={`state-${u.state}`}>{t(`reporting.state.${u.state}`)}</td>
                  <td>{u.submitted_at ? format.dateTime(u.submitted_at) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <StatusMessage message={message} />
      {allows(session.data, 'reporting:manage') && period.status === 'open' && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={close.isPending}
            onClick={() => !close.isPending && void doClose()}
          >
            {t('reporting.close')}
          </button>
        </p>
      )}
    </>
  );
}
