interface Option<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  name: string;
  legend: string;
  value: V;
  options: ReadonlyArray<Option<V>>;
  onChange: (value: V) => void;
  className?: string;
  /** Gives each input the id `${idPrefix}-${value}`, so an error summary can link to the group. */
  idPrefix?: string;
  /** id of a text describing the group (help or an error). */
  describedBy?: string | undefined;
}

/** A fieldset of native radio buttons: keyboard and screen readers work without any ARIA tricks. */
export function RadioGroup<V extends string>({ name, legend, value, options, onChange, className, idPrefix, describedBy }: Props<V>) {
  return (
    <fieldset className={`radio-group ${className ?? ''}`} {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
      <legend>{legend}</legend>
      <div className="radio-options">
        {options.map((o) => (
          <label key={o.value} className="radio-option">
            <input {...(idPrefix ? { id: `${idPrefix}-${o.value}` } : {})} type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
