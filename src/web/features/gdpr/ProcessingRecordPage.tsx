import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useProcessingRecord } from './use-processing-record.js';

const FIELDS = [
  ['purpose', 'purpose'],
  ['legal_basis', 'legalBasis'],
  ['data', 'data'],
  ['recipients', 'recipients'],
  ['retention', 'retention'],
] as const;

/** The record of processing (GDPR art. 30) from GET /api/gdpr/processing-record, in the current language. */
export function ProcessingRecordPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const record = useProcessingRecord();
  useDocumentTitle(t('gdpr.title'));
  const contact = record.data?.contact ?? '';

  return (
    <div className="page text-page processing-record-page">
      <h1>{t('gdpr.title')}</h1>
      <p className="lead">{t('gdpr.intro')}</p>
      <QueryState isPending={record.isPending} error={record.error} onRetry={() => void record.refetch()}>
        {record.data && (
          <>
            <dl className="facts">
              <div>
                <dt>{t('gdpr.controller')}</dt>
                <dd data-testid="controller">{record.data.controller}</dd>
              </div>
              <div>
                <dt>{t('gdpr.contact')}</dt>
                <dd>
                  {contact.includes('@') && !contact.includes(' ') ? (
                    <a href={`mailto:${contact}`}>{contact}</a>
                  ) : (
                    contact
                  )}
                </dd>
              </div>
            </dl>

            <h2>{t('gdpr.activities')}</h2>
            {record.data.activities.map((a, index) => (
              <section key={index} className="activity" aria-labelledby={`activity-${index}`}>
                <h3 id={`activity-${index}`}>{a.name[lang]}</h3>
                <dl className="facts facts-stacked">
                  {FIELDS.map(([field, label]) => (
                    <div key={field}>
                      <dt>{t(`gdpr.${label}`)}</dt>
                      <dd>{a[field][lang]}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}

            <h2>{t('gdpr.retentionRules')}</h2>
            <p>{t('gdpr.retentionIntro')}</p>
            <div className="table-wrap">
              <table className="data-table retention-table">
                <caption className="visually-hidden">{t('gdpr.retentionCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gdpr.colWhat')}</th>
                    <th scope="col" className="numeric">
                      {t('gdpr.colMonths')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {record.data.retention_rules.map((r) => (
                    <tr key={r.target}>
                      <th scope="row">{r.what[lang]}</th>
                      <td className="numeric">{t('gdpr.months', { count: r.months })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            <h2>{t('gdpr.rights')}</h2>
            <p>{t('gdpr.rightsText')}</p>
          </>
        )}
      </QueryState>
    </div>
  );
}
