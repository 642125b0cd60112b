import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ReceiptCodeSchema } from '../../../domain/public-reports.js';
import { ApiError } from '../../api/client.js';
import { QueryState } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { FollowDetails } from './FollowDetails.js';
import { ReportStatusCard } from './ReportStatusCard.js';
import { usePublicReport } from './use-incidents.js';

/** "Följ din rapport": look a report up by its receipt code. */
export function FollowPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const [value, setValue] = useState(code ?? '');
  const [error, setError] = useState<string | null>(null);
  const report = usePublicReport(code);
  // An unknown code is an error in the field that holds it, said and focused like the format error.
  const unknown = Boolean(code) && report.error instanceof ApiError && report.error.code === 'NOT_FOUND';
  useDocumentTitle(unknown ? t('follow.unknownTitle') : code ? t('follow.result', { code }) : t('follow.title'));
  useEffect(() => {
    if (unknown) document.getElementById('follow-code')?.focus();
  }, [unknown, code]);
  const fieldError = error ?? (unknown ? t('follow.unknown', { code }) : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normalised = value.trim().toUpperCase();
    if (!ReceiptCodeSchema.safeParse(normalised).success) {
      setError(t('follow.invalid'));
      document.getElementById('follow-code')?.focus();
      return;
    }
    setError(null);
    void navigate(`/follow/${normalised}`);
  };

  return (
    <div className="page follow-page">
      <h1>{t('follow.title')}</h1>
      <p className="lead">{t('follow.intro')}</p>
      <form className="inline-form" noValidate onSubmit={submit}>
        <Field id="follow-code" label={t('follow.code')} hint={t('follow.codeHelp')} error={fieldError}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              value={value}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary">
          {t('follow.submit')}
        </button>
      </form>
      <p className="visually-hidden" role="status">
        {fieldError ?? ''}
      </p>
      {code && !unknown && (
        <section className="section" aria-live="polite">
          <QueryState isPending={report.isPending} error={report.error}>
            {report.data && (
              <>
                <h2>{t('follow.result', { code })}</h2>
                <ReportStatusCard report={report.data} />
                <FollowDetails report={report.data} />
              </>
            )}
          </QueryState>
        </section>
      )}
    </div>
  );
}
