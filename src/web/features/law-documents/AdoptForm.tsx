import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawDocumentVersion } from '../../../domain/law-documents.js';
import { lawDocumentEndpoints as api } from '../../api/law-document-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useLawDocumentChange } from './use-law-documents.js';

/** Records the council's decision: a draft becomes the adopted version, the one in force until now replaced. */
export function AdoptForm({ doc }: { doc: LawDocumentVersion }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [ref, setRef] = useState('');
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const adopt = useLawDocumentChange(() =>
    api.adopt(doc.id, { status: 'adopted', decision_ref: ref.trim(), adopted_on: day }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (adopt.isPending) return;
    if (!ref.trim() || !day) return setError(t('lawDocuments.adoptMissing'));
    try {
      await adopt.mutateAsync(undefined);
      setError(null);
      setMessage(t('lawDocuments.adopted'));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section className="programme-edit-section" aria-labelledby="adopt-title">
      <h2 id="adopt-title">{t('lawDocuments.adoptTitle')}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <StatusMessage message={message} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="decision-ref">{t('lawDocuments.decisionRef')}</label>
          <input id="decision-ref" type="text" value={ref} onChange={(e) => setRef(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="adopted-on">{t('lawDocuments.adoptedOn')}</label>
          <input id="adopted-on" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </div>
        <SubmitButton pending={adopt.isPending} pendingLabel={t('lawDocuments.saving')}>
          {t('lawDocuments.adopt')}
        </SubmitButton>
      </form>
    </section>
  );
}
