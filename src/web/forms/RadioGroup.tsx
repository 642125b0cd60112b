import type { ReactNode } from 'react';
import { ariaDescribedBy, RequiredMark } from './aria.js';

interface Option<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  name: string;
  legend: string;
  value: V;
  options: ReadonlyArray<Option<V>>;
  onChange: (value: V) => void;
  className?: string;
  /**
   * Gives each input the id `${idPrefix}-${value}`, so an error summary can link to the group. The hint and
   * error are `${idPrefix}-hint` and `${idPrefix}-error` (the name's, without a prefix).
   */
  idPrefix?: string;
  /** Text, or figures to weigh before choosing. */
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

/** A fieldset of native radio buttons: keyboard and screen readers work without any ARIA tricks. */
export function RadioGroup<V extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  className,
  idPrefix,
  hint,
  error,
  required,
}: Props<V>) {
  const base = idPrefix ?? name;
  const described = ariaDescribedBy(hint ? `${base}-hint` : undefined, error && `${base}-error`);
  return (
    <fieldset
      className={['radio-group', error ? 'has-error' : '', className ?? ''].filter(Boolean).join(' ')}
      {...(described ? { 'aria-describedby': described } : {})}
    >
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      {hint && (
        <p id={`${base}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${base}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="radio-options">
        {options.map((o) => (
          <label key={o.value} className="radio-option">
            <input
              {...(idPrefix ? { id: `${idPrefix}-${o.value}` } : {})}
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
