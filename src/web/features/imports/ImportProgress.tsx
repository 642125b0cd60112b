import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../domain/imports.js';
import { useFormat } from '../../components/use-format.js';

/**
 * A running check or import: a progress bar and, for screen readers, a polite live region that speaks in
 * steps of ten per cent (every poll would be too chatty) and once the file is read.
 */
export function ImportProgress({ heading, run }: { heading: string; run: ImportRun | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = run?.progress.percent ?? 0;
  const rows = format.number(run?.progress.rows_read ?? 0);
  const read = percent >= 100;
  const spoken = read
    ? t('imports.progressWriting', { rows })
    : t('imports.progressRows', { percent: Math.floor(percent / 10) * 10, rows });
  return (
    <section className="section import-progress" aria-labelledby="import-progress-title" aria-busy="true">
      <h2 id="import-progress-title">{heading}</h2>
      <label htmlFor="import-progress-bar" className="visually-hidden">
        {t('imports.progressLabel')}
      </label>
      <progress id="import-progress-bar" max={100} value={percent} aria-describedby="import-progress-text" />
      <p id="import-progress-text" aria-hidden="true">
        {read
          ? t('imports.progressWriting', { rows })
          : t('imports.progressRows', { percent: format.number(percent), rows })}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {spoken}
      </p>
    </section>
  );
}
