import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeVersion } from '../../../domain/programmes.js';
import { programmeDocumentEndpoints as api } from '../../api/programme-document-endpoints.js';
import { useToday } from '../../components/time-zone.js';
import { Field } from '../../forms/Field.js';

/**
 * The version's follow-up for the city's management system (ILS), one year at a time: CSV for the import,
 * Excel for people. Years run from the programme period's start to its end or this year, whichever is later,
 * since a programme is followed up as long as it is in force. The layout is docs/management-export.md.
 */
export function ManagementExport({ version }: { version: Pick<ProgrammeVersion, 'id' | 'period_from' | 'period_to'> }) {
  const { t } = useTranslation();
  const thisYear = Number(useToday().slice(0, 4));
  const last = Math.max(version.period_to, thisYear);
  const years = Array.from({ length: last - version.period_from + 1 }, (_, i) => last - i);
  const [year, setYear] = useState(Math.min(Math.max(thisYear, version.period_from), last));
  return (
    <section aria-labelledby="management-export-title" className="management-export">
      <h2 id="management-export-title">{t('programmes.ils.title')}</h2>
      <p>{t('programmes.ils.intro')}</p>
      <Field id="management-export-year" label={t('programmes.ils.year')}>
        {(aria) => (
          <select {...aria} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="button-row">
        <a className="button button-secondary" href={api.managementExportUrl(version.id, year, 'xlsx')} download>
          {t('programmes.ils.xlsx', { year })}
        </a>
        <a className="button button-secondary" href={api.managementExportUrl(version.id, year, 'csv')} download>
          {t('programmes.ils.csv', { year })}
        </a>
      </p>
    </section>
  );
}
