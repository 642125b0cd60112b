import type { ReactNode } from 'react';
import { ariaDescribedBy, RequiredMark } from './aria.js';

/** What the input inside a Field needs for its error and hint to be announced. */
export interface FieldAria {
  id: string;
  /**
   * Always set: false until the form shows an error for the field. A required select still on its empty
   * option is natively invalid, and Chromium would announce it as invalid before anyone touched it.
   */
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** ids of further descriptions the caller renders with the input (a character counter, a conditional note). */
  describedBy?: ReadonlyArray<string | false | undefined>;
  className?: string;
  children: (aria: FieldAria) => ReactNode;
}

/**
 * A labelled input with its hint and error above it (label, hint, error, input: the GOV.UK / Designsystemet
 * order); the input gets the id and the aria wiring from `children`. The error's id is `${id}-error`.
 */
export function Field({ id, label, error, hint, required, describedBy = [], className, children }: Props) {
  const described = ariaDescribedBy(hint && `${id}-hint`, ...describedBy, error && `${id}-error`);
  return (
    <div className={['field', error ? 'has-error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
    </div>
  );
}
