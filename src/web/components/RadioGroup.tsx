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
}

/** A fieldset of native radio buttons: keyboard and screen readers work without any ARIA tricks. */
export function RadioGroup<V extends string>({ name, legend, value, options, onChange, className }: Props<V>) {
  return (
    <fieldset className={`radio-group ${className ?? ''}`}>
      <legend>{legend}</legend>
      <div className="radio-options">
        {options.map((o) => (
          <label key={o.value} className="radio-option">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
