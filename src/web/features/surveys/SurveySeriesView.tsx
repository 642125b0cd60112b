import { useTranslation } from 'react-i18next';
import type { SurveyPoint, SurveySeries } from '../../../domain/surveys.js';
import { useFormat } from '../../components/use-format.js';
import { type ChartSeries, SurveyChart } from './SurveyChart.js';

/** 'Ja' share in percent as people read it ('11 %'), or a dash where the year has none. */
function usePercent() {
  const format = useFormat();
  return {
    share: (p: SurveyPoint | undefined) => (p?.share === null || p === undefined ? '–' : `${format.number(p.share)} %`),
    ci: (p: SurveyPoint | undefined) =>
      p?.ci
        ? `${format.number(Math.round(p.ci.low * 10) / 10)}–${format.number(Math.round(p.ci.high * 10) / 10)} %`
        : '–',
    n: (p: SurveyPoint | undefined) =>
      p?.respondents === null || p === undefined ? '–' : format.number(p.respondents),
  };
}

/**
 * One question in one area over the years: a chart with the survey's average beside it, what the intervals
 * mean and where they are missing, and the same figures as a table.
 */
export function SurveySeriesView({ series }: { series: SurveySeries }) {
  const { t } = useTranslation();
  const pct = usePercent();
  const reference = series.reference;
  const referenceLabel = reference ? t('surveys.average', { area: reference.area.name }) : '';
  const chartSeries: ChartSeries[] = [
    { label: series.area.name, points: series.points, variant: 'area' },
    ...(reference ? [{ label: referenceLabel, points: reference.points, variant: 'reference' as const }] : []),
  ];
  const years = [...new Set([...series.points, ...(reference?.points ?? [])].map((p) => p.year))].sort();
  const at = (points: readonly SurveyPoint[], year: number) => points.find((p) => p.year === year);
  const withoutN = series.points.filter((p) => p.share !== null && p.ci === null).length;
  const first = series.points.find((p) => p.share !== null);
  const last = [...series.points].reverse().find((p) => p.share !== null);
  const summary = t('surveys.chartSummary', {
    area: series.area.name,
    first: first ? `${first.year}: ${pct.share(first)}` : '–',
    last: last && last !== first ? `${last.year}: ${pct.share(last)}` : '–',
  });
  const sources = [...new Set(series.points.flatMap((p) => (p.source ? [`${p.year}: ${p.source}`] : [])))];

  return (
    <section aria-labelledby="survey-question">
      <h2 id="survey-question">{series.question.text}</h2>
      <p className="muted">
        {series.survey.name} · {t(`surveys.direction.${series.question.direction}`)} ·{' '}
        {t('surveys.keyOption', { option: series.question.key_option })}
      </p>
      <SurveyChart series={chartSeries} label={summary} />
      <ul className="survey-legend">
        <li>
          <span className="survey-swatch" aria-hidden="true" /> {series.area.name}
        </li>
        {reference && (
          <li>
            <span className="survey-swatch survey-swatch-reference" aria-hidden="true" /> {referenceLabel}
          </li>
        )}
      </ul>
      <p>{series.question.kind === 'response_rate' ? t('surveys.ciResponseRate') : t('surveys.ciNote')}</p>
      {series.question.kind === 'item' && withoutN > 0 && (
        <p className="notice notice-info">{t('surveys.ciMissing', { count: withoutN })}</p>
      )}
      {!reference && <p className="muted">{t('surveys.noAverage')}</p>}
      <div className="table-wrap" role="region" aria-labelledby="survey-table-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="survey-table-caption">{t('surveys.tableCaption', { area: series.area.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.year')}</th>
              <th scope="col" className="numeric">
                {series.area.name}
              </th>
              <th scope="col" className="numeric">
                {t('surveys.ci')}
              </th>
              <th scope="col" className="numeric">
                {t('surveys.respondents')}
              </th>
              {reference && (
                <>
                  <th scope="col" className="numeric">
                    {referenceLabel}
                  </th>
                  <th scope="col" className="numeric">
                    {t('surveys.ci')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {years.map((year) => {
              const own = at(series.points, year);
              const avg = reference ? at(reference.points, year) : undefined;
              return (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  <td className="numeric">{pct.share(own)}</td>
                  <td className="numeric">{pct.ci(own)}</td>
                  <td className="numeric">{pct.n(own)}</td>
                  {reference && (
                    <>
                      <td className="numeric">{pct.share(avg)}</td>
                      <td className="numeric">{pct.ci(avg)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sources.length > 0 && (
        <details>
          <summary>{t('surveys.sources')}</summary>
          <ul className="survey-sources">
            {sources.map((s) => (
              <li key={s} className="survey-question">
                {s}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
