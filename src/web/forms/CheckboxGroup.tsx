import { FieldGroup } from './FieldGroup.js';

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

/** A fieldset of native checkboxes with its hint and error above the boxes (the pattern of the report form). */
export function CheckboxGroup({ legend, options, values, onChange, id, error, hint, required }: Props) {
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error} required={required ?? false}>
      <ul className="checkbox-list">
        {options.map((o, i) => (
          <li key={o.value}>
            <label className="checkbox">
              <input
                type="checkbox"
                {...(i === 0 ? { id } : {})}
                checked={values.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
                }
              />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}
