import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReportReceipt } from '../../api/endpoints.js';
import { QueryState } from '../../components/QueryState.js';
import { ReportStatusCard } from './ReportStatusCard.js';
import { usePublicReport } from './use-incidents.js';

/** After a resident's report: the receipt code to follow it by, and what the city now knows about it. */
export function PublicReceipt({ receipt, onAnother }: { receipt: PublicReportReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const status = usePublicReport(receipt.receipt_code);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" ref={headingRef} tabIndex={-1}>
        {t('report.done.title')}
      </h2>
      <p>{t('report.done.receiptIntro')}</p>
      <p className="receipt-code" data-testid="receipt-code">
        {receipt.receipt_code}
      </p>
      <QueryState isPending={status.isPending} error={status.error}>
        {status.data && <ReportStatusCard report={status.data} />}
      </QueryState>
      <p className="notice notice-info">{t('report.done.redactionNote')}</p>
      <p>
        <Link to={`/follow/${receipt.receipt_code}`} className="follow-link">
          {t('report.done.follow')}
        </Link>
      </p>
      <button type="button" className="button button-secondary" onClick={onAnother}>
        {t('report.done.another')}
      </button>
    </section>
  );
}
