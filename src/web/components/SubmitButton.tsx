import type { ReactNode } from 'react';

interface Props {
  pending: boolean;
  /** The label while the request runs ("Sparar …"). */
  pendingLabel: string;
  children: ReactNode;
}

/**
 * A form's primary submit button, marked busy while its request runs. aria-disabled, not disabled: a disabled
 * button would drop the keyboard focus to the page, so the form's submit handler ignores a press while pending.
 */
export function SubmitButton({ pending, pendingLabel, children }: Props) {
  return (
    <button type="submit" className="button button-primary" aria-disabled={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}
