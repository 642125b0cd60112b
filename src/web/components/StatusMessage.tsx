import type { Ref } from 'react';

interface Props {
  /** The success to announce; null shows nothing, but the live region stays so the next message is read out. */
  message: string | null;
  /**
   * The ref of a `useFocusAfterRender` pair, when the message must take the focus because the control that was
   * pressed is gone or replaced; the caller focuses it with each message it shows.
   */
  ref?: Ref<HTMLParagraphElement>;
}

/** A success notice in a polite live region (role=status), focusable when the caller moves the focus to it. */
export function StatusMessage({ message, ref }: Props) {
  return (
    <div role="status">
      {message && (
        <p ref={ref} tabIndex={ref ? -1 : undefined} className="notice notice-success">
          {message}
        </p>
      )}
    </div>
  );
}
