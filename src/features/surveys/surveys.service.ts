import type { ServiceContext } from '../../core/context.js';
import { AppError } from '../../domain/errors.js';
import type { SurveyEvidence } from '../../domain/problems.js';
import type {
  SurveyArea,
  SurveyCatalogue,
  SurveyQuestion,
  SurveySeries,
  SurveySeriesQuery,
} from '../../domain/surveys.js';
import { surveyPoint } from './survey-points.js';
import {
  listQuestionRows,
  listResultRows,
  listSeriesYears,
  listSurveyAreaRows,
  listSurveyRows,
  findQuestion,
} from './surveys.repo.js';

type AreaRow = Awaited<ReturnType<typeof listSurveyAreaRows>>[number];
type QuestionRow = Awaited<ReturnType<typeof listQuestionRows>>[number];

const toArea = (a: AreaRow): SurveyArea => ({
  id: a.id,
  name: a.name,
  level: a.level,
  area: a.area_id ? { id: a.area_id, name: a.area_name ?? a.name, valid_to: a.valid_to } : null,
});

const toQuestion = (q: QuestionRow): SurveyQuestion => ({
  id: q.id,
  survey_id: q.survey_id,
  text: q.text,
  kind: q.kind,
  options: q.options.options,
  key_option: q.key_option,
  direction: q.direction,
});

/** The surveys, their areas and questions, and which area × question has results in which years. */
export async function getSurveyCatalogue(ctx: ServiceContext): Promise<SurveyCatalogue> {
  const org = ctx.organisation.id;
  const [surveys, areas, questions, years] = await Promise.all([
    listSurveyRows(ctx.db, org),
    listSurveyAreaRows(ctx.db, org),
    listQuestionRows(ctx.db, org),
    listSeriesYears(ctx.db, org),
  ]);
  const series = new Map<string, SurveyCatalogue['series'][number]>();
  for (const y of years) {
    const key = `${y.question_id}|${y.survey_area_id}`;
    const s = series.get(key) ?? { question_id: y.question_id, survey_area_id: y.survey_area_id, years: [] };
    s.years.push(y.year);
    series.set(key, s);
  }
  return { surveys, areas: areas.map(toArea), questions: questions.map(toQuestion), series: [...series.values()] };
}

const notFound = (entity: string, id: string) => new AppError('NOT_FOUND', { details: { entity, id } });

/**
 * One question in one area over the years, with the survey's whole population (the city, the police
 * region) for comparison when it has figures for the question and is not the area itself.
 */
export async function getSurveySeries(ctx: ServiceContext, query: SurveySeriesQuery): Promise<SurveySeries> {
  const org = ctx.organisation.id;
  const question = await findQuestion(ctx.db, org, query.question_id);
  if (!question) throw notFound('survey_question', query.question_id);
  const areas = await listSurveyAreaRows(ctx.db, org);
  const area = areas.find((a) => a.id === query.survey_area_id);
  if (!area) throw notFound('survey_area', query.survey_area_id);
  const referenceId = question.reference_area_id !== area.id ? question.reference_area_id : null;
  const rows = await listResultRows(ctx.db, org, question.id, referenceId ? [area.id, referenceId] : [area.id]);
  const points = (areaId: string) =>
    rows.filter((r) => r.survey_area_id === areaId).map((r) => surveyPoint(r, question.key_option, question.kind));
  const referenceArea = referenceId ? areas.find((a) => a.id === referenceId) : undefined;
  const referencePoints = referenceArea ? points(referenceArea.id) : [];
  return {
    survey: { id: question.survey_id, name: question.survey_name, reference_area_id: question.reference_area_id },
    question: toQuestion(question),
    area: toArea(area),
    points: points(area.id),
    reference:
      referenceArea && referencePoints.length ? { area: toArea(referenceArea), points: referencePoints } : null,
  };
}

/**
 * A survey item as a problem's evidence and indicator: its first figure and the latest after it (years
 * without the key option's share are left out). Null when the question or area is not the organisation's.
 */
export async function findSurveyEvidence(
  ctx: ServiceContext,
  questionId: string,
  surveyAreaId: string,
): Promise<SurveyEvidence | null> {
  const series = await getSurveySeries(ctx, { question_id: questionId, survey_area_id: surveyAreaId }).catch(
    (e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    },
  );
  if (!series) return null;
  const figures = series.points.flatMap((p) =>
    p.share === null ? [] : [{ year: p.year, share: p.share, respondents: p.respondents, ci: p.ci }],
  );
  return {
    question: series.question.text,
    area: series.area.name,
    direction: series.question.direction,
    first: figures[0] ?? null,
    latest: figures.length > 1 ? (figures.at(-1) ?? null) : null,
  };
}
