import { useTranslation } from 'react-i18next';
import type { PublicReportStatus } from '../../../domain/public-reports.js';
import { useFormat } from '../../components/use-format.js';

/** What anyone with the receipt code may see about a report: no free text, position rounded to ~100 m. */
export function ReportStatusCard({ report }: { report: PublicReportStatus }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <dl className="facts facts-stacked report-status">
      <div>
        <dt>{t('incidents.colStatus')}</dt>
        <dd>
          <span className={`status status-${report.status}`}>{t(`incidents.status.${report.status}`)}</span>
          {report.closure_reason && <> · {t(`follow.closure.${report.closure_reason}`)}</>}
        </dd>
      </div>
      <div>
        <dt>{t('incidents.colCategory')}</dt>
        <dd>{i18n.language === 'en' ? report.category_label_en : report.category_label_sv}</dd>
      </div>
      {report.place_name && (
        <div>
          <dt>{t('incidents.colPlace')}</dt>
          <dd>{report.place_name}</dd>
        </div>
      )}
      {report.area_name && (
        <div>
          <dt>{t('incidents.colNeighbourhood')}</dt>
          <dd>{report.area_name}</dd>
        </div>
      )}
      <div>
        <dt>{t('follow.reportedAt')}</dt>
        <dd>{format.dateTime(report.reported_at)}</dd>
      </div>
      <div>
        <dt>{t('follow.updatedAt')}</dt>
        <dd>{format.dateTime(report.updated_at)}</dd>
      </div>
    </dl>
  );
}
