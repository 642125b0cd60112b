import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Dates (SQL `date`) travel as 'YYYY-MM-DD' strings on both engines; see connect.ts. */
type DateString = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb columns take plain objects (never top-level arrays: pg would send those as SQL arrays). */
type Json<T> = ColumnType<T, T, T>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  municipality_code: string | null;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  name: string;
  name_en: string | null;
  kind: 'district' | 'specialist' | 'company' | 'partner';
  valid_from: DateString | null;
  valid_to: DateString | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AreasTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  name: string;
  level: 'district' | 'neighbourhood' | 'focus';
  parent_id: string | null;
  owner_unit_id: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
  geometry: Json<GeoJSONPolygonal>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  approximate: Generated<boolean>;
  source: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type GeoJSONPolygonal =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface AreaPopulationsTable {
  organisation_id: string;
  area_code: string;
  level: 'district' | 'neighbourhood';
  year: number;
  population: number;
  source: string | null;
}

export interface PlacesTable {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  name: string;
  type: string;
  setting: 'indoor' | 'outdoor';
  lon: number;
  lat: number;
  coordinate_approximate: Generated<boolean>;
  coordinate_note: string | null;
  address: string | null;
  neighbourhood_code: string | null;
  owner_unit_id: string | null;
  geometry: Json<GeoJSONPolygonal> | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlaceResponsibilitiesTable {
  place_id: string;
  unit_id: string;
  responsibility: string;
}

export interface PlaceZonesTable {
  id: Generated<string>;
  place_id: string;
  code: string;
  name: string;
  name_en: string | null;
}

export interface IncidentCategoriesTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  label_sv: string;
  label_en: string;
  group_code: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type IncidentPrecision = 'exact' | 'place' | 'area' | 'municipality';
export type IncidentSource = 'resident' | 'staff' | 'partner' | 'police' | 'import' | 'open311' | 'demo';
export type IncidentStatus = 'new' | 'in_progress' | 'closed';
export type ClosureReason = 'fixed' | 'not_ours' | 'wont_fix' | 'duplicate';

export interface IncidentsTable {
  id: Generated<string>;
  organisation_id: string;
  occurred_at: ColumnType<Date, Date | string, Date | string>;
  reported_at: ColumnType<Date, Date | string | undefined, Date | string>;
  category_id: string;
  lon: number;
  lat: number;
  precision: IncidentPrecision;
  h3_r7: string | null;
  h3_r8: string | null;
  h3_r9: string | null;
  h3_r10: string | null;
  area_id: string | null;
  district_id: string | null;
  place_id: string | null;
  zone_id: string | null;
  description: string | null;
  redaction_count: Generated<number>;
  source: IncidentSource;
  source_ref: string | null;
  reporting_unit_id: string | null;
  status: Generated<IncidentStatus>;
  closure_reason: ClosureReason | null;
  status_note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuditEventsTable {
  id: Generated<string>;
  organisation_id: string | null;
  occurred_at: CreatedAt;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  remote_address: string | null;
}

export interface ReporterContactsTable {
  id: Generated<string>;
  organisation_id: string;
  incident_id: string;
  email: string;
  created_at: CreatedAt;
}

export interface Database {
  organisations: OrganisationsTable;
  units: UnitsTable;
  areas: AreasTable;
  area_populations: AreaPopulationsTable;
  places: PlacesTable;
  place_responsibilities: PlaceResponsibilitiesTable;
  place_zones: PlaceZonesTable;
  incident_categories: IncidentCategoriesTable;
  incidents: IncidentsTable;
  audit_events: AuditEventsTable;
  reporter_contacts: ReporterContactsTable;
}

export type Area = Selectable<AreasTable>;
export type NewArea = Insertable<AreasTable>;
export type Place = Selectable<PlacesTable>;
export type NewPlace = Insertable<PlacesTable>;
export type Unit = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncidentRow = Insertable<IncidentsTable>;
export type IncidentRowUpdate = Updateable<IncidentsTable>;
export type IncidentCategory = Selectable<IncidentCategoriesTable>;
