import type { Generated } from 'kysely';
import type { FollowupStatus, PeriodStatus, UnitFigures } from '../../domain/reporting.js';
import type { DateString, Json, UpdatedAt } from './columns.js';

/** A reporting period: a tertial of a year (or the year, `tertial` null), open for reporting until closed. */
export interface ReportingPeriodsTable {
  id: Generated<string>;
  organisation_id: string;
  year: number;
  tertial: number | null;
  deadline: DateString;
  status: Generated<PeriodStatus>;
  programme_version_id: string | null;
  opened_at: Date;
  opened_by: string;
  closed_at: Date | null;
  closed_by: string | null;
}

/** A unit's follow-up for a period: its text, and once submitted the figures it was submitted with. */
export interface UnitFollowupsTable {
  organisation_id: string;
  id: Generated<string>;
  period_id: string;
  unit_id: string;
  status: Generated<FollowupStatus>;
  summary: string | null;
  figures: Json<UnitFigures> | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  /** Raised by every change: the ETag a draft is saved against (migration 2026-12-09T0400-followup-versions). */
  version: Generated<number>;
  updated_at: UpdatedAt;
}

/** A follow-up's comment on one programme goal, by the goal's section key. */
export interface UnitFollowupGoalsTable {
  organisation_id: string;
  followup_id: string;
  section_key: string;
  comment: string;
}
