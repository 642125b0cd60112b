import { useState } from 'react';
import { useFocusAfterRender } from '../components/use-focus-after-render.js';
import type { FieldErrors } from './field-errors.js';

/**
 * What the last submit of a form came to: the errors at their fields, an error that belongs to no field
 * (network, server), or a success message; and the ref for the form's ErrorSummary, which takes the focus
 * whenever a submit fails.
 */
export function useFormOutcome<F extends string>() {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [summaryRef, focusSummary] = useFocusAfterRender<HTMLDivElement>();

  /** A refused submit: the earlier success no longer describes the form. */
  const fail = (fieldErrors: FieldErrors<F>, message: string | null) => {
    setErrors(fieldErrors);
    setGeneral(message);
    setSaved(null);
    focusSummary();
  };
  /** An accepted submit; the message, if any, goes to the form's status region. */
  const succeed = (message: string | null = null) => {
    setErrors({});
    setGeneral(null);
    setSaved(message);
  };
  /** The user changed `field`: its error and the last success message are out of date. */
  const edited = (field: F) => {
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(null);
  };

  return { errors, general, saved, summaryRef, fail, succeed, edited };
}
