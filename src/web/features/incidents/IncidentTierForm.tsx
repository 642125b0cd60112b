import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CONFIDENTIALITY_TIERS, type Confidentiality } from '../../../domain/confidentiality.js';
import type { Incident } from '../../../domain/incidents.js';
import { ApiError } from '../../api/client.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { Field } from '../../forms/Field.js';
import { validateTier } from './tier-form.js';
import { useUpdateIncidentConfidentiality } from './use-incidents.js';

const SELECT_ID = 'incident-tier';

/** Moves the incident to another confidentiality tier; PATCH /api/incidents/:id/confidentiality. */
export function IncidentTierForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const update = useUpdateIncidentConfidentiality(incident.id);
  const [tier, setTier] = useState<Confidentiality>(incident.confidentiality);
  const { errors, general, saved, summaryRef, fail, succeed, edited } = useFormOutcome<'tier'>();
  const error = errors.tier;
  const label = (c: Confidentiality) => t(`programmeEdit.confidentiality.${c}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    const input = validateTier(incident.confidentiality, tier);
    if (input === 'unchanged') return fail({ tier: t('incidentTier.unchanged') }, null);
    try {
      const after = await update.mutateAsync(input);
      succeed(t('incidentTier.saved', { tier: label(after.confidentiality) }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        // Someone else changed it: show what it is now, and let the editor choose again from there.
        await queryClient.invalidateQueries({ queryKey: ['incidents', 'one', incident.id] });
        return fail({}, t('incidentTier.stale'));
      }
      fail({}, errorText(err));
    }
  };

  return (
    <section className="status-form-panel tier-form-panel" aria-labelledby="tier-form-title">
      <h2 id="tier-form-title">{t('incidentTier.title')}</h2>
      <p data-testid="incident-tier">{t('incidentTier.current', { tier: label(incident.confidentiality) })}</p>
      <ErrorSummary
        ref={summaryRef}
        titleId="tier-summary-title"
        title={t('incidentTier.summaryTitle')}
        items={error ? [{ inputId: SELECT_ID, message: error }] : []}
        general={general}
      />
      <form className="status-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          id={SELECT_ID}
          label={t('incidentTier.label')}
          hint={t('incidentTier.intro')}
          error={error}
          describedBy={[tier === 'restricted' && 'incident-tier-restricted']}
        >
          {(aria) => (
            <>
              {tier === 'restricted' && (
                <span id="incident-tier-restricted" className="hint">
                  {t('incidentTier.restrictedHint')}
                </span>
              )}
              <select
                {...aria}
                value={tier}
                onChange={(e) => {
                  setTier(e.target.value as Confidentiality);
                  edited('tier');
                }}
              >
                {CONFIDENTIALITY_TIERS.map((c) => (
                  <option key={c} value={c}>
                    {label(c)}
                  </option>
                ))}
              </select>
            </>
          )}
        </Field>
        <SubmitButton pending={update.isPending} pendingLabel={t('incidentTier.saving')}>
          {t('incidentTier.submit')}
        </SubmitButton>
        <p className="status-saved" role="status">
          {saved && <span className="notice notice-success">{saved}</span>}
        </p>
      </form>
    </section>
  );
}
