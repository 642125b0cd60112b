import { useTranslation } from 'react-i18next';
import { type MeasureType, MeasureTypeSchema, TargetGroupSchema } from '../../../domain/measures.js';
import type { Problem } from '../../../domain/problems.js';
import { useUnits } from '../../api/use-reference-data.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { usePlaces } from '../places/use-places.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { Field } from '../../forms/Field.js';
import type { FieldErrors } from '../../forms/field-errors.js';
import type { MeasureFormState } from './measure-form.js';
import { PlacePicker } from './PlacePicker.js';

/** What a measure is aimed at, who runs it, what, when, for whom and where: shared by recording and editing. */
export type MeasureFieldsState = Omit<MeasureFormState, 'followup_dates' | 'components'>;
export type SharedMeasureField = keyof MeasureFieldsState;

interface Props {
  state: MeasureFieldsState;
  onChange: (patch: Partial<MeasureFieldsState>, field: SharedMeasureField) => void;
  errors: FieldErrors<SharedMeasureField>;
  problems: readonly Problem[];
  /** Listed first (the problem the form was opened from). */
  preselectedId?: string | undefined;
  /** The units the user may let run the measure. */
  responsibleUnits: ReadonlyArray<{ id: string; name: string }>;
  responsibleHint?: string;
}

export function MeasureFields({
  state,
  onChange,
  errors,
  problems,
  preselectedId,
  responsibleUnits,
  responsibleHint,
}: Props) {
  const { t } = useTranslation();
  const units = useUnits();
  const places = usePlaces();
  const set = <K extends SharedMeasureField>(key: K, value: MeasureFieldsState[K]) =>
    onChange({ [key]: value } as Partial<MeasureFieldsState>, key);
  // The preselected problem first, then the rest by title.
  const problemOptions = [...problems]
    .sort(
      (a, b) => Number(b.id === preselectedId) - Number(a.id === preselectedId) || a.title.localeCompare(b.title, 'sv'),
    )
    .map((p) => ({ value: p.id, label: `${p.title} (${p.owner_unit.name})` }));
  const placeNames = new Map(problems.flatMap((p) => p.places.map((x) => [x.id, x.name] as const)));
  const sortedPlaces = [...(places.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return (
    <>
      <CheckboxGroup
        id="measure-problem-ids"
        legend={t('programme.fields.problems')}
        hint={t('programme.measureForm.problemsHint')}
        required
        error={errors.problem_ids}
        options={problemOptions}
        values={state.problem_ids}
        onChange={(v) => set('problem_ids', v)}
      />
      <Field
        id="measure-responsible-unit-id"
        label={t('programme.fields.responsible_unit')}
        error={errors.responsible_unit_id}
        hint={responsibleHint}
        required
      >
        {(aria) => (
          <select
            {...aria}
            value={state.responsible_unit_id}
            onChange={(e) => set('responsible_unit_id', e.target.value)}
          >
            {responsibleUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="measure-title" label={t('programme.fields.title')} error={errors.title} required>
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={state.title}
            maxLength={200}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <Field id="measure-description" label={t('programme.fields.description')} error={errors.description}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            value={state.description}
            maxLength={4000}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <RadioGroup<MeasureType | ''>
        name="measure-type"
        idPrefix="measure-type"
        legend={t('programme.fields.typeRequired')}
        value={state.type}
        error={errors.type}
        options={MeasureTypeSchema.options.map((v) => ({ value: v, label: t(`programme.measureTypes.${v}`) }))}
        onChange={(v) => set('type', v)}
      />
      <div className="inline-fields">
        <Field id="measure-period-start" label={t('programme.fields.period_start')} error={errors.period_start}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={state.period_start}
              onChange={(e) => set('period_start', e.target.value)}
            />
          )}
        </Field>
        <Field id="measure-period-end" label={t('programme.fields.period_end')} error={errors.period_end}>
          {(aria) => (
            <input {...aria} type="date" value={state.period_end} onChange={(e) => set('period_end', e.target.value)} />
          )}
        </Field>
        <Field id="measure-cost-estimate-sek" label={t('programme.fields.cost')} error={errors.cost_estimate_sek}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              value={state.cost_estimate_sek}
              onChange={(e) => set('cost_estimate_sek', e.target.value)}
            />
          )}
        </Field>
      </div>
      <CheckboxGroup
        id="measure-target-groups"
        legend={t('programme.fields.target_groups')}
        error={errors.target_groups}
        options={TargetGroupSchema.options.map((g) => ({ value: g, label: t(`programme.targetGroups.${g}`) }))}
        values={state.target_groups}
        onChange={(v) => set('target_groups', v)}
      />
      <CheckboxGroup
        id="measure-contributing-unit-ids"
        legend={t('programme.fields.contributing_units')}
        error={errors.contributing_unit_ids}
        options={units.filter((u) => u.id !== state.responsible_unit_id).map((u) => ({ value: u.id, label: u.name }))}
        values={state.contributing_unit_ids}
        onChange={(v) => set('contributing_unit_ids', v)}
      />
      <PlacePicker
        id="measure-place"
        legend={t('programme.fields.places')}
        places={sortedPlaces}
        extraNames={placeNames}
        values={state.place_ids}
        onChange={(v) => set('place_ids', v)}
      />
    </>
  );
}
