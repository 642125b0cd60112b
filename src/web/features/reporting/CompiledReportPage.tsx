import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CompiledReport } from '../../../domain/reporting.js';
import { reportingEndpoints as api } from '../../api/reporting-endpoints.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { DownloadLinks } from '../views/DownloadLinks.js';
import { IndicatorTable } from './FigureTables.js';
import { useCompiledReport, usePeriodName } from './use-reporting.js';
import './reporting.css';

/** The city's compiled report of a period, as the PDF has it: summary, the districts' coordination, each goal. */
export function CompiledReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const name = usePeriodName();
  const report = useCompiledReport(id);
  const title = report.data ? t('reporting.report.title', { period: name(report.data.period) }) : t('reporting.title');
  useDocumentTitle(title);
  return (
    <div className="page programme-doc reporting">
      <p className="breadcrumb">
        <Link to={`/programmes/reporting/${id}`}>← {report.data ? name(report.data.period) : t('reporting.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('reporting.report.intro')}</p>
      <DownloadLinks pdf={api.fileUrl(id, 'pdf')} xlsx={api.fileUrl(id, 'xlsx')} />
      <QueryState isPending={report.isPending} error={report.error} onRetry={() => void report.refetch()}>
        {report.data && <ReportBody report={report.data} />}
      </QueryState>
    </div>
  );
}

function UnitTable({ id, caption, units }: { id: string; caption: string; units: CompiledReport['units'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = (k: string) => t(`reporting.followup.${k}`);
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reporting.colUnit')}</th>
            <th scope="col">{t('reporting.colState')}</th>
            <th scope="col">{t('reporting.colSubmittedAt')}</th>
            <th scope="col">{t('reporting.report.headline.measures')}</th>
            <th scope="col">{f('colRecorded')}</th>
            <th scope="col">{f('colOverdue')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit.id}>
              <th scope="row">{u.unit.name}</th>
              <td className={`state-${u.state}`}>{t(`reporting.state.${u.state}`)}</td>
              <td>{u.submitted_at ? format.dateTime(u.submitted_at) : '–'}</td>
              <td>{format.number(u.totals.measures)}</td>
              <td>{format.number(u.totals.followups_recorded)}</td>
              <td>{format.number(u.totals.followups_overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportBody({ report }: { report: CompiledReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const r = (k: string) => t(`reporting.report.${k}`);
  const submitted = report.units.filter((u) => u.state === 'submitted' || u.state === 'submitted_late').length;
  const headline: Array<[string, number]> = [
    ['units', report.units.length],
    ['submitted', submitted],
    ['measures', report.totals.measures],
    ['followups_recorded', report.totals.followups_recorded],
    ['followups_overdue', report.totals.followups_overdue],
    ['better', report.totals.indicators.better],
    ['worse', report.totals.indicators.worse],
    ['targets_met', report.totals.targets_met],
    ['requests', report.totals.requests_made],
  ];
  return (
    <>
      <section aria-labelledby="report-totals">
        <h2 id="report-totals">1. {r('totals')}</h2>
        <div className="table-wrap" role="region" aria-labelledby="report-totals-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="report-totals-caption" className="visually-hidden">
              {r('totals')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{r('measure')}</th>
                <th scope="col">{r('count')}</th>
              </tr>
            </thead>
            <tbody>
              {headline.map(([key, n]) => (
                <tr key={key}>
                  <th scope="row">{r(`headline.${key}`)}</th>
                  <td>{format.number(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="report-districts">
        <h2 id="report-districts">2. {r('districts')}</h2>
        <UnitTable
          id="report-districts-table"
          caption={r('districts')}
          units={report.units.filter((u) => u.kind === 'district')}
        />
      </section>
      <section aria-labelledby="report-goals">
        <h2 id="report-goals">3. {r('goals')}</h2>
        {report.goals.length === 0 && <p>{t('reporting.followup.noGoals')}</p>}
        {report.goals.map((g, i) => (
          <section key={g.section_key} className="goal-section" aria-labelledby={`goal-${g.section_key}`}>
            <h3 id={`goal-${g.section_key}`}>
              3.{i + 1} {g.heading ?? g.number}
            </h3>
            <p className="goal-body">{g.body}</p>
            <h4>{r('indicators')}</h4>
            {g.indicators.length ? (
              <IndicatorTable
                id={`goal-${g.section_key}-indicators`}
                caption={`${r('indicators')}: ${g.heading ?? g.number}`}
                rows={g.indicators}
                unitColumn
              />
            ) : (
              <p>{r('noGoalIndicators')}</p>
            )}
            <h4>{r('measures')}</h4>
            {g.measures.length ? (
              <ul>
                {g.measures.map((u) => (
                  <li key={u.unit.id}>
                    <strong>{u.unit.name}:</strong>{' '}
                    {u.measures
                      .map((m) => `${m.title} (${t(`programme.measureStatus.${m.status}`).toLowerCase()})`)
                      .join(', ')}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{r('noGoalMeasures')}</p>
            )}
            {g.comments.length > 0 && (
              <>
                <h4>{r('comments')}</h4>
                {g.comments.map((c) => (
                  <blockquote key={c.unit.id}>
                    <strong>{c.unit.name}:</strong> {c.comment}
                  </blockquote>
                ))}
              </>
            )}
          </section>
        ))}
      </section>
      <section aria-labelledby="report-others">
        <h2 id="report-others">4. {r('others')}</h2>
        <UnitTable
          id="report-others-table"
          caption={r('others')}
          units={report.units.filter((u) => u.kind !== 'district')}
        />
      </section>
    </>
  );
}
