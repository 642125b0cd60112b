import type { Generated } from 'kysely';
import type { CreatedAt, DateString, Json, UpdatedAt } from './columns.js';

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  municipality_code: string | null;
  /** IANA zone of the organisation's wall clock (default: the calendar's DEFAULT_TIME_ZONE): its weeks, local days and "today". */
  time_zone: Generated<string>;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  name: string;
  name_en: string | null;
  kind: 'district' | 'specialist' | 'company' | 'partner';
  /** How a district reaches the unit for the local work: a function mailbox and a switchboard, not a person. */
  contact_email: string | null;
  contact_phone: string | null;
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
  opening_hours: Json<OpeningHours> | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** When an indoor public room is open: periods per ISO weekday (1 Monday … 7 Sunday), local wall-clock times. */
export interface OpeningHours {
  periods: Array<{ day: number; opens: string; closes: string }>;
  /** Where the hours come from, or that they are an example (the demo's). */
  note: string | null;
}

export interface PlaceResponsibilitiesTable {
  organisation_id: string;
  place_id: string;
  unit_id: string;
  responsibility: string;
}

export interface PlaceZonesTable {
  organisation_id: string;
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
