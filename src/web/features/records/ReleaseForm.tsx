import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_TYPES } from '../../../domain/confidentiality.js';
import { ReleaseFormatSchema } from '../../../domain/records.js';
import { ApiError } from '../../api/client.js';
import { useUnits } from '../../api/use-reference-data.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field, type FieldAria } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import { useErrorText } from '../../components/QueryState.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import {
  emptyReleaseForm,
  RELEASE_FIELDS,
  RELEASE_INPUT_ID,
  type ReleaseField,
  type ReleaseFormState,
  serverReleaseErrors,
  validateRelease,
} from './release-form.js';
import { useCreateDraft } from './use-records.js';

/**
 * A release for one records request: reference, recipient, record type, the records by id or by unit and
 * period, and the format. Submitting prepares a draft for review (sekretessprövning); nothing is released yet.
 */
export function ReleaseForm({ onDraft }: { onDraft: (id: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const units = useUnits();
  const release = useCreateDraft();
  const [state, setState] = useState<ReleaseFormState>(emptyReleaseForm);
  const { errors, general, summaryRef, fail, succeed, edited } = useFormOutcome<ReleaseField>();
  const change = (patch: Partial<ReleaseFormState>, clear: ReleaseField) => {
    setState((s) => ({ ...s, ...patch }));
    edited(clear);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (release.isPending) return;
    const result = validateRelease(state, t);
    if (result.errors) return fail(result.errors, null);
    try {
      const draft = await release.mutateAsync(result.input);
      succeed();
      onDraft(draft.id);
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? serverReleaseErrors(err.fieldIssues, t) : {};
      const whole =
        err instanceof ApiError && err.code === 'NOT_FOUND'
          ? t('records.errors.noneFound')
          : err instanceof ApiError && err.fieldIssues.some((i) => i.code === 'too_many')
            ? t('records.errors.tooMany')
            : errorText(err);
      fail(fieldErrors, Object.keys(fieldErrors).length > 0 ? null : whole);
    }
  };

  const field = (name: ReleaseField, label: string, help: string | null, input: (aria: FieldAria) => ReactNode) => (
    <Field id={RELEASE_INPUT_ID[name]} label={label} hint={help ?? undefined} error={errors[name]}>
      {input}
    </Field>
  );
  const text = (name: 'request_ref' | 'recipient' | 'from' | 'to', label: string, help: string | null) =>
    field(name, label, help, (aria) => (
      <input
        {...aria}
        type="text"
        autoComplete="off"
        value={state[name]}
        onChange={(e) => change({ [name]: e.target.value }, name)}
      />
    ));

  return (
    <section className="release-panel" aria-labelledby="release-form-title">
      <h2 id="release-form-title">{t('records.formTitle')}</h2>
      <ErrorSummary
        ref={summaryRef}
        title={t('records.summaryTitle')}
        intro={t('records.summaryIntro')}
        items={summaryItems(errors, RELEASE_FIELDS, (f) => RELEASE_INPUT_ID[f])}
        general={general}
      />
      <form className="release-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="release-fields">
          {text('request_ref', t('records.requestRef'), t('records.requestRefHelp'))}
          {text('recipient', t('records.recipient'), t('records.recipientHelp'))}
          {field('type', t('records.type'), null, (aria) => (
            <select
              {...aria}
              value={state.type}
              onChange={(e) => change({ type: e.target.value as ReleaseFormState['type'] }, 'type')}
            >
              {RECORD_TYPES.map((r) => (
                <option key={r} value={r}>
                  {t(`records.types.${r}`)}
                </option>
              ))}
            </select>
          ))}
        </div>
        <RadioGroup
          name="release-by"
          idPrefix="release-by"
          legend={t('records.selection')}
          value={state.by}
          onChange={(by) => change({ by }, 'ids')}
          options={[
            { value: 'ids', label: t('records.byIds') },
            { value: 'filter', label: t('records.byFilter') },
          ]}
        />
        {state.by === 'ids' ? (
          field('ids', t('records.ids'), t('records.idsHelp'), (aria) => (
            <textarea
              {...aria}
              rows={4}
              spellCheck={false}
              value={state.ids}
              onChange={(e) => change({ ids: e.target.value }, 'ids')}
            />
          ))
        ) : (
          <div className="release-fields">
            {field('unit_id', t('records.unit'), t('records.unitHelp'), (aria) => (
              <select {...aria} value={state.unit_id} onChange={(e) => change({ unit_id: e.target.value }, 'unit_id')}>
                <option value="">{t('records.allUnits')}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            ))}
            {/* Text, not type="date": the browser's date field shows a format of its own language. */}
            {text('from', t('records.from'), t('records.dateHelp'))}
            {text('to', t('records.to'), t('records.dateHelp'))}
          </div>
        )}
        <RadioGroup
          name="release-format"
          idPrefix="release-format"
          legend={t('records.format')}
          value={state.format}
          onChange={(format) => change({ format }, 'format')}
          options={ReleaseFormatSchema.options.map((f) => ({ value: f, label: t(`records.formats.${f}`) }))}
        />
        <SubmitButton pending={release.isPending} pendingLabel={t('records.preparing')}>
          {t('records.prepare')}
        </SubmitButton>
      </form>
    </section>
  );
}
