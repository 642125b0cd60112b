import type { Generated } from 'kysely';
import type { Handling, ResponseStatus } from '../../domain/consultations.js';
import type { DateString, UpdatedAt } from './columns.js';

/** A programme version sent on consultation: the last day to answer, and when and by whom it was sent. */
export interface ConsultationRoundsTable {
  id: Generated<string>;
  organisation_id: string;
  version_id: string;
  deadline: DateString;
  sent_at: Date;
  sent_by: string;
}

/** One invited unit's response, created with the round. */
export interface ConsultationResponsesTable {
  organisation_id: string;
  id: Generated<string>;
  round_id: string;
  unit_id: string;
  status: Generated<ResponseStatus>;
  summary: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  updated_at: UpdatedAt;
}

/** A response's statement and proposed change on one section, and how the proposal was handled. */
export interface ConsultationStatementsTable {
  organisation_id: string;
  response_id: string;
  section_key: string;
  statement: string | null;
  proposal: string | null;
  handling: Handling | null;
  handling_reason: string | null;
  handled_by: string | null;
  handled_at: Date | null;
}
