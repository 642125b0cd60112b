import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Evaluation } from '../../../domain/evaluations.js';
import { DEFAULT_BUFFER_METRES } from '../../../domain/evaluations.js';
import { ApiError } from '../../api/client.js';
import { useCategories } from '../../api/use-reference-data.js';
import { useErrorText } from '../../components/QueryState.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { apiIssues, summaryItems } from '../../forms/field-errors.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { usePlaces } from '../places/use-places.js';
import { PlacePicker } from '../programme/PlacePicker.js';
import { ComparisonSuggestions } from './ComparisonSuggestions.js';
import {
  EVALUATION_FIELDS,
  type EvaluationField,
  type EvaluationFormState,
  evaluationErrors,
  evaluationInputId,
  validateEvaluation,
} from './evaluation-form.js';
import { EvaluationPeriods } from './EvaluationPeriods.js';

interface Props {
  initial: EvaluationFormState;
  /** Names of places already in the design that the place list may lack. */
  knownNames: ReadonlyMap<string, string>;
  /** Where Cancel leads. */
  backTo: string;
  submitLabel: string;
  pending: boolean;
  /** Sends the checked design; the caller navigates on success and rethrows the API's refusal. */
  onSave: (design: NonNullable<ReturnType<typeof validateEvaluation>['design']>) => Promise<void>;
}

/**
 * The evaluation design for an evaluator who is not a statistician: each choice filled in with a sound
 * default and explained, checked with the API's own schema and design rules before it is sent.
 */
export function EvaluationDesignForm({ initial, knownNames, backTo, submitLabel, pending, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const places = usePlaces();
  const categories = useCategories();
  const [state, setState] = useState<EvaluationFormState>(initial);
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<EvaluationField>();
  const sortedPlaces = useMemo(
    () => [...(places.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    [places.data],
  );
  const categoryOptions = (categories.data ?? [])
    .filter((c) => c.active || state.categories.includes(c.code))
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((c) => ({ value: c.code, label: i18n.language === 'en' ? c.label_en : c.label_sv }));
  const ring = initial.bufferMetres ?? DEFAULT_BUFFER_METRES;

  const set = <K extends keyof EvaluationFormState>(key: K, value: EvaluationFormState[K], field: EvaluationField) => {
    setState((s) => ({ ...s, [key]: value }));
    edited(field);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const v = validateEvaluation(state, t);
    if (v.errors) return fail(v.errors, null);
    try {
      await onSave(v.design);
    } catch (err) {
      const fields = err instanceof ApiError ? evaluationErrors(apiIssues(err.fieldIssues), t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('evaluationForm.summaryTitle')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, EVALUATION_FIELDS, evaluationInputId)}
      />
      <form className="programme-form evaluation-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <Field
          id="evaluation-title"
          label={t('evaluationForm.titleLabel')}
          hint={t('evaluationForm.titleHint')}
          error={errors.title}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={200}
              value={state.title}
              onChange={(e) => set('title', e.target.value, 'title')}
            />
          )}
        </Field>
        <PlacePicker
          id="evaluation-treatment"
          legend={t('evaluationForm.treatment')}
          hint={t('evaluationForm.treatmentHint')}
          error={errors.treatment}
          places={sortedPlaces}
          extraNames={knownNames}
          values={state.treatment}
          onChange={(v) => set('treatment', v, 'treatment')}
        />
        <CheckboxGroup
          id="evaluation-categories"
          legend={t('evaluationForm.categories')}
          hint={t('evaluationForm.categoriesHint')}
          error={errors.categories}
          required
          options={categoryOptions}
          values={state.categories}
          onChange={(v) => set('categories', v, 'categories')}
        />
        <EvaluationPeriods
          before={state.before}
          after={state.after}
          errors={errors}
          onChange={(which, period) => set(which, period, which)}
        />
        <section aria-labelledby="evaluation-comparison-title">
          <h2 id="evaluation-comparison-title">{t('evaluationForm.comparison')}</h2>
          <p>{t('evaluationForm.comparisonHint')}</p>
          <ComparisonSuggestions
            treatment={state.treatment}
            categories={state.categories}
            before={state.before}
            chosen={state.comparison}
            onAdd={(id) => set('comparison', [...state.comparison, id], 'comparison')}
          />
          <PlacePicker
            id="evaluation-comparison"
            legend={t('evaluationForm.comparisonChosen')}
            error={errors.comparison}
            places={sortedPlaces.filter((p) => !state.treatment.includes(p.id))}
            extraNames={knownNames}
            values={state.comparison}
            onChange={(v) => set('comparison', v, 'comparison')}
          />
        </section>
        <RadioGroup<'ring' | 'none'>
          name="evaluation-buffer"
          idPrefix="evaluation-buffer"
          legend={t('evaluationForm.buffer')}
          hint={t('evaluationForm.bufferHint')}
          error={errors.buffer}
          value={state.bufferMetres === null ? 'none' : 'ring'}
          options={[
            { value: 'ring', label: t('evaluationForm.bufferRing', { metres: ring }) },
            { value: 'none', label: t('evaluationForm.bufferNone') },
          ]}
          onChange={(v) => set('bufferMetres', v === 'ring' ? ring : null, 'buffer')}
        />
        <div className="button-row">
          <SubmitButton large pending={pending} pendingLabel={t('programme.saving')}>
            {submitLabel}
          </SubmitButton>
          <Link className="button button-secondary button-large" to={backTo}>
            {t('programme.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** Names of the places in a saved design, for the pickers while the place list loads or lacks one. */
export function designPlaceNames(e: Evaluation | undefined): Map<string, string> {
  if (!e) return new Map();
  return new Map([...e.treatment.places, ...e.comparison.places].map((p) => [p.id, p.name]));
}
