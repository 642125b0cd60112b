import type { ReactNode } from 'react';

interface Props {
  pending: boolean;
  /** The label while the request runs ("Sparar …"). */
  pendingLabel: string;
  /** The page's one main action (a whole form page), drawn larger. */
  large?: boolean;
  children: ReactNode;
}

/**
 * A form's primary submit button, marked busy while its request runs. aria-disabled, not disabled: a disabled
 * button would drop the keyboard focus to the page, so the form's submit handler ignores a press while pending.
 */
export function SubmitButton({ pending, pendingLabel, large = false, children }: Props) {
  return (
    <button type="submit" className={large ? 'button button-primary button-large' : 'button button-primary'} aria-disabled={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}
