import type { ColumnType, Generated } from 'kysely';
import type { LawDocumentFigures, LawDocumentKind, LawDocumentStatus } from '../../domain/law-documents.js';
import type { CreatedAt, DateString, UpdatedAt } from './columns.js';

/** One version of a law document (lägesbild, orsaksanalys, åtgärdsplan) for a district or the city (null). */
export interface LawDocumentVersionsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: LawDocumentKind;
  district_id: string | null;
  version: number;
  title: string;
  status: Generated<LawDocumentStatus>;
  decision_ref: string | null;
  adopted_on: DateString | null;
  based_on_version: number | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A numbered section of a version: heading and editable text, and the figures drawn from the data, if any. */
export interface LawDocumentSectionsTable {
  organisation_id: string;
  version_id: string;
  position: number;
  heading: string;
  body: string;
  figures: ColumnType<LawDocumentFigures | null, LawDocumentFigures | null | undefined, LawDocumentFigures | null>;
}
