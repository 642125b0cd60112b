import { useTranslation } from 'react-i18next';
import { CONFIDENTIALITY_TIERS, type Confidentiality } from '../../domain/confidentiality.js';
import { Field } from './Field.js';

/** The record's confidentiality tier as a native select, lowest first. */
export function ConfidentialityField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: Confidentiality;
  error?: string | undefined;
  onChange: (v: Confidentiality) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field
      id={id}
      label={t('programmeEdit.confidentiality.label')}
      hint={t('programmeEdit.confidentiality.hint')}
      error={error}
    >
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value as Confidentiality)}>
          {CONFIDENTIALITY_TIERS.map((c) => (
            <option key={c} value={c}>
              {t(`programmeEdit.confidentiality.${c}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
