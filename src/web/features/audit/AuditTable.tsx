import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../domain/audit.js';
import { useFormat } from '../../components/use-format.js';

/** A stored value as plain text: strings as they are, anything else as JSON. React escapes it: never HTML. */
function asText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Changes({ changes }: { changes: AuditEvent['changes'] }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  const empty = t('audit.empty');
  // Nothing before at all (a creation, a sign-in, the seed): the values alone. Otherwise every field as before → after.
  const created = entries.every(([, c]) => c.before === null || c.before === undefined);
  return (
    <ul className="plain-list changes">
      {entries.map(([field, { before, after }]) => (
        <li key={field}>
          <code>{field}</code>:{' '}
          {!created && (
            <>
              <span className="change-before">{asText(before, empty)}</span> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t('audit.changedTo')} </span>{' '}
            </>
          )}
          <span className="change-after">{asText(after, empty)}</span>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  events: readonly AuditEvent[];
  /** id of the first event of the page loaded last: that row takes the focus after "Visa fler". */
  focusId?: number | null;
}

/** Audit events, newest first: time, who, what, which record, and the changed fields as before → after. */
export function AuditTable({ events, focusId }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="data-table audit-table">
        <caption id="audit-caption" className="visually-hidden">
          {t('audit.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.colTime')}</th>
            <th scope="col">{t('audit.colActor')}</th>
            <th scope="col">{t('audit.colAction')}</th>
            <th scope="col">{t('audit.colEntity')}</th>
            <th scope="col">{t('audit.colChanges')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr
              key={e.id}
              data-audit-id={e.id}
              {...(e.id === focusId ? { tabIndex: -1, 'data-focus-target': '' } : {})}
            >
              <td className="nowrap">
                <time dateTime={e.occurred_at}>{format.timestamp(e.occurred_at)}</time>
              </td>
              <td className="actor">{e.actor}</td>
              <td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</td>
              <td className="entity">
                {e.entity_type}
                {e.entity_id && (
                  <>
                    <br />
                    {e.entity_type === 'incident' ? (
                      <Link to={`/incidents/${e.entity_id}`}>
                        <code>{e.entity_id}</code>
                      </Link>
                    ) : (
                      <code>{e.entity_id}</code>
                    )}
                  </>
                )}
              </td>
              <td className="changes-cell">
                <Changes changes={e.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
