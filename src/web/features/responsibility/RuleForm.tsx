import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ResponsibilityRule, ResponsibilityTargetSchema } from '../../../domain/responsibility.js';
import { ApiError } from '../../api/client.js';
import { useCategories } from '../../api/use-reference-data.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { Field } from '../../forms/Field.js';
import { apiIssues, summaryItems } from '../../forms/field-errors.js';
import { useUnitOptions } from '../views/use-reports.js';
import {
  blankRule,
  RULE_FIELDS,
  type RuleField,
  type RuleFormState,
  ruleErrors,
  ruleInputId,
  ruleState,
  validateRule,
} from './rule-form.js';
import { useSaveRule } from './use-responsibility.js';

interface Props {
  /** The rule being edited; null adds one. */
  rule: ResponsibilityRule | null;
  placeTypes: readonly string[];
  onSaved: (rule: ResponsibilityRule) => void;
  onCancel: () => void;
}

/** Adds or replaces a matrix rule, checked with the server's schema; the API's refusals shown at their field. */
export function RuleForm({ rule, placeTypes, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const change = useSaveRule();
  const errorText = useErrorText();
  const categories = useCategories();
  const units = useUnitOptions();
  const [state, setState] = useState<RuleFormState>(() => (rule ? ruleState(rule) : blankRule()));
  // The page announces a saved rule: the form is replaced or emptied.
  const { errors, general, summaryRef, fail, succeed, edited } = useFormOutcome<RuleField>();
  // A unit no longer in force stays choosable while its rule is edited.
  const unitOptions = rule?.unit && !units.some((u) => u.id === rule.unit!.id) ? [...units, rule.unit] : units;

  const set = <K extends RuleField>(key: K, value: RuleFormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    edited(key);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    const checked = validateRule(state, t);
    if (checked.errors) return fail(checked.errors, null);
    try {
      const saved = await change.mutateAsync({ id: rule?.id ?? null, body: checked.input });
      succeed();
      onSaved(saved);
      if (!rule) setState(blankRule());
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT')
        return fail({ category: t('responsibility.conflict') }, null);
      const fields = err instanceof ApiError ? ruleErrors(apiIssues(err.fieldIssues), t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('responsibility.summaryTitle')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, RULE_FIELDS, ruleInputId)}
      />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <Field id="rule-place-type" label={t('responsibility.placeType')} error={errors.place_type} required>
          {(aria) => (
            <select {...aria} value={state.place_type} onChange={(e) => set('place_type', e.target.value)}>
              <option value="">{t('responsibility.choose')}</option>
              {placeTypes.map((p) => (
                <option key={p} value={p}>
                  {t(`places.types.${p}`, { defaultValue: p })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="rule-category"
          label={t('responsibility.category')}
          hint={t('responsibility.categoryHint')}
          error={errors.category}
        >
          {(aria) => (
            <select {...aria} value={state.category} onChange={(e) => set('category', e.target.value)}>
              <option value="">{t('responsibility.allCategories')}</option>
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
        <RadioGroup
          name="rule-target"
          idPrefix="rule-target"
          legend={t('responsibility.target')}
          required
          value={state.target}
          error={errors.target}
          options={ResponsibilityTargetSchema.options.map((v) => ({
            value: v,
            label: t(`responsibility.targets.${v}`),
          }))}
          onChange={(v) => set('target', v)}
        />
        {state.target === 'unit' && (
          <Field id="rule-unit-id" label={t('responsibility.unit')} error={errors.unit_id} required>
            {(aria) => (
              <select {...aria} value={state.unit_id} onChange={(e) => set('unit_id', e.target.value)}>
                <option value="">{t('responsibility.choose')}</option>
                {unitOptions.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="rule-note" label={t('responsibility.note')} hint={t('responsibility.noteHint')} error={errors.note}>
          {(aria) => (
            <textarea
              {...aria}
              rows={2}
              maxLength={500}
              value={state.note}
              onChange={(e) => set('note', e.target.value)}
            />
          )}
        </Field>
        <p className="button-row">
          <SubmitButton pending={change.isPending} pendingLabel={t('responsibility.saving')}>
            {rule ? t('responsibility.save') : t('responsibility.add')}
          </SubmitButton>
          {rule && (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('responsibility.cancel')}
            </button>
          )}
        </p>
      </form>
    </>
  );
}
