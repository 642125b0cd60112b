import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClosureReasonSchema, type Incident, StatusSchema } from '../../../domain/incidents.js';
import { ApiError } from '../../api/client.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useUnits } from '../../api/use-reference-data.js';
import { useErrorText } from '../../components/QueryState.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { Field } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import {
  asksForUnit,
  NOTE_MAX_LENGTH,
  nextStatus,
  serverStatusErrors,
  STATUS_FIELD_ORDER,
  STATUS_INPUT_ID,
  type StatusField,
  type StatusFormState,
  validateStatus,
} from './status-form.js';
import { useUpdateIncidentStatus } from './use-incidents.js';

const initial = (incident: Incident): StatusFormState => ({
  status: nextStatus(incident.status),
  closureReason: incident.closure_reason ?? '',
  forwardedTo: incident.forwarded_to_unit_id ?? '',
  note: '',
});

/** New → in progress → closed (with a reason) and an optional note; PATCH /api/incidents/:id/status. */
export function StatusForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = useUpdateIncidentStatus(incident.id, incident.version);
  const units = useUnits();
  const [state, setState] = useState<StatusFormState>(() => initial(incident));
  const { errors, general, saved, summaryRef, fail, succeed, edited } = useFormOutcome<StatusField>();

  const change = (patch: Partial<StatusFormState>, clear: StatusField) => {
    setState((s) => ({ ...s, ...patch }));
    edited(clear);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    const result = validateStatus(state, t);
    if (result.errors) return fail(result.errors, null);
    try {
      const after = await update.mutateAsync(result.input);
      setState(initial(after));
      succeed(t('statusForm.saved', { status: t(`incidents.status.${after.status}`) }));
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? serverStatusErrors(err.fieldIssues, t) : {};
      fail(fieldErrors, Object.keys(fieldErrors).length > 0 ? null : errorText(err));
    }
  };

  return (
    <section className="status-form-panel" aria-labelledby="status-form-title">
      <h2 id="status-form-title">{t('statusForm.title')}</h2>
      <p className="hint">{t('statusForm.intro')}</p>
      <ErrorSummary
        ref={summaryRef}
        title={t('statusForm.summaryTitle')}
        intro={t('statusForm.summaryIntro')}
        items={summaryItems(errors, STATUS_FIELD_ORDER, (f) => STATUS_INPUT_ID[f])}
        general={general}
      />
      <form className="status-form" noValidate onSubmit={(e) => void submit(e)}>
        <RadioGroup
          name="status"
          idPrefix="status"
          legend={t('statusForm.status')}
          value={state.status}
          onChange={(status) => change({ status }, 'status')}
          options={StatusSchema.options.map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))}
          error={errors.status}
        />

        {state.status === 'closed' && (
          <Field id="status-closure" label={t('statusForm.closureReason')} error={errors.closure_reason} required>
            {(aria) => (
              <select
                {...aria}
                value={state.closureReason}
                required
                onChange={(e) =>
                  change({ closureReason: e.target.value as StatusFormState['closureReason'] }, 'closure_reason')
                }
              >
                <option value="">{t('statusForm.closureNone')}</option>
                {ClosureReasonSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {t(`statusForm.closure.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}

        {asksForUnit(state) && (
          <Field
            id="status-forwarded"
            label={t('statusForm.forwardedTo')}
            hint={t('statusForm.forwardedHelp')}
            error={errors.forwarded_to_unit_id}
            required
          >
            {(aria) => (
              <select
                {...aria}
                value={state.forwardedTo}
                required
                onChange={(e) => change({ forwardedTo: e.target.value }, 'forwarded_to_unit_id')}
              >
                <option value="">{t('statusForm.forwardedNone')}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}

        <Field
          id="status-note"
          label={t('statusForm.note')}
          hint={t('statusForm.noteHelp')}
          error={errors.note}
          describedBy={['status-note-counter']}
        >
          {(aria) => (
            <>
              <textarea
                {...aria}
                rows={3}
                value={state.note}
                onChange={(e) => change({ note: e.target.value }, 'note')}
              />
              <span id="status-note-counter" className="counter">
                {t('statusForm.counter', { count: state.note.length, max: NOTE_MAX_LENGTH })}
              </span>
            </>
          )}
        </Field>

        <SubmitButton pending={update.isPending} pendingLabel={t('statusForm.saving')}>
          {t('statusForm.submit')}
        </SubmitButton>
        <p className="status-saved" role="status">
          {saved && <span className="notice notice-success">{saved}</span>}
        </p>
      </form>
    </section>
  );
}
