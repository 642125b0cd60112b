import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../domain/agreements.js';
import { AgreementPublicTextSchema } from '../../../domain/agreements.js';
import { useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useSetPublicText } from '../views/use-reports.js';

/** The district's coordinator approves, word for word, the text the public page shows, or withdraws it. */
export function PublicTextForm({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSetPublicText();
  const [text, setText] = useState(agreement.approved_public_text ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const id = `public-text-${agreement.id}`;

  const submit = (value: string | null) => {
    if (save.isPending) return;
    setMessage(null);
    const parsed = AgreementPublicTextSchema.safeParse({ text: value });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    save.mutate(
      { id: agreement.id, text: parsed.data.text },
      {
        onSuccess: () => {
          setMessage(t(value === null ? 'agreements.withdrawn' : 'agreements.approved'));
          if (value === null) setText('');
        },
      },
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(text);
  };

  return (
    <form className="public-text-form" onSubmit={onSubmit} noValidate>
      <Field
        id={id}
        label={t('agreements.approveLabel')}
        hint={t('agreements.approveHelp')}
        error={invalid ? t('agreements.empty') : undefined}
      >
        {(aria) => (
          <textarea {...aria} rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <div className="button-row">
        <SubmitButton pending={save.isPending} pendingLabel={t('programme.saving')}>
          {t('agreements.approve')}
        </SubmitButton>
        {agreement.approved_public_text && (
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={save.isPending || undefined}
            onClick={() => submit(null)}
          >
            {t('agreements.withdraw')}
          </button>
        )}
      </div>
      <div role="status">{message && <p className="notice-success">{message}</p>}</div>
      {save.error && (
        <p className="notice notice-error" role="alert">
          {errorText(save.error)}
        </p>
      )}
    </form>
  );
}
