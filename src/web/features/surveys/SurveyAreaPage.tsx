import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { Field } from '../../forms/Field.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { SurveyIndicatorForm } from './SurveyIndicatorForm.js';
import { SurveySeriesView } from './SurveySeriesView.js';
import { endedOn, questionsOfArea, useSurveyCatalogue, useSurveySeries } from './use-surveys.js';
import './surveys.css';

/**
 * One survey area ('survey-areas/:id'): a question chosen from those it has figures for (?question=, the
 * first by default), drawn over the years beside the survey's average, as a table too, and for those who
 * edit problems a form that makes it a problem's indicator.
 */
export function SurveyAreaPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const catalogue = useSurveyCatalogue();
  const area = catalogue.data?.areas.find((a) => a.id === id);
  const questions = catalogue.data && area ? questionsOfArea(catalogue.data, area.id) : [];
  const chosen = search.get('question') ?? questions[0]?.question.id;
  const series = useSurveySeries(chosen, area?.id);
  useDocumentTitle(`${t('surveys.title')} – ${area?.name ?? ''}`);
  const ended = area ? endedOn(area) : null;

  return (
    <div className="page surveys">
      <p className="breadcrumb">
        <Link to="/surveys">← {t('surveys.title')}</Link>
      </p>
      <QueryState isPending={catalogue.isPending} error={catalogue.error} onRetry={() => void catalogue.refetch()}>
        {!area ? (
          <p className="notice notice-info" role="alert">
            {t('access.notFound')}
          </p>
        ) : (
          <>
            <h1>{area.name}</h1>
            <p className="muted">
              {t(`surveys.levels.${area.level}`)}
              {ended && ` – ${t('surveys.ended', { day: format.longDay(ended) })}`}
            </p>
            <form className="survey-picker" onSubmit={(e) => e.preventDefault()}>
              <Field id="survey-question-choice" label={t('surveys.question')}>
                {(aria) => (
                  <select
                    {...aria}
                    value={chosen ?? ''}
                    onChange={(e) => setSearch({ question: e.target.value }, { replace: true })}
                  >
                    {questions.map(({ question, survey }) => (
                      <option key={question.id} value={question.id}>
                        {`${question.text} (${survey.name})`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </form>
            <QueryState isPending={series.isPending} error={series.error} onRetry={() => void series.refetch()}>
              {series.data && <SurveySeriesView series={series.data} />}
            </QueryState>
            {series.data && allows(session.data, 'programme:write') && (
              <SurveyIndicatorForm questionId={series.data.question.id} surveyAreaId={area.id} />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
