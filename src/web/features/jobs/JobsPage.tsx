import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { jobsContract } from '../../../contracts/jobs.contract.js';
import type { JobRecord } from '../../../domain/jobs.js';
import { call } from '../../api/call.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';

/** Background jobs for admins (the page gate lets no one else in): each run of retention, digests and mail delivery, its state, tries and last error. */
export function JobsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const jobs = useQuery({
    queryKey: ['jobs'],
    queryFn: () => call(jobsContract.list),
    refetchInterval: 30_000,
  });
  useDocumentTitle(t('jobs.title'));
  const name = (j: JobRecord) => t(`jobs.names.${j.name}`, { defaultValue: j.name });
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{format.timestamp(iso)}</time> : '–');

  return (
    <div className="page jobs-page">
      <h1>{t('jobs.title')}</h1>
      <p className="lead">{t('jobs.intro')}</p>
      <QueryState isPending={jobs.isPending} error={jobs.error} onRetry={() => void jobs.refetch()}>
        {jobs.data?.jobs.length === 0 && <p className="empty">{t('jobs.empty')}</p>}
        {!!jobs.data?.jobs.length && (
          <div className="table-wrap" role="region" aria-labelledby="jobs-caption" tabIndex={0}>
            <table className="data-table" data-testid="jobs-table">
              <caption id="jobs-caption" className="visually-hidden">
                {t('jobs.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('jobs.colJob')}</th>
                  <th scope="col">{t('jobs.colState')}</th>
                  <th scope="col">{t('jobs.colTries')}</th>
                  <th scope="col">{t('jobs.colCreated')}</th>
                  <th scope="col">{t('jobs.colFinished')}</th>
                  <th scope="col">{t('jobs.colError')}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.data.jobs.map((j) => (
                  <tr key={`${j.name}-${j.id}`}>
                    <td>{name(j)}</td>
                    <td className={j.state === 'failed' ? 'job-failed' : undefined}>{t(`jobs.states.${j.state}`)}</td>
                    <td>{format.number(j.retry_count + (j.state === 'created' ? 0 : 1))}</td>
                    <td className="nowrap">{when(j.created_at)}</td>
                    <td className="nowrap">{when(j.finished_at)}</td>
                    <td>{j.last_error ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </div>
  );
}
