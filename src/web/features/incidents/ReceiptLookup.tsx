import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ReceiptCodeSchema } from '../../../domain/public-reports.js';
import { ApiError } from '../../api/client.js';
import { residentEndpoints } from '../../api/resident-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { SubmitButton } from '../../forms/SubmitButton.js';

/** Staff find a resident's report by the receipt code the resident quotes (by phone or e-mail) and open it. */
export function ReceiptLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = value.trim().toUpperCase();
    const fail = (message: string) => {
      setError(message);
      document.getElementById('receipt-lookup-code')?.focus();
    };
    if (!ReceiptCodeSchema.safeParse(code).success) return fail(t('resident.lookup.invalid'));
    setPending(true);
    try {
      const incident = await residentEndpoints.incidentByReceipt(code);
      void navigate(`/incidents/${incident.id}`);
    } catch (err) {
      fail(err instanceof ApiError && err.status === 404 ? t('resident.lookup.notFound') : errorText(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="receipt-lookup" aria-labelledby="receipt-lookup-heading">
      <h2 id="receipt-lookup-heading">{t('resident.lookup.heading')}</h2>
      <form className="inline-form" role="search" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          id="receipt-lookup-code"
          label={t('resident.lookup.label')}
          hint={t('resident.lookup.hint')}
          error={error}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              value={value}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                setValue(e.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <SubmitButton pending={pending} pendingLabel={t('resident.lookup.submit')}>
          {t('resident.lookup.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
