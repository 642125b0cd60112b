import { useTranslation } from 'react-i18next';
import type { RetentionRun } from '../../../domain/gdpr.js';
import { useFormat } from '../../components/use-format.js';

/** The last retention runs: when, who (a person or the daily job) and what each removed. */
export function RetentionRuns({ runs }: { runs: readonly RetentionRun[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (runs.length === 0) return <p className="empty">{t('retention.noRuns')}</p>;
  const who = (r: RetentionRun) =>
    r.automatic
      ? t('retention.automatic')
      : (r.actor_name ?? (r.actor.includes('@') ? r.actor : t('retention.system')));
  return (
    <div className="table-wrap" role="region" aria-labelledby="retention-runs-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="retention-runs-caption" className="visually-hidden">
          {t('retention.runsCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('retention.colWhen')}</th>
            <th scope="col">{t('retention.colWho')}</th>
            <th scope="col">{t('retention.colRemoved')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const removed = r.results.filter((x) => x.affected > 0);
            return (
              <tr key={r.id}>
                <td className="nowrap">
                  <time dateTime={r.ran_at}>{format.timestamp(r.ran_at)}</time>
                </td>
                <td>{who(r)}</td>
                <td>
                  {removed.length === 0 ? (
                    t('retention.nothingRemoved')
                  ) : (
                    <ul className="plain-list">
                      {removed.map((x) => (
                        <li key={x.target}>
                          {t(`retentionTargets.${x.target}`)}: {format.number(x.affected)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
