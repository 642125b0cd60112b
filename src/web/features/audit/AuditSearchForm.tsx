import { type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { AUDIT_ACTIONS, AUDIT_FIELDS, AUDIT_INPUT_ID, type AuditErrors, type AuditField, type AuditFormState } from './audit-filter.js';

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
  const items = AUDIT_FIELDS.flatMap((f) => (errors[f] ? [{ inputId: AUDIT_INPUT_ID[f], message: errors[f] }] : []));

  const text = (field: AuditField, label: string, help?: string) => {
    const id = AUDIT_INPUT_ID[field];
    const describedBy = [help ? `${id}-help` : '', errors[field] ? `${id}-error` : ''].filter(Boolean).join(' ');
    return (
      <div className={`field ${errors[field] ? 'has-error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {help && <span id={`${id}-help`} className="hint">{help}</span>}
        {errors[field] && <p id={`${id}-error`} className="field-error">{errors[field]}</p>}
        <input
          id={id}
          type="text"
          value={form[field]}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={errors[field] ? true : undefined}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      </div>
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} title={t('audit.summaryTitle')} items={items} />
      <form className="audit-form" role="search" aria-labelledby="audit-search-title" noValidate onSubmit={submit}>
        <h2 id="audit-search-title">{t('audit.search')}</h2>
        <div className="audit-fields">
          {text('actor', t('audit.actor'), t('audit.actorHelp'))}
          <div className={`field ${errors.action ? 'has-error' : ''}`}>
            <label htmlFor={AUDIT_INPUT_ID.action}>{t('audit.action')}</label>
            {errors.action && <p id="audit-action-error" className="field-error">{errors.action}</p>}
            <select
              id={AUDIT_INPUT_ID.action}
              value={form.action}
              aria-invalid={errors.action ? true : undefined}
              {...(errors.action ? { 'aria-describedby': 'audit-action-error' } : {})}
              onChange={(e) => onChange({ action: e.target.value })}
            >
              <option value="">{t('audit.actionAll')}</option>
              {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{t(`audit.actions.${a}`)}</option>)}
            </select>
          </div>
          {text('entity_type', t('audit.entityType'), t('audit.entityTypeHelp'))}
          {text('entity_id', t('audit.entityId'))}
          {/* Text, not type="date": the browser's date field shows a format of its own language (a known gap). */}
          {text('from', t('audit.from'), t('audit.dateHelp'))}
          {text('to', t('audit.to'), t('audit.dateHelp'))}
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary">{t('audit.submit')}</button>
          <button type="button" className="button button-secondary" onClick={onClear}>{t('audit.clear')}</button>
        </div>
      </form>
    </>
  );
}
