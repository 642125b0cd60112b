import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../domain/audit.js';
import { auditFieldLabel, auditSentence, auditValueText } from '../../../domain/audit-sentence.js';
import { useFormat } from '../../components/use-format.js';

/** Pages of the records whose events the log can link to. */
const RECORD_PAGES: Readonly<Record<string, string>> = {
  incident: '/incidents/',
  problem: '/problems/',
  measure: '/measures/',
};

function Changes({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const entries = Object.entries(event.changes);
  if (entries.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  const value = (field: string, v: unknown) => auditValueText(event.entity_type, field, v, lang);
  // Nothing before at all (a creation, a sign-in, the seed): the values alone. Otherwise every field as before → after.
  const created = entries.every(([, c]) => c.before === null || c.before === undefined);
  return (
    <ul className="plain-list changes">
      {entries.map(([field, { before, after }]) => (
        <li key={field}>
          {auditFieldLabel(field, lang)}:{' '}
          {!created && (
            <>
              <span className="change-before">{value(field, before)}</span> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t('audit.changedTo')} </span>{' '}
            </>
          )}
          <span className="change-after">{value(field, after)}</span>
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

/** Audit events, newest first: time, what happened as a sentence with names, and the changed fields in words. */
export function AuditTable({ events, focusId }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
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
            <th scope="col">{t('audit.colAction')}</th>
            <th scope="col">{t('audit.colChanges')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const page = e.entity_id ? RECORD_PAGES[e.entity_type] : undefined;
            return (
              <tr
                key={e.id}
                data-audit-id={e.id}
                {...(e.id === focusId ? { tabIndex: -1, 'data-focus-target': '' } : {})}
              >
                <td className="nowrap">
                  <time dateTime={e.occurred_at}>{format.timestamp(e.occurred_at)}</time>
                </td>
                <td className="sentence">
                  <p data-testid="audit-sentence">{auditSentence(e, lang)}</p>
                  {e.actor_name && <span className="muted actor">{t('auditLog.by', { actor: e.actor })}</span>}
                  {page && (
                    <>
                      {e.actor_name && <br />}
                      <Link to={`${page}${e.entity_id}`}>{t('auditLog.openRecord')}</Link>
                    </>
                  )}
                </td>
                <td className="changes-cell">
                  <Changes event={e} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
