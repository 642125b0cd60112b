import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../forms/Field.js';
import { PHOTO_ACCEPT, photoFileProblem } from '../../forms/photo-file.js';

/**
 * The optional photo of a resident's report: JPEG, PNG or HEIC up to 10 MB, checked when chosen (the server checks
 * the content again). A file that does not fit is not kept, so it can never hold the report back.
 */
export function PhotoField({ photo, onChange }: { photo: File | null; onChange: (photo: File | null) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  const [inputKey, setInputKey] = useState(0);

  const choose = (file: File | undefined) => {
    if (!file) return onChange(null);
    const kind = photoFileProblem(file);
    const problem = kind ? t(`resident.photo.${kind}`) : undefined;
    setError(problem);
    onChange(problem ? null : file);
    if (problem) setInputKey((k) => k + 1);
  };

  return (
    <Field id="report-photo" label={t('resident.photo.label')} hint={t('resident.photo.hint')} error={error}>
      {(aria) => (
        <div className="photo-field">
          <input
            {...aria}
            key={inputKey}
            type="file"
            accept={PHOTO_ACCEPT}
            onChange={(e) => choose(e.target.files?.[0])}
          />
          {photo && (
            <p className="photo-chosen">
              <span>{photo.name}</span>{' '}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  onChange(null);
                  setInputKey((k) => k + 1);
                }}
              >
                {t('resident.photo.remove')}
              </button>
            </p>
          )}
        </div>
      )}
    </Field>
  );
}
