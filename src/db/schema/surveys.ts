import type { Generated } from 'kysely';
import type { IndicatorDirection } from '../../domain/problems.js';
import type { SurveyAreaLevel, SurveyQuestionKind } from '../../domain/surveys.js';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';

/** An area at a survey's own level, linked to the organisation's area when it is the same district. */
export interface SurveyAreasTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  level: SurveyAreaLevel;
  area_id: string | null;
  created_at: CreatedAt;
}

/** A recurring survey (the city's trygghetsmätning, the police region's) and the area its averages are for. */
export interface SurveysTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  reference_area_id: string | null;
  created_at: CreatedAt;
}

/** A question of the catalogue, its answer options and which of them charts follow. */
export interface SurveyQuestionsTable {
  id: Generated<string>;
  organisation_id: string;
  survey_id: string;
  text: string;
  kind: Generated<SurveyQuestionKind>;
  options: Json<{ options: string[] }>;
  key_option: string;
  direction: IndicatorDirection;
  created_at: CreatedAt;
}

/** One area × question × year; respondents only where the source gave them. */
export interface SurveyResultsTable {
  id: Generated<string>;
  organisation_id: string;
  question_id: string;
  survey_area_id: string;
  year: number;
  respondents: number | null;
  source: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The share (percent) of one answer option in a result. */
export interface SurveyResultSharesTable {
  organisation_id: string;
  result_id: string;
  option: string;
  share_percent: number;
}
