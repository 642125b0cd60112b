import { useQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from '../../../domain/imports.js';
import { importEndpoints } from '../../api/import-endpoints.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../components/use-format.js';

const SHOWN = 20;

/** The committed run: what it did, and its newest incidents, each linking to the incident's page. */
export function ImportResult({ report, headingRef }: { report: ImportReport; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const incidents = useQuery({
    queryKey: ['import-incidents', report.run_id],
    queryFn: () => importEndpoints.incidentsOfRun(report.run_id, SHOWN),
  });
  const r = report.rows;
  const items = incidents.data?.items ?? [];
  return (
    <section className="section import-result" aria-labelledby="import-done-title">
      <h2 id="import-done-title" ref={headingRef} tabIndex={-1}>
        {t('imports.doneTitle')}
      </h2>
      <p className="notice notice-success">
        {t('imports.doneText', {
          inserted: format.number(r.inserted),
          updated: format.number(r.updated),
          unchanged: format.number(r.unchanged),
        })}
      </p>
      <p className="muted">{t('imports.runId', { id: report.run_id })}</p>
      <h3 id="import-incidents-title">{t('imports.importedTitle')}</h3>
      <QueryState isPending={incidents.isPending} error={incidents.error} onRetry={() => void incidents.refetch()}>
        {items.length === 0 ? (
          <p className="empty">{t('imports.importedNone')}</p>
        ) : (
          <>
            <p>{t('imports.importedShown', { count: items.length })}</p>
            <div className="table-wrap">
              <table className="data-table" aria-labelledby="import-incidents-title">
                <thead>
                  <tr>
                    <th scope="col">{t('imports.incidentCol.occurred')}</th>
                    <th scope="col">{t('imports.incidentCol.category')}</th>
                    <th scope="col">{t('imports.incidentCol.ref')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <td className="nowrap">{format.dateTime(i.occurred_at)}</td>
                      <td>{categoryLabel(i.category)}</td>
                      <td>
                        <Link to={`/incidents/${i.id}`}>{i.source_ref ?? i.id}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
