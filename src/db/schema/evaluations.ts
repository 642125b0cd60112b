import type { Generated } from 'kysely';
import type { CreatedAt, DateString, UpdatedAt } from './columns.js';

export type EvaluationStatus = 'draft' | 'published';
export type EvaluationSiteRole = 'treatment' | 'comparison' | 'buffer';

/** An evaluation design attached to a measure (issue 17). */
export interface EvaluationsTable {
  id: Generated<string>;
  organisation_id: string;
  measure_id: string;
  title: string;
  status: Generated<EvaluationStatus>;
  before_from: DateString;
  before_to: DateString;
  after_from: DateString;
  after_to: DateString;
  buffer_metres: number | null;
  conclusion: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

/** A place or an area in one role of an evaluation. */
export interface EvaluationSitesTable {
  evaluation_id: string;
  organisation_id: string;
  role: EvaluationSiteRole;
  place_id: string | null;
  area_id: string | null;
}

export interface EvaluationCategoriesTable {
  evaluation_id: string;
  organisation_id: string;
  category_id: string;
}

/** A place's visitors and opening hours in one month (the first day of the month). */
export interface PlaceMonthFiguresTable {
  organisation_id: string;
  place_id: string;
  month: DateString;
  visitors: number | null;
  opening_hours: number | null;
  updated_at: UpdatedAt;
}
