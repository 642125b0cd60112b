import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReportReceipt } from '../../api/endpoints.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { ReportStatusCard } from './ReportStatusCard.js';
import { usePublicReport } from './use-incidents.js';
import { useAttachPhoto } from './use-resident.js';

/**
 * After a resident's report: the receipt code to follow it by, and what the city now knows about it. A photo
 * chosen on the form is sent now, with the receipt code the report just got.
 */
export function PublicReceipt({
  receipt,
  photo,
  onAnother,
}: {
  receipt: PublicReportReceipt;
  photo: File | null;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = usePublicReport(receipt.receipt_code);
  const attach = useAttachPhoto(receipt.receipt_code);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sent = useRef(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (!photo || sent.current) return;
    sent.current = true;
    attach.mutate(photo);
  }, [photo, attach.mutate]);

  return (
    <section className="confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" ref={headingRef} tabIndex={-1}>
        {t('report.done.title')}
      </h2>
      <p>{t('report.done.receiptIntro')}</p>
      <p className="receipt-code" data-testid="receipt-code">
        {receipt.receipt_code}
      </p>
      {photo && (
        <p role="status" className={attach.isError ? 'notice notice-error' : 'hint'}>
          {attach.isError
            ? t('resident.photo.failed', { message: errorText(attach.error) })
            : attach.isSuccess
              ? t('resident.photo.sent')
              : t('resident.photo.sending')}
        </p>
      )}
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
