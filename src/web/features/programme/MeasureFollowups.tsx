import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Followup,
  type FollowupAssessment as Assessment,
  FollowupAssessmentSchema,
  FollowupRecordSchema,
  type Measure,
} from '../../../domain/measures.js';
import { useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormat } from '../../components/use-format.js';
import { useChangeMeasure } from './use-programme.js';

/** The measure's follow-up dates, each with its record (what was done, indicator then, assessment). */
export function MeasureFollowups({ measure, canEdit }: { measure: Measure; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [recording, setRecording] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="measure-followups-heading">
      <h2 id="measure-followups-heading">{t('programme.followup.heading')}</h2>
      {measure.followups.length === 0 ? (
        <p className="empty">{t('programme.followup.none')}</p>
      ) : (
        <ul className="followup-list">
          {measure.followups.map((f) => (
            <li key={f.id} className="followup-item">
              <h3 className="h3">
                {t('programme.followup.due', { date: format.day(f.due_date) })}
                {f.overdue && (
                  <>
                    {' '}
                    · <span className="overdue">{t('programme.overdue')}</span>
                  </>
                )}
              </h3>
              {f.recorded_at ? (
                <FollowupRecordView followup={f} />
              ) : recording === f.id ? (
                <RecordForm measureId={measure.id} followup={f} onDone={() => setRecording(null)} />
              ) : (
                <>
                  <p className="muted">{t('programme.followup.notRecorded')}</p>
                  {canEdit && (
                    <button type="button" className="button button-secondary" onClick={() => setRecording(f.id)}>
                      {t('programme.followup.record')}
                      <span className="visually-hidden">: {format.day(f.due_date)}</span>
                    </button>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <AddFollowup measureId={measure.id} />}
    </section>
  );
}

function FollowupRecordView({ followup: f }: { followup: Followup }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="facts">
      <div>
        <dt>{t('programme.followup.recordedAt')}</dt>
        <dd>{format.dateTime(f.recorded_at!)}</dd>
      </div>
      <div>
        <dt>{t('programme.followup.whatWasDone')}</dt>
        <dd>{f.what_was_done ?? t('programme.hiddenText')}</dd>
      </div>
      <div>
        <dt>{t('programme.followup.indicator')}</dt>
        <dd>
          {f.indicator
            ? t('programme.followup.indicatorValue', {
                value: f.indicator.value,
                baseline: f.indicator.baseline,
                from: format.day(f.indicator.from),
                to: format.day(f.indicator.to),
              })
            : t('programme.followup.noIndicator')}
        </dd>
      </div>
      <div>
        <dt>{t('programme.followup.assessment')}</dt>
        <dd>{f.assessment ? t(`programme.assessments.${f.assessment}`) : t('common.none')}</dd>
      </div>
    </dl>
  );
}

function RecordForm({ measureId, followup, onDone }: { measureId: string; followup: Followup; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeMeasure(measureId);
  const errorText = useErrorText();
  const [what, setWhat] = useState('');
  const [assessment, setAssessment] = useState<Assessment | ''>('');
  const [invalid, setInvalid] = useState<{ what?: boolean; assessment?: boolean }>({});
  const id = `followup-${followup.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    const parsed = FollowupRecordSchema.safeParse({ what_was_done: what, assessment: assessment || undefined });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      setInvalid({ what: fields.has('what_was_done'), assessment: fields.has('assessment') });
      document.getElementById(fields.has('what_was_done') ? `${id}-what` : `${id}-assessment-improved`)?.focus();
      return;
    }
    change.mutate({ kind: 'record_followup', followupId: followup.id, body: parsed.data }, { onSuccess: onDone });
  };
  return (
    <form className="programme-form followup-form" noValidate onSubmit={submit}>
      <Field
        id={`${id}-what`}
        label={t('programme.followup.whatWasDone')}
        error={invalid.what ? t('programme.errors.followup.what_was_done') : undefined}
      >
        {(aria) => (
          <textarea {...aria} rows={3} value={what} maxLength={4000} onChange={(e) => setWhat(e.target.value)} />
        )}
      </Field>
      <RadioGroup<Assessment | ''>
        name={`${id}-assessment`}
        idPrefix={`${id}-assessment`}
        legend={t('programme.followup.assessment')}
        value={assessment}
        error={invalid.assessment ? t('programme.errors.followup.assessment') : undefined}
        options={FollowupAssessmentSchema.options.map((a) => ({ value: a, label: t(`programme.assessments.${a}`) }))}
        onChange={setAssessment}
      />
      <p className="hint">{t('programme.followup.indicatorHint')}</p>
      <div className="button-row">
        <SubmitButton pending={change.isPending} pendingLabel={t('programme.saving')}>
          {t('programme.followup.save')}
        </SubmitButton>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('programme.cancel')}
        </button>
      </div>
      {change.error && (
        <p className="notice notice-error" role="alert">
          {errorText(change.error)}
        </p>
      )}
    </form>
  );
}

function AddFollowup({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const change = useChangeMeasure(measureId);
  const errorText = useErrorText();
  const [date, setDate] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    if (!date) return document.getElementById('followup-new-date')?.focus();
    change.mutate({ kind: 'add_followup', dueDate: date }, { onSuccess: () => setDate('') });
  };
  return (
    <form className="inline-add" onSubmit={submit} aria-label={t('programme.followup.add')}>
      <div className="field">
        <label htmlFor="followup-new-date">{t('programme.followup.newDate')}</label>
        <input id="followup-new-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <SubmitButton variant="secondary" pending={change.isPending} pendingLabel={t('programme.saving')}>
        {t('programme.followup.add')}
      </SubmitButton>
      {change.error && (
        <p className="notice notice-error" role="alert">
          {errorText(change.error)}
        </p>
      )}
    </form>
  );
}
