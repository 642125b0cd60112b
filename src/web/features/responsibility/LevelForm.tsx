import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceLevel } from '../../../domain/responsibility.js';
import { ApiError } from '../../api/client.js';
import { useCategories, useCategoryLabel } from '../../api/use-reference-data.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { Field } from '../../forms/Field.js';
import { apiIssues, fieldErrors, summaryItems } from '../../forms/field-errors.js';
import {
  LEVEL_FIELDS,
  type LevelField,
  type LevelFormState,
  levelInputId,
  levelState,
  validateLevel,
} from './level-form.js';
import { useSetServiceLevel } from './use-responsibility.js';

interface Props {
  levels: readonly ServiceLevel[];
  /** The category chosen with a row's "Ändra": the form starts with it filled in and focused. */
  picked: string | null;
}

/** Sets or replaces a category's service level (admins), checked with the server's schema. */
export function LevelForm({ levels, picked }: Props) {
  const { t, i18n } = useTranslation();
  const save = useSetServiceLevel();
  const errorText = useErrorText();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel();
  const [state, setState] = useState<LevelFormState>(() => levelState(picked ?? '', levels));
  const { errors, general, saved, summaryRef, fail, succeed, edited } = useFormOutcome<LevelField>();
  const categoryRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (picked) categoryRef.current?.focus();
  }, [picked]);

  const set = (patch: Partial<LevelFormState>, field: LevelField) => {
    setState((s) => ({ ...s, ...patch }));
    edited(field);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const checked = validateLevel(state, t);
    if (checked.errors) return fail(checked.errors, null);
    try {
      const level = await save.mutateAsync(checked.input);
      succeed(t('serviceLevels.saved', { category: categoryLabel(level.category) }));
    } catch (err) {
      const fields =
        err instanceof ApiError
          ? fieldErrors(apiIssues(err.fieldIssues), LEVEL_FIELDS, 'rule', (f) => t(`serviceLevels.errors.${f}`))
          : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };

  return (
    <section className="section" aria-labelledby="level-form-heading">
      <h3 id="level-form-heading">{t('serviceLevels.formTitle')}</h3>
      <p className="hint">{t('serviceLevels.formIntro')}</p>
      <ErrorSummary
        ref={summaryRef}
        titleId="level-summary-title"
        title={t('serviceLevels.summaryTitle')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, LEVEL_FIELDS, levelInputId)}
      />
      <StatusMessage message={saved} />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <Field id="level-category" label={t('serviceLevels.category')} error={errors.category} required>
          {(aria) => (
            <select
              {...aria}
              ref={categoryRef}
              value={state.category}
              onChange={(e) => set(levelState(e.target.value, levels), 'category')}
            >
              <option value="">{t('serviceLevels.choose')}</option>
              {(categories.data ?? [])
                .filter((c) => c.active || c.code === state.category)
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {i18n.language === 'en' ? c.label_en : c.label_sv}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field
          id="level-hours"
          label={t('serviceLevels.hoursLabel')}
          hint={t('serviceLevels.hoursHint')}
          error={errors.hours}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              value={state.hours}
              onChange={(e) => set({ hours: e.target.value }, 'hours')}
            />
          )}
        </Field>
        <Field
          id="level-rule"
          label={t('serviceLevels.ruleLabel')}
          hint={t('serviceLevels.ruleHint')}
          error={errors.rule}
          required
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={2}
              maxLength={500}
              value={state.rule}
              onChange={(e) => set({ rule: e.target.value }, 'rule')}
            />
          )}
        </Field>
        <SubmitButton pending={save.isPending} pendingLabel={t('serviceLevels.saving')}>
          {t('serviceLevels.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
