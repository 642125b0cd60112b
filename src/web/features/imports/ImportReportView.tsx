import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../domain/imports.js';
import { useFormat } from '../../components/use-format.js';
import { ImportMappingView } from './ImportMappingView.js';
import { useIssueText } from './issue-text.js';

const DUPLICATE_KINDS = ['source_ref_in_file', 'source_ref_in_database', 'near_in_file', 'near_in_database'] as const;

interface Props {
  report: ImportReport;
  /** Offered when rows failed only because their coordinates look swapped. */
  onSwap?: (() => void) | undefined;
  swapped: boolean;
  /** Focused when the report appears. */
  headingRef: Ref<HTMLHeadingElement>;
}

/** The dry run's report: counts, columns and preview, rows with errors, unknown categories, points outside, duplicates. */
export function ImportReportView({ report, onSwap, swapped, headingRef }: Props) {
  const { t } = useTranslation();
  const issue = useIssueText();
  const format = useFormat();
  const n = format.number;
  const r = report.rows;
  const swappedRows = report.errors_by_code.swapped_coordinates ?? 0;
  const unknown = Object.entries(report.unknown_categories);
  const duplicates = DUPLICATE_KINDS.filter((k) => report.duplicates[k] > 0);
  const fact = (label: string, value: string) => (
    <div key={label}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <section className="section import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title" ref={headingRef} tabIndex={-1}>
        {t('imports.reportTitle', { file: report.file.name })}
      </h2>
      <dl className="facts">
        {fact(t('imports.facts.read'), n(r.read))}
        {fact(t('imports.facts.ok'), n(r.ok))}
        {fact(t('imports.facts.errors'), n(r.with_errors))}
        {fact(t('imports.facts.skipped'), n(r.skipped))}
        {fact(t('imports.facts.inserted'), n(r.inserted))}
        {fact(t('imports.facts.updated'), n(r.updated))}
        {fact(t('imports.facts.unchanged'), n(r.unchanged))}
        {fact(t('imports.facts.redacted'), n(report.redactions.rows))}
        {report.file.format && fact(t('imports.facts.format'), t(`imports.formats.${report.file.format}`))}
      </dl>
      <ImportMappingView report={report} />
      {swapped && <p className="notice notice-info">{t('imports.swapped')}</p>}
      {swappedRows > 0 && onSwap && (
        <div className="notice notice-warning">
          <h3>{t('imports.swappedTitle')}</h3>
          <p>{t('imports.swappedText', { count: swappedRows })}</p>
          <button type="button" className="button button-secondary" onClick={onSwap}>
            {t('imports.swapAndCheck')}
          </button>
        </div>
      )}
      {report.errors.length > 0 && (
        <>
          <h3 id="import-errors-title">{t('imports.errorsTitle')}</h3>
          {report.errors_total > report.errors.length && (
            <p>{t('imports.errorsShown', { shown: n(report.errors.length), total: n(report.errors_total) })}</p>
          )}
          <div className="table-wrap" role="region" aria-labelledby="import-errors-title" tabIndex={0}>
            <table className="data-table import-errors" aria-labelledby="import-errors-title">
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('imports.col.row')}
                  </th>
                  <th scope="col">{t('imports.col.column')}</th>
                  <th scope="col">{t('imports.col.code')}</th>
                  <th scope="col">{t('imports.col.message')}</th>
                  <th scope="col">{t('imports.col.suggestion')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.code}-${i}`}>
                    <th scope="row" className="numeric">
                      {e.row}
                    </th>
                    <td>{e.column ?? '–'}</td>
                    <td>
                      <code>{e.code}</code>
                    </td>
                    <td>{issue.message(e)}</td>
                    <td>{issue.suggestion(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {unknown.length > 0 && (
        <>
          <h3 id="import-unknown-title">{t('imports.unknownTitle')}</h3>
          <p>{t('imports.unknownHelp')}</p>
          <div className="table-wrap" role="region" aria-labelledby="import-unknown-title" tabIndex={0}>
            <table className="data-table" aria-labelledby="import-unknown-title">
              <thead>
                <tr>
                  <th scope="col">{t('imports.unknownCol.value')}</th>
                  <th scope="col" className="numeric">
                    {t('imports.unknownCol.rows')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {unknown.map(([value, count]) => (
                  <tr key={value}>
                    <th scope="row">{value}</th>
                    <td className="numeric">{n(count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report.outside_organisation > 0 && (
        <p className="notice notice-warning">{t('imports.outside', { count: report.outside_organisation })}</p>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>{t('imports.duplicatesTitle')}</h3>
          <dl className="facts facts-stacked">
            {duplicates.map((k) => fact(t(`imports.duplicates.${k}`), n(report.duplicates[k])))}
          </dl>
          {report.duplicates.examples.length > 0 && (
            <ul className="plain-list">
              {report.duplicates.examples.slice(0, 10).map((e) => (
                <li key={`${e.row}-${e.code}`}>{`${t('imports.col.row')} ${e.row}: ${issue.message(e)}`}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
