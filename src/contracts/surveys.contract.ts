import {
  SurveyAreaCreateSchema,
  SurveyAreaSchema,
  SurveyCatalogueSchema,
  SurveyCreateSchema,
  SurveyQuestionCreateSchema,
  SurveyQuestionSchema,
  SurveySchema,
  SurveyImportQuerySchema,
  SurveyImportReportSchema,
  SurveySeriesQuerySchema,
  SurveySeriesSchema,
} from '../domain/surveys.js';
import { defineRoute } from './define-route.js';

const tags = ['surveys'];

/**
 * Safety surveys (trygghetsmätningar): the catalogue of surveys, areas and questions, one area's series with
 * Wilson intervals beside the survey's average, and importing published results (CSV or Excel).
 */
export const surveysContract = {
  catalogue: defineRoute({
    method: 'GET',
    path: '/surveys/catalogue',
    policy: 'surveys:read',
    tags,
    summary: 'Surveys, their areas and questions, and which area × question has results in which years',
    response: { 200: SurveyCatalogueSchema },
  }),
  series: defineRoute({
    method: 'GET',
    path: '/surveys/series',
    policy: 'surveys:read',
    tags,
    summary: "One question in one area over the years, with the survey's average for comparison",
    query: SurveySeriesQuerySchema,
    response: { 200: SurveySeriesSchema },
  }),
  /** The file is the multipart field "file". */
  importResults: defineRoute({
    method: 'POST',
    path: '/surveys/results/import',
    policy: 'surveys:import',
    tags,
    summary: 'Import survey results from a CSV file or an Excel workbook, all rows or none',
    description:
      'multipart/form-data with one field "file". Columns: survey, year, area_name, area_level, question, and ' +
      'value_percent (the share of the question\'s key option) and/or "share: <option>" per answer option; ' +
      'respondents and source are optional. Any row with an error refuses the whole file (422 IMPORT_HAS_ERRORS ' +
      'with the row issues); dry_run=true checks without writing.',
    consumes: ['multipart/form-data'],
    query: SurveyImportQuerySchema,
    response: { 200: SurveyImportReportSchema },
  }),
  createSurvey: defineRoute({
    method: 'POST',
    path: '/surveys',
    policy: 'surveys:import',
    tags,
    summary: 'Add a survey to the catalogue',
    body: SurveyCreateSchema,
    response: { 201: SurveySchema },
  }),
  createArea: defineRoute({
    method: 'POST',
    path: '/surveys/areas',
    policy: 'surveys:import',
    tags,
    summary: "Add an area at a survey's level to the catalogue",
    body: SurveyAreaCreateSchema,
    response: { 201: SurveyAreaSchema },
  }),
  createQuestion: defineRoute({
    method: 'POST',
    path: '/surveys/questions',
    policy: 'surveys:import',
    tags,
    summary: 'Add a question with its answer options to the catalogue',
    body: SurveyQuestionCreateSchema,
    response: { 201: SurveyQuestionSchema },
  }),
};
