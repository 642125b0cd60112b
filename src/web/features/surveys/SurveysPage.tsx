import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SurveyAreaLevelSchema } from '../../../domain/surveys.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { endedOn, questionsOfArea, useSurveyCatalogue } from './use-surveys.js';
import './surveys.css';

/** The safety surveys' areas by level, each with the questions it has figures for and their years. */
export function SurveysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const catalogue = useSurveyCatalogue();
  useDocumentTitle(t('surveys.title'));
  const data = catalogue.data;
  return (
    <div className="page surveys">
      <h1>{t('surveys.title')}</h1>
      <p className="lead">{t('surveys.intro')}</p>
      {allows(session.data, 'surveys:import') && (
        <p>
          <Link to="/surveys/import">{t('surveys.importLink')}</Link>
        </p>
      )}
      <QueryState isPending={catalogue.isPending} error={catalogue.error} onRetry={() => void catalogue.refetch()}>
        {data &&
          SurveyAreaLevelSchema.options.map((level) => {
            const areas = data.areas.filter(
              (a) => a.level === level && data.series.some((s) => s.survey_area_id === a.id),
            );
            if (areas.length === 0) return null;
            return (
              <section key={level} aria-labelledby={`level-${level}`}>
                <h2 id={`level-${level}`}>{t(`surveys.levels.${level}`)}</h2>
                <ul className="survey-areas">
                  {areas.map((area) => {
                    const ended = endedOn(area);
                    return (
                      <li key={area.id}>
                        <Link to={`/survey-areas/${area.id}`}>{area.name}</Link>
                        {ended && (
                          <span className="muted"> – {t('surveys.ended', { day: format.longDay(ended) })}</span>
                        )}
                        <ul>
                          {questionsOfArea(data, area.id).map(({ question, years }) => (
                            <li key={question.id} className="survey-question">
                              <Link to={`/survey-areas/${area.id}?question=${question.id}`}>{question.text}</Link>{' '}
                              <span className="muted">({years.join(', ')})</span>
                            </li>
                          ))}
                        </ul>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
      </QueryState>
    </div>
  );
}
