import type { FormEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import {
  AUDIT_ACTIONS,
  AUDIT_FIELDS,
  AUDIT_INPUT_ID,
  type AuditErrors,
  type AuditField,
  type AuditFormState,
} from './audit-filter.js';

interface Props {
  form: AuditFormState;
  errors: AuditErrors;
  onChange: (patch: Partial<AuditFormState>) => void;
  onSubmit: () => void;
  onClear: () => void;
  summaryRef: Ref<HTMLDivElement>;
}

/** Actor, action, record type and id, and a date range: the fields of AuditQuerySchema. */
export function AuditSearchForm({ form, errors, onChange, onSubmit, onClear, summaryRef }: Props) {
  const { t } = useTranslation();

  const text = (field: AuditField, label: string, help?: string) => (
    <Field id={AUDIT_INPUT_ID[field]} label={label} hint={help} error={errors[field]}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          value={form[field]}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      )}
    </Field>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('audit.summaryTitle')}
        items={summaryItems(errors, AUDIT_FIELDS, (f) => AUDIT_INPUT_ID[f])}
      />
      <form className="audit-form" role="search" aria-labelledby="audit-search-title" noValidate onSubmit={submit}>
        <h2 id="audit-search-title">{t('audit.search')}</h2>
        <div className="audit-fields">
          {text('actor', t('audit.actor'), t('audit.actorHelp'))}
          <Field id={AUDIT_INPUT_ID.action} label={t('audit.action')} error={errors.action}>
            {(aria) => (
              <select {...aria} value={form.action} onChange={(e) => onChange({ action: e.target.value })}>
                <option value="">{t('audit.actionAll')}</option>
                {AUDIT_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {t(`audit.actions.${a}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('entity_type', t('audit.entityType'), t('audit.entityTypeHelp'))}
          {text('entity_id', t('audit.entityId'))}
          {/* Text, not type="date": the browser's date field shows a format of its own language (a known gap). */}
          {text('from', t('audit.from'), t('audit.dateHelp'))}
          {text('to', t('audit.to'), t('audit.dateHelp'))}
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('audit.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClear}>
            {t('audit.clear')}
          </button>
        </div>
      </form>
    </>
  );
}
