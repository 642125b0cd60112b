import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { type SurveyImportReport, SurveyRowIssueSchema } from '../../../domain/surveys.js';
import { ApiError } from '../../api/client.js';
import { surveyEndpoints as api } from '../../api/survey-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import './surveys.css';

const RefusalSchema = z.object({ errors: z.array(SurveyRowIssueSchema), errors_total: z.number().int() });
type Refusal = z.infer<typeof RefusalSchema>;

/**
 * Importing published survey results (CSV or Excel): the whole file or nothing. A refused file lists every
 * row issue (row, column, what is wrong) in the page's language, so the sender can fix the file.
 */
export function SurveyImportPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const client = useQueryClient();
  useDocumentTitle(t('surveys.import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [report, setReport] = useState<SurveyImportReport | null>(null);
  const outcome = useFormOutcome<'file'>();
  const lang = i18n.language === 'en' ? 'en' : 'sv';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    setReport(null);
    setRefusal(null);
    if (!file) return outcome.fail({ file: t('surveys.import.fileMissing') }, null);
    setPending(true);
    try {
      const done = await api.importResults(file, false);
      setReport(done);
      outcome.succeed(t('surveys.import.done', { inserted: done.rows.inserted, updated: done.rows.updated }));
      void client.invalidateQueries({ queryKey: ['surveys'] });
    } catch (err) {
      const rows = err instanceof ApiError ? RefusalSchema.safeParse(err.details) : null;
      setRefusal(rows?.success ? rows.data : null);
      outcome.fail({}, errorText(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="page surveys">
      <p className="breadcrumb">
        <Link to="/surveys">← {t('surveys.title')}</Link>
      </p>
      <h1>{t('surveys.import.title')}</h1>
      <p className="lead">{t('surveys.import.intro')}</p>
      <ErrorSummary
        ref={outcome.summaryRef}
        title={t('surveys.import.summary')}
        items={outcome.errors.file ? [{ inputId: 'survey-file', message: outcome.errors.file }] : []}
        general={outcome.general}
      />
      {refusal && (
        <div className="table-wrap survey-issues" role="region" aria-labelledby="survey-issues-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="survey-issues-caption">{t('surveys.import.issues', { count: refusal.errors_total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.import.row')}</th>
                <th scope="col">{t('surveys.import.column')}</th>
                <th scope="col">{t('surveys.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {refusal.errors.map((issue) => (
                <tr key={`${issue.row}-${issue.code}-${issue.column ?? ''}`}>
                  <th scope="row">{issue.row}</th>
                  <td>{issue.column ?? '–'}</td>
                  <td>{issue.messages[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="survey-import-form">
        <h2 id="survey-import-form">{t('surveys.import.formTitle')}</h2>
        <Field
          id="survey-file"
          label={t('surveys.import.file')}
          hint={t('surveys.import.fileHelp')}
          error={outcome.errors.file}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                outcome.edited('file');
              }}
            />
          )}
        </Field>
        <SubmitButton pending={pending} pendingLabel={t('surveys.import.pending')}>
          {t('surveys.import.submit')}
        </SubmitButton>
      </form>
      <div role="status">
        {outcome.saved && report && (
          <p className="notice notice-info">
            {outcome.saved} <Link to="/surveys">{t('surveys.import.toCatalogue')}</Link>
          </p>
        )}
      </div>
    </div>
  );
}
