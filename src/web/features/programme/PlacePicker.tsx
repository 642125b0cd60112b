import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceSummary } from '../../../domain/org.js';
import { FieldGroup } from '../../forms/FieldGroup.js';

interface Props {
  id: string;
  legend: string;
  places: readonly PlaceSummary[];
  /** Names of chosen places that are not in `places` (from another district). */
  extraNames?: ReadonlyMap<string, string>;
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

/** Places chosen one at a time from a list, each removable: compact for districts with many places. */
export function PlacePicker({ id, legend, places, extraNames, values, onChange, hint, error }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const name = (pid: string) => places.find((p) => p.id === pid)?.name ?? extraNames?.get(pid) ?? pid;
  const available = places.filter((p) => !values.includes(p.id));
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error} className="place-picker">
      {values.length === 0 ? (
        <p className="empty">{t('programme.places.none')}</p>
      ) : (
        <ul className="plain-list">
          {values.map((pid) => (
            <li key={pid}>
              {name(pid)}{' '}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(values.filter((v) => v !== pid))}
              >
                {t('programme.places.remove')}
                <span className="visually-hidden">: {name(pid)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-add">
        <div className="field">
          <label htmlFor={id}>{t('programme.places.choose')}</label>
          <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('programme.places.pick')}</option>
            {available.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={!choice}
          onClick={() => {
            onChange([...values, choice]);
            setChoice('');
          }}
        >
          {t('programme.places.add')}
        </button>
      </div>
    </FieldGroup>
  );
}
