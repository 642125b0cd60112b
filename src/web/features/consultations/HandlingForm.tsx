import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Handling, ProposalHandlingSchema } from '../../../domain/consultations.js';
import { consultationEndpoints as api } from '../../api/consultation-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useConsultationChange } from './use-consultations.js';

const CHOICES: readonly Handling[] = ['accepted', 'partly', 'rejected'];

/** How the office handled one proposal: accepted, partly or rejected, with a reason for the latter two. */
export function HandlingForm(props: {
  responseId: string;
  sectionKey: string;
  handling: Handling | null;
  reason: string | null;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const prefix = `handling-${props.responseId}-${props.sectionKey}`;
  const [handling, setHandling] = useState<Handling>(props.handling ?? 'accepted');
  const [reason, setReason] = useState(props.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const save = useConsultationChange((body: { handling: Handling; reason?: string }) =>
    api.handle(props.responseId, props.sectionKey, body),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { handling, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    if (!ProposalHandlingSchema.safeParse(input).success) return setError(t('consultations.reasonRequired'));
    setError(null);
    try {
      await save.mutateAsync(input);
      setGeneral(null);
    } catch (err) {
      setGeneral(errorText(err));
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="handling-form">
      {general && <p role="alert">{general}</p>}
      <RadioGroup
        name={prefix}
        idPrefix={prefix}
        legend={t('consultations.handling')}
        value={handling}
        options={CHOICES.map((c) => ({ value: c, label: t(`consultations.handlingOptions.${c}`) }))}
        onChange={setHandling}
      />
      <Field
        id={`${prefix}-reason`}
        label={t('consultations.reason')}
        hint={t('consultations.reasonHint')}
        error={error ?? undefined}
        required={handling !== 'accepted'}
      >
        {(aria) => <textarea {...aria} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <SubmitButton pending={save.isPending} pendingLabel={t('consultations.sending')}>
        {t('consultations.record')}
      </SubmitButton>
    </form>
  );
}
