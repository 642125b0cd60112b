/** The `aria-describedby` value for the ids given (falsy ones left out), or undefined when none is left. */
export function ariaDescribedBy(...ids: ReadonlyArray<string | false | null | undefined | 0>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

/** The asterisk after a required control's label or legend; a sign for the eye, so hidden from screen readers. */
export function RequiredMark() {
  return (
    <>
      {' '}
      <span aria-hidden="true" className="required">
        *
      </span>
    </>
  );
}
