import { type FormEvent, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFormat, ImportProfile } from '../../../domain/imports.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';

export interface ImportChoice {
  file: File;
  profile: string | undefined;
  format: ImportFormat | undefined;
}

interface Props {
  profiles: readonly ImportProfile[];
  /** A refusal of the whole file (empty, unreadable …), shown in the summary. */
  general: string | null;
  summaryRef: Ref<HTMLDivElement>;
  /** Moves the focus to the error summary once it has rendered. */
  focusSummary: () => void;
  onSubmit: (choice: ImportChoice) => void;
}

const FORMATS = ['auto', 'csv', 'xlsx', 'geojson', 'police'] as const;

/** File, source profile and format: the first step, which only checks the file (a dry run). */
export function ImportForm({ profiles, general, summaryRef, focusSummary, onSubmit }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [profile, setProfile] = useState('');
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('auto');
  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      focusSummary();
      return;
    }
    onSubmit({ file, profile: profile || undefined, format: format === 'auto' ? undefined : format });
  };

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('imports.summaryTitle')}
        items={missing ? [{ inputId: 'import-file', message: t('imports.fileMissing') }] : []}
        general={general}
      />
      <form className="import-form" aria-labelledby="import-form-title" noValidate onSubmit={submit}>
        <h2 id="import-form-title">{t('imports.formTitle')}</h2>
        <Field
          id="import-file"
          label={t('imports.file')}
          hint={t('imports.fileHelp')}
          error={missing ? t('imports.fileMissing') : undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,.json,.geojson,text/csv,application/json,application/geo+json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
              }}
            />
          )}
        </Field>
        <Field id="import-profile" label={t('imports.profile')} hint={t('imports.profileHelp')}>
          {(aria) => (
            <select {...aria} value={profile} onChange={(e) => setProfile(e.target.value)}>
              <option value="">{t('imports.profileNone')}</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.name}>{`${p.name} – ${p.source_label}`}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="import-format" label={t('imports.format')}>
          {(aria) => (
            <select {...aria} value={format} onChange={(e) => setFormat(e.target.value as (typeof FORMATS)[number])}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`imports.formats.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('imports.check')}
          </button>
        </div>
      </form>
    </>
  );
}
