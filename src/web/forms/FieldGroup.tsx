import type { ReactNode } from 'react';
import { ariaDescribedBy, RequiredMark } from './aria.js';

interface Props {
  /** The base of the hint's and error's ids (`${id}-hint`, `${id}-error`). */
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  children: ReactNode;
}

/** A fieldset of related controls (a list of rows, a range) with one hint and one error for the whole group. */
export function FieldGroup({ id, legend, hint, error, required, className, children }: Props) {
  const described = ariaDescribedBy(hint && `${id}-hint`, error && `${id}-error`);
  return (
    <fieldset
      className={['field-group', className ?? '', error ? 'has-error' : ''].filter(Boolean).join(' ')}
      {...(described ? { 'aria-describedby': described } : {})}
    >
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}
