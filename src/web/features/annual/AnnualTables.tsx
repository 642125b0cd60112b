import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnnualReport } from '../../../domain/annual.js';
import { useFormat } from '../../components/use-format.js';
import { indicatorChangeText } from '../../../domain/labels.js';

/** One list of the annual report as a table with its caption, or a line saying there was none. */
function Table({
  id,
  caption,
  head,
  rows,
}: {
  id: string;
  caption: string;
  head: readonly string[];
  rows: ReactNode[];
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>
        {caption} <span className="muted">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{t('annual.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Measures run, problems addressed, indicators at the year's follow-ups and requests answered. */
export function AnnualTables({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const period = (from: string | null, to: string | null) =>
    from || to
      ? t('reports.period', { from: from ? format.day(from) : '…', to: to ? format.day(to) : '…' })
      : t('reports.noPeriod');
  return (
    <>
      <Table
        id="annual-measures"
        caption={t('annual.measuresCaption')}
        head={[
          t('annual.measure'),
          t('unitView.type'),
          t('unitView.status'),
          t('annual.responsible'),
          t('unitView.period'),
          t('annual.followups'),
        ]}
        rows={report.measures.map((m) => (
          <tr key={m.id}>
            <th scope="row" className="description">
              <Link to={`/measures/${m.id}`}>{m.title}</Link>
            </th>
            <td>{t(`programme.measureTypes.${m.type}`)}</td>
            <td>{t(`programme.measureStatus.${m.status}`)}</td>
            <td>{m.responsible_unit.name}</td>
            <td className="nowrap">{period(m.period_start, m.period_end)}</td>
            <td className="numeric">{format.number(m.followups_recorded)}</td>
          </tr>
        ))}
      />
      <Table
        id="annual-problems"
        caption={t('annual.problemsCaption')}
        head={[t('annual.problem'), t('annual.measureCount')]}
        rows={report.problems.map((p) => (
          <tr key={p.id}>
            <th scope="row" className="description">
              <Link to={`/problems/${p.id}`}>{p.name}</Link>
            </th>
            <td className="numeric">{format.number(p.measures)}</td>
          </tr>
        ))}
      />
      <Table
        id="annual-indicators"
        caption={t('annual.indicatorsCaption')}
        head={[
          t('annual.measure'),
          t('annual.recordedOn'),
          t('annual.assessment'),
          t('annual.baseline'),
          t('annual.value'),
          t('annual.change'),
          t('annual.outcome'),
        ]}
        rows={report.indicators.map((i) => (
          <tr key={`${i.measure.id}-${i.recorded_on}`}>
            <th scope="row" className="description">
              <Link to={`/measures/${i.measure.id}`}>{i.measure.name}</Link>
            </th>
            <td className="nowrap">{format.day(i.recorded_on)}</td>
            <td>{i.assessment ? t(`programme.assessments.${i.assessment}`) : t('common.none')}</td>
            <td className="numeric">{format.number(i.baseline)}</td>
            <td className="numeric">{format.number(i.value)}</td>
            <td className="numeric nowrap">
              {indicatorChangeText(i.change, i.change_percent, i18n.language === 'en' ? 'en' : 'sv')}
            </td>
            <td>{t(`programme.indicatorOutcomes.${i.outcome}`)}</td>
          </tr>
        ))}
      />
      {report.indicators.length > 0 && <p className="hint">{t('annual.outcomeNote')}</p>}
      <Table
        id="annual-requests"
        caption={t('annual.requestsCaption')}
        head={[t('annual.from'), t('annual.to'), t('annual.status'), t('annual.dueDate'), t('annual.answeredOn')]}
        rows={report.requests.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.from_unit.name}</th>
            <td>{r.to_unit.name}</td>
            <td>{t(`programme.requestStatus.${r.status}`)}</td>
            <td className="nowrap">{format.day(r.due_date)}</td>
            <td className="nowrap">{format.day(r.answered_on)}</td>
          </tr>
        ))}
      />
    </>
  );
}
