import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { reportingEndpoints as api } from '../../api/reporting-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useReportingChange } from './use-reporting.js';

/** The office opens a tertial or the year for reporting, with the last day to submit. */
export function OpenPeriodForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [tertial, setTertial] = useState('1');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = useReportingChange(() =>
    api.open({ year: Number(year), tertial: tertial === 'year' ? null : Number(tertial), deadline }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (open.isPending) return;
    if (!deadline) {
      setError(t('reporting.open.missing'));
      document.getElementById('period-deadline')?.focus();
      return;
    }
    try {
      const period = await open.mutateAsync(undefined);
      void navigate(`/programmes/reporting/${period.id}`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="programme-edit-section" aria-labelledby="open-period">
      <h2 id="open-period">{t('reporting.open.title')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)} className="reporting-open">
        <Field id="period-year" label={t('reporting.open.year')}>
          {(aria) => (
            <select {...aria} value={year} onChange={(e) => setYear(e.target.value)}>
              {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="period-tertial" label={t('reporting.open.tertial')}>
          {(aria) => (
            <select {...aria} value={tertial} onChange={(e) => setTertial(e.target.value)}>
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {t('reporting.open.tertialN', { n })}
                </option>
              ))}
              <option value="year">{t('reporting.open.wholeYear')}</option>
            </select>
          )}
        </Field>
        <Field
          id="period-deadline"
          label={t('reporting.open.deadline')}
          hint={t('reporting.open.deadlineHint')}
          error={error ?? undefined}
          required
        >
          {(aria) => <input {...aria} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </Field>
        <SubmitButton pending={open.isPending} pendingLabel={t('reporting.open.pending')}>
          {t('reporting.open.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
