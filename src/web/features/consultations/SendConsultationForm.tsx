import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ConsultationSendSchema } from '../../../domain/consultations.js';
import { endpoints } from '../../api/endpoints.js';
import { consultationEndpoints as api } from '../../api/consultation-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useConsultationChange } from './use-consultations.js';

type SendField = 'unit_ids' | 'deadline';
const FIELDS: readonly SendField[] = ['unit_ids', 'deadline'];

/** Sends a draft on consultation: the units asked (a checkbox group) and the last day to answer. */
export function SendConsultationForm({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const units = useQuery({ queryKey: ['units', 'all'], queryFn: () => endpoints.units() });
  const [chosen, setChosen] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const { errors, general, summaryRef, fail } = useFormOutcome<SendField>();
  const send = useConsultationChange((body: { unit_ids: string[]; deadline: string }) => api.send(versionId, body));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (send.isPending) return;
    const parsed = ConsultationSendSchema.safeParse({ unit_ids: chosen, deadline: deadline.trim() });
    if (!parsed.success) {
      const fields: Partial<Record<SendField, string>> = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'unit_ids') fields.unit_ids = t('consultations.chooseUnits');
        if (issue.path[0] === 'deadline') fields.deadline = t('consultations.badDeadline');
      }
      return fail(fields, null);
    }
    try {
      await send.mutateAsync(parsed.data);
    } catch (err) {
      fail({}, errorText(err));
    }
  };
  const options = (units.data ?? [])
    .map((u) => ({ value: u.id, label: u.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  return (
    <section className="programme-edit-section" aria-labelledby="send-consultation-title">
      <h2 id="send-consultation-title">{t('consultations.sendTitle')}</h2>
      <p className="hint">{t('consultations.sendIntro')}</p>
      <ErrorSummary
        ref={summaryRef}
        titleId="send-summary-title"
        title={t('consultations.formError')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, FIELDS, (f) => `send-${f}`)}
      />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <CheckboxGroup
          id="send-unit_ids"
          legend={t('consultations.units')}
          hint={t('consultations.unitsHint')}
          options={options}
          values={chosen}
          onChange={setChosen}
          error={errors.unit_ids}
          required
        />
        <Field
          id="send-deadline"
          label={t('consultations.deadline')}
          hint={t('consultations.deadlineHint')}
          error={errors.deadline}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
            />
          )}
        </Field>
        <SubmitButton pending={send.isPending} pendingLabel={t('consultations.sending')}>
          {t('consultations.send')}
        </SubmitButton>
      </form>
    </section>
  );
}
