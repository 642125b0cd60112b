import { useTranslation } from 'react-i18next';
import { RoleSchema, type Role } from '../../../domain/auth.js';
import { Field } from '../../forms/Field.js';

export interface MembershipDraft {
  unit_id: string;
  role: Role;
}

interface Props {
  /** Prefix of the inputs' ids: `${idPrefix}-unit` and `${idPrefix}-role`. */
  idPrefix: string;
  value: MembershipDraft;
  units: ReadonlyArray<{ id: string; name: string }>;
  unitError?: string | undefined;
  onChange: (value: MembershipDraft) => void;
}

/** A unit and the role in it: two labelled selects. */
export function RoleFields({ idPrefix, value, units, unitError, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="role-fields">
      <Field id={`${idPrefix}-unit`} label={t('users.unit')} error={unitError} required>
        {(aria) => (
          <select {...aria} value={value.unit_id} onChange={(e) => onChange({ ...value, unit_id: e.target.value })}>
            <option value="">{t('users.chooseUnit')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-role`} label={t('users.role')} required>
        {(aria) => (
          <select {...aria} value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role })}>
            {RoleSchema.options.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
