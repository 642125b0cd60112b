import type { ReactNode } from 'react';

interface Props {
  pending: boolean;
  /** The label while the request runs ("Sparar …"). */
  pendingLabel: string;
  /** A secondary submit (a small inline form, or a form beside the page's main action); primary by default. */
  variant?: 'primary' | 'secondary';
  /** The page's one main action (a whole form page), drawn larger. */
  large?: boolean;
  children: ReactNode;
}

/**
 * A form's submit button, marked busy while its request runs. aria-disabled, not disabled: a disabled
 * button would drop the keyboard focus to the page, so the form's submit handler ignores a press while pending.
 */
export function SubmitButton({ pending, pendingLabel, variant = 'primary', large = false, children }: Props) {
  return (
    <button
      type="submit"
      className={`button button-${variant}${large ? ' button-large' : ''}`}
      aria-disabled={pending || undefined}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
