import { useTranslation } from 'react-i18next';
import { AffectedGroupSchema } from '../../../domain/problems.js';
import { useCategories } from '../../api/use-reference-data.js';
import { useArea } from '../areas/use-areas.js';
import { usePlaces } from '../places/use-places.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { Field } from '../../forms/Field.js';
import type { FieldErrors } from '../../forms/field-errors.js';
import { PlacePicker } from './PlacePicker.js';
import type { ProblemFormState } from './problem-form.js';

/** What a problem says and where: the part of the problem form that recording and editing share. */
export type ProblemFieldsState = Pick<
  ProblemFormState,
  'title' | 'statement' | 'area_id' | 'place_ids' | 'categories' | 'time_pattern' | 'affected'
>;
export type SharedProblemField = 'title' | 'statement' | 'area_id' | 'categories' | 'time_pattern' | 'affected';

interface Props {
  state: ProblemFieldsState;
  onChange: (patch: Partial<ProblemFieldsState>, field: SharedProblemField) => void;
  errors: FieldErrors<SharedProblemField>;
  /** The district whose areas and places are offered; without one, no area and every place. */
  districtId: string | null;
  /** Names of chosen places outside the district (a problem edited after a boundary change). */
  extraPlaceNames?: ReadonlyMap<string, string>;
}

/** Title, statement, area and places, categories, time pattern and who is affected, each with its hint and error. */
export function ProblemFields({ state, onChange, errors, districtId, extraPlaceNames }: Props) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof ProblemFieldsState>(key: K, value: ProblemFieldsState[K], field: SharedProblemField) =>
    onChange({ [key]: value } as Partial<ProblemFieldsState>, field);
  const area = useArea(districtId ?? undefined);
  const categories = useCategories();
  const places = usePlaces(districtId ? { area_id: districtId } : {});
  const en = i18n.language === 'en';
  const areaOptions = area.data
    ? [
        { id: area.data.id, name: area.data.name },
        ...[...area.data.children].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      ]
    : [];
  const active = (categories.data ?? [])
    .filter((c) => c.active || state.categories.includes(c.code))
    .sort((a, b) => a.sort_order - b.sort_order);
  return (
    <>
      <Field
        id="problem-title"
        label={t('programme.fields.title')}
        error={errors.title}
        hint={t('programme.problemForm.titleHint')}
        required
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={state.title}
            maxLength={200}
            onChange={(e) => set('title', e.target.value, 'title')}
          />
        )}
      </Field>
      <Field
        id="problem-statement"
        label={t('programme.fields.statement')}
        error={errors.statement}
        hint={t('programme.problemForm.statementHint')}
        required
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={4}
            value={state.statement}
            maxLength={4000}
            onChange={(e) => set('statement', e.target.value, 'statement')}
          />
        )}
      </Field>
      <Field
        id="problem-area-id"
        label={t('programme.fields.area')}
        error={errors.area_id}
        hint={t('programme.problemForm.areaHint')}
      >
        {(aria) => (
          <select {...aria} value={state.area_id} onChange={(e) => set('area_id', e.target.value, 'area_id')}>
            <option value="">{t('programme.problemForm.noArea')}</option>
            {areaOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PlacePicker
        id="problem-place"
        legend={t('programme.fields.places')}
        places={places.data ?? []}
        values={state.place_ids}
        {...(extraPlaceNames ? { extraNames: extraPlaceNames } : {})}
        onChange={(v) => set('place_ids', v, 'area_id')}
      />
      <CheckboxGroup
        id="problem-categories"
        legend={t('programme.fields.categories')}
        required
        error={errors.categories}
        options={active.map((c) => ({ value: c.code, label: en ? c.label_en : c.label_sv }))}
        values={state.categories}
        onChange={(v) => set('categories', v, 'categories')}
      />
      <Field
        id="problem-time-pattern"
        label={t('programme.fields.time_pattern')}
        error={errors.time_pattern}
        hint={t('programme.problemForm.timeHint')}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={state.time_pattern}
            maxLength={500}
            onChange={(e) => set('time_pattern', e.target.value, 'time_pattern')}
          />
        )}
      </Field>
      <CheckboxGroup
        id="problem-affected"
        legend={t('programme.fields.affected')}
        error={errors.affected}
        options={AffectedGroupSchema.options.map((g) => ({ value: g, label: t(`programme.affected.${g}`) }))}
        values={state.affected}
        onChange={(v) => set('affected', v, 'affected')}
      />
    </>
  );
}
