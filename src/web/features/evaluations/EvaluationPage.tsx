import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Evaluation, EvaluationResults } from '../../../domain/evaluations.js';
import { QueryState } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { SvText } from '../../components/SvText.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { evaluationEndpoints as api } from '../../api/evaluation-endpoints.js';
import { DownloadLinks } from '../views/DownloadLinks.js';
import { useNavigationNotice } from '../programme/navigation-notice.js';
import { useEvaluation, useEvaluationResults } from './use-evaluations.js';
import '../programme/programme.css';
import './evaluations.css';

/** One evaluation of a measure: its design, each choice explained, and the results with their reading. */
export function EvaluationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const evaluation = useEvaluation(id);
  const results = useEvaluationResults(id);
  const notice = useNavigationNotice();
  useDocumentTitle(evaluation.data?.title ?? t('evaluations.title'));
  return (
    <div className="page programme-page evaluation-page">
      <QueryState isPending={evaluation.isPending} error={evaluation.error} onRetry={() => void evaluation.refetch()}>
        {evaluation.data && (
          <>
            <p className="inbox-kind">
              {t('evaluations.title')} · {t(`evaluations.${evaluation.data.status}`)}
            </p>
            <h1>
              <SvText>{evaluation.data.title}</SvText>
            </h1>
            <p>
              <Link to={`/measures/${evaluation.data.measure_id}`}>{t('evaluations.measure')}</Link>
            </p>
            <StatusMessage message={notice ? t(notice) : null} />
            <DownloadLinks
              pdf={api.fileUrl(evaluation.data.id, 'pdf')}
              xlsx={api.fileUrl(evaluation.data.id, 'xlsx')}
            />
            <Design evaluation={evaluation.data} />
            <QueryState isPending={results.isPending} error={results.error} onRetry={() => void results.refetch()}>
              {results.data && <Results results={results.data} />}
            </QueryState>
            <section aria-labelledby="evaluation-conclusion">
              <h2 id="evaluation-conclusion">{t('evaluations.conclusion')}</h2>
              {evaluation.data.conclusion ? (
                <p>
                  <SvText>{evaluation.data.conclusion}</SvText>
                </p>
              ) : (
                <p>{t('evaluations.noConclusion')}</p>
              )}
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function Design({ evaluation: e }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = (s: Evaluation['treatment']) => [...s.places, ...s.areas].map((x) => x.name).join(', ');
  const range = (p: { from: string; to: string }) =>
    t('evaluations.range', { from: format.day(p.from), to: format.day(p.to) });
  const fact = (label: string, value: string, help?: string) => (
    <div>
      <dt>{label}</dt>
      <dd>
        {value}
        {help && <span className="evaluation-help">{help}</span>}
      </dd>
    </div>
  );
  const buffer = [
    ...(e.buffer.metres ? [t('evaluations.bufferRing', { metres: e.buffer.metres })] : []),
    ...e.buffer.areas.map((a) => a.name),
  ].join(', ');
  return (
    <section aria-labelledby="evaluation-design">
      <h2 id="evaluation-design">{t('evaluations.design')}</h2>
      <p>{t('evaluations.designIntro')}</p>
      <dl className="facts evaluation-design">
        {fact(t('evaluations.treatment'), names(e.treatment), t('evaluations.treatmentHelp'))}
        {fact(t('evaluations.comparison'), names(e.comparison), t('evaluations.comparisonHelp'))}
        {fact(t('evaluations.buffer'), buffer || t('evaluations.bufferNone'), t('evaluations.bufferHelp'))}
        {fact(t('evaluations.before'), range(e.before), t('evaluations.periodsHelp'))}
        {e.implementation && fact(t('evaluations.implementation'), range(e.implementation))}
        {fact(t('evaluations.after'), range(e.after))}
        {fact(
          t('evaluations.categories'),
          e.categories.map((c) => (i18n.language === 'en' ? c.label_en : c.label_sv)).join(', '),
        )}
      </dl>
      {e.can_edit && e.status === 'draft' && (
        <p>
          <Link className="button button-secondary" to={`/evaluations/${e.id}/edit`}>
            {t('evaluationForm.edit')}
          </Link>
        </p>
      )}
    </section>
  );
}

function Results({ results: r }: { results: EvaluationResults }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const percent = (x: number | null) =>
    x === null ? '–' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${format.number(Math.round(Math.abs(x)))} %`;
  const countRows = [
    { label: t('evaluations.treatment'), c: r.counts.treatment },
    { label: t('evaluations.comparison'), c: r.counts.comparison },
    ...(r.counts.buffer ? [{ label: t('evaluations.buffer'), c: r.counts.buffer }] : []),
  ];
  return (
    <section aria-labelledby="evaluation-results">
      <h2 id="evaluation-results">{t('evaluations.results')}</h2>
      <p>{t('evaluations.resultsIntro')}</p>
      <div className="table-scroll">
        <table className="evaluation-counts">
          <caption>{t('evaluations.counts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluations.site')}</th>
              <th scope="col">{t('evaluations.countBefore')}</th>
              <th scope="col">{t('evaluations.countAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {countRows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{format.number(row.c.before)}</td>
                <td>{format.number(row.c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* On a phone the effects table scrolls sideways rather than squeezing its readings into a few letters a line; keyboard users reach the scroll by focus. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('evaluations.effects')}>
        <table className="evaluation-effects">
          <caption>{t('evaluations.effects')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluations.method')}</th>
              <th scope="col">{t('evaluations.change')}</th>
              <th scope="col">{t('evaluations.interval')}</th>
              <th scope="col">{t('evaluations.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {r.effects.map((effect) => (
              <tr key={effect.method}>
                <th scope="row">{t(`evaluations.methods.${effect.method}`)}</th>
                <td>{percent(effect.percent_change)}</td>
                <td>
                  {effect.percent_lower === null
                    ? '–'
                    : `${percent(effect.percent_lower)} ${lang === 'sv' ? 'till' : 'to'} ${percent(effect.percent_upper)}`}
                </td>
                <td>{effect.summary[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.displacement && (
        <>
          <h3>{t('evaluations.displacement')}</h3>
          <p>
            {r.displacement.summary[lang]}
            {r.displacement.wdq !== null && (
              <>
                {' '}
                (
                {t('evaluations.wdq', {
                  value: r.displacement.wdq.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', {
                    maximumFractionDigits: 2,
                  }),
                })}
                )
              </>
            )}
          </p>
        </>
      )}
      {r.zones.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t('evaluations.zones')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.zone')}</th>
                <th scope="col">{t('evaluations.countBefore')}</th>
                <th scope="col">{t('evaluations.countAfter')}</th>
                <th scope="col">{t('evaluations.change')}</th>
              </tr>
            </thead>
            <tbody>
              {r.zones.map((z) => (
                <tr key={z.zone_id ?? 'none'}>
                  <th scope="row">{z.name}</th>
                  <td>{format.number(z.before)}</td>
                  <td>{format.number(z.after)}</td>
                  <td>{t(`evaluations.zoneChange.${z.change}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('evaluations.caveats')}</h3>
      {r.caveats.length ? (
        <ul>
          {r.caveats.map((c) => (
            <li key={c.code}>{c.text[lang]}</li>
          ))}
        </ul>
      ) : (
        <p>{t('evaluations.noCaveats')}</p>
      )}
    </section>
  );
}
