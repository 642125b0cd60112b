import type { ReactNode } from 'react';

/** What the input inside a Field needs for its error and hint to be announced. */
export interface FieldAria {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (aria: FieldAria) => ReactNode;
}

/** A labelled input with its hint and error; the input gets the id and the aria wiring from `children`. */
export function Field({ id, label, error, hint, required, children }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}{required && <> <span aria-hidden="true" className="required">*</span></>}</label>
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
    </div>
  );
}
