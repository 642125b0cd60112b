import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../domain/imports.js';
import { useFormat } from '../../components/use-format.js';

/**
 * How the file will be read: every column and what becomes of it, the first rows as they will be stored
 * (Swedish local time), and the registered place each place value matched.
 */
export function ImportMappingView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const n = useFormat().number;
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const dateOnly = report.warnings.time_missing ?? 0;
  const unmatched = report.places.filter((p) => p.place === null).length;

  return (
    <>
      {dateOnly > 0 && <p className="notice notice-warning">{t('imports.timeMissing', { count: dateOnly })}</p>}
      {report.source_columns.length > 0 && (
        <>
          <h3 id="import-columns-title">{t('imports.columnsTitle')}</h3>
          <div className="table-wrap" role="region" aria-labelledby="import-columns-title" tabIndex={0}>
            <table className="data-table import-columns" aria-labelledby="import-columns-title">
              <thead>
                <tr>
                  <th scope="col">{t('imports.columnsCol.column')}</th>
                  <th scope="col">{t('imports.columnsCol.use')}</th>
                  <th scope="col">{t('imports.columnsCol.via')}</th>
                </tr>
              </thead>
              <tbody>
                {report.source_columns.map((c) => (
                  <tr key={c.name}>
                    <th scope="row">{c.name}</th>
                    <td>{c.field ? t(`imports.fields.${c.field}`) : t(`imports.columnUse.${c.use}`)}</td>
                    <td>{c.via ? t(`imports.columnVia.${c.via}`) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report.preview.length > 0 && (
        <>
          <h3 id="import-preview-title">{t('imports.previewTitle')}</h3>
          <p id="import-preview-help">{t('imports.previewHelp', { count: report.preview.length })}</p>
          <div className="table-wrap" role="region" aria-labelledby="import-preview-title" tabIndex={0}>
            <table
              className="data-table import-preview"
              aria-labelledby="import-preview-title"
              aria-describedby="import-preview-help"
            >
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('imports.col.row')}
                  </th>
                  <th scope="col">{t('imports.previewCol.occurred')}</th>
                  <th scope="col">{t('imports.previewCol.category')}</th>
                  <th scope="col">{t('imports.previewCol.place')}</th>
                  <th scope="col">{t('imports.previewCol.precision')}</th>
                </tr>
              </thead>
              <tbody>
                {report.preview.map((p) => (
                  <tr key={p.row}>
                    <th scope="row" className="numeric">
                      {p.row}
                    </th>
                    <td className="nowrap">{p.occurred_local}</td>
                    <td>{p.category_label[lang] || p.category}</td>
                    <td>{p.place ?? '–'}</td>
                    <td>{t(`incident.precisionLabel.${p.precision}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report.places.length > 0 && (
        <>
          <h3 id="import-places-title">{t('imports.placesTitle')}</h3>
          {unmatched > 0 && <p>{t('imports.placesUnmatched', { count: unmatched })}</p>}
          <div className="table-wrap" role="region" aria-labelledby="import-places-title" tabIndex={0}>
            <table className="data-table import-places" aria-labelledby="import-places-title">
              <thead>
                <tr>
                  <th scope="col">{t('imports.placesCol.value')}</th>
                  <th scope="col">{t('imports.placesCol.place')}</th>
                  <th scope="col" className="numeric">
                    {t('imports.placesCol.rows')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.places.map((p) => (
                  <tr key={p.value}>
                    <th scope="row">{p.value}</th>
                    <td>
                      {p.place === null ? (
                        <strong>{t('imports.placesNone')}</strong>
                      ) : p.precision === 'area' ? (
                        t('imports.placesArea', { name: p.place })
                      ) : (
                        p.place
                      )}
                    </td>
                    <td className="numeric">{n(p.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
