import { useTranslation } from 'react-i18next';
import { type MeasureType, MeasureTypeSchema } from '../../../domain/measures.js';
import { FieldGroup } from '../../forms/FieldGroup.js';
import type { ComponentRow } from './measure-edit.js';

interface DatesProps {
  dates: readonly string[];
  onChange: (dates: string[]) => void;
  error?: string | undefined;
}

/** Follow-up dates: one date input per row, added and removed with buttons. */
export function FollowupDatesEditor({ dates, onChange, error }: DatesProps) {
  const { t } = useTranslation();
  return (
    <FieldGroup id="measure-followups" legend={t('programme.fields.followup_dates')} error={error}>
      <ol className="row-list">
        {dates.map((d, i) => (
          <li key={i}>
            <label htmlFor={`measure-followup-${i}`}>{t('programme.measureForm.followupN', { n: i + 1 })}</label>
            <input
              id={`measure-followup-${i}`}
              type="date"
              value={d}
              onChange={(e) => onChange(dates.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onChange(dates.filter((_, j) => j !== i))}
            >
              {t('programme.remove')}
              <span className="visually-hidden">: {t('programme.measureForm.followupN', { n: i + 1 })}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        id="measure-followup-add"
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...dates, ''])}
      >
        {t('programme.measureForm.addFollowup')}
      </button>
    </FieldGroup>
  );
}

interface ComponentsProps<R extends ComponentRow> {
  components: readonly R[];
  onChange: (components: R[]) => void;
  error?: string | undefined;
  hint?: string;
}

/**
 * The parts of a multi-part measure (the Högdalen library model has five), each with a title and a type. A row
 * with an id is an existing part: edited in place, with its status shown, and not removed here.
 */
export function ComponentsEditor<R extends ComponentRow>({ components, onChange, error, hint }: ComponentsProps<R>) {
  const { t } = useTranslation();
  const patch = (i: number, p: Partial<ComponentRow>) =>
    onChange(components.map((c, j) => (j === i ? { ...c, ...p } : c)));
  return (
    <FieldGroup
      id="measure-components"
      legend={t('programme.fields.components')}
      hint={hint ?? t('programme.measureForm.componentsHint')}
      error={error}
    >
      <ol className="row-list">
        {components.map((c, i) => (
          <li key={c.id ?? `new-${i}`}>
            <label htmlFor={`measure-component-title-${i}`}>
              {t('programme.measureForm.componentN', { n: i + 1 })}
            </label>
            <input
              id={`measure-component-title-${i}`}
              type="text"
              value={c.title}
              maxLength={200}
              onChange={(e) => patch(i, { title: e.target.value })}
            />
            <label htmlFor={`measure-component-type-${i}`} className="visually-hidden">
              {t('programme.measureForm.componentType', { n: i + 1 })}
            </label>
            <select
              id={`measure-component-type-${i}`}
              value={c.type}
              onChange={(e) => patch(i, { type: e.target.value as MeasureType })}
            >
              {MeasureTypeSchema.options.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`programme.measureTypes.${ty}`)}
                </option>
              ))}
            </select>
            {c.id ? (
              c.status && (
                <span className="muted">
                  {t('programmeEdit.measure.componentStatus', { status: t(`programme.measureStatus.${c.status}`) })}
                </span>
              )
            ) : (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(components.filter((_, j) => j !== i))}
              >
                {t('programme.remove')}
                <span className="visually-hidden">: {t('programme.measureForm.componentN', { n: i + 1 })}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <button
        id="measure-component-add"
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...components, { title: '', type: 'situational' } as R])}
      >
        {t('programme.measureForm.addComponent')}
      </button>
    </FieldGroup>
  );
}
