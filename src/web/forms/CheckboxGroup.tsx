interface Props {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** The first box gets this id, so an error summary can link to the group. */
  id: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}

/** A fieldset of native checkboxes with its error above the boxes (the pattern of the report form). */
export function CheckboxGroup({ legend, options, values, onChange, id, error, hint, required }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={`field-group ${error ? 'has-error' : ''}`} {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
      <legend>{legend}{required && <> <span aria-hidden="true" className="required">*</span></>}</legend>
      {hint && <p id={hintId} className="hint">{hint}</p>}
      {error && <p id={errorId} className="field-error">{error}</p>}
      <ul className="checkbox-list">
        {options.map((o, i) => (
          <li key={o.value}>
            <label className="checkbox">
              <input type="checkbox" {...(i === 0 ? { id } : {})} checked={values.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))} />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
