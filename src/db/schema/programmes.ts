import type { Generated } from 'kysely';
import type { ProgrammeSectionKind, ProgrammeStatus } from '../../domain/programmes.js';
import type { UnitKind } from '../../domain/org.js';
import type { CreatedAt, DateString, UpdatedAt } from './columns.js';

/** A governing programme (e.g. the city's safety programme); its content lives in its versions. */
export interface ProgrammesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  created_by: string;
  created_at: CreatedAt;
}

/** One version of a programme: period in whole years, status, and the decision that adopted it. */
export interface ProgrammeVersionsTable {
  id: Generated<string>;
  organisation_id: string;
  programme_id: string;
  title: string;
  period_from: number;
  period_to: number;
  status: Generated<ProgrammeStatus>;
  replaces_version_id: string | null;
  decision_ref: string | null;
  adopted_on: DateString | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A numbered section of a version; `section_key` is shared by its copies in later versions. */
export interface ProgrammeSectionsTable {
  organisation_id: string;
  id: Generated<string>;
  version_id: string;
  section_key: Generated<string>;
  kind: ProgrammeSectionKind;
  position: number;
  heading: string | null;
  body: string;
  unit_kind: UnitKind | null;
  unit_id: string | null;
  /** Raised on every change (If-Match, 409 when stale). */
  version: Generated<number>;
}
