import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/problems.js';
import { useToday } from '../../components/time-zone.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormat } from '../../components/use-format.js';
import { addDays } from '../../../domain/calendar/index.js';
import { Field } from '../../forms/Field.js';
import { validateBaseline } from './problem-edit.js';
import { useChangeProblem } from './use-programme.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';

/**
 * Setting or resetting the baseline: the editor picks the period, the server counts the incidents, and the
 * value it computed is announced (the target is edited with the problem's other fields).
 */
export function BaselineForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const change = useChangeProblem(problem.id);
  const errorText = useErrorText();
  const today = useToday();
  const [from, setFrom] = useState(problem.baseline?.from ?? addDays(today, -182));
  const [to, setTo] = useState(problem.baseline?.to ?? today);
  const [invalid, setInvalid] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [summaryRef, focusSummary] = useFocusAfterRender<HTMLDivElement>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    setMessage(null);
    const v = validateBaseline(from, to);
    setInvalid(!v.success);
    if (!v.success) return focusSummary();
    try {
      const p = await change.mutateAsync({ kind: 'baseline', body: v.data });
      if (p.baseline)
        setMessage(
          t('programmeEdit.baseline.set', {
            value: t('programme.problem.baselineValue', {
              count: p.baseline.value,
              from: format.day(p.baseline.from),
              to: format.day(p.baseline.to),
            }),
          }),
        );
    } catch {
      focusSummary();
    }
  };
  const error = invalid ? t('programmeEdit.errors.baseline') : undefined;

  return (
    <form
      className="programme-form baseline-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="baseline-form-heading"
    >
      <h3 id="baseline-form-heading">
        {t(problem.baseline ? 'programmeEdit.baseline.reset' : 'programmeEdit.baseline.heading')}
      </h3>
      <ErrorSummary
        ref={summaryRef}
        titleId="baseline-summary-title"
        title={t('programmeEdit.baseline.summaryTitle')}
        items={error ? [{ inputId: 'baseline-from', message: error }] : []}
        general={change.error && !invalid ? errorText(change.error) : null}
      />
      <p className="hint">{t('programmeEdit.baseline.hint')}</p>
      <div className="inline-fields">
        <Field id="baseline-from" label={t('programme.fields.from')} error={error}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
                setInvalid(false);
              }}
            />
          )}
        </Field>
        <Field id="baseline-to" label={t('programme.fields.to')}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                setInvalid(false);
              }}
            />
          )}
        </Field>
      </div>
      <SubmitButton pending={change.isPending} pendingLabel={t('programme.saving')}>
        {t('programmeEdit.baseline.submit')}
      </SubmitButton>
      <div role="status">{message && <p className="notice notice-success">{message}</p>}</div>
    </form>
  );
}
