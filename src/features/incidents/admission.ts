import type { AreaIndex } from '../../analysis/geo/area-index.js';
import type { H3Cells } from '../../analysis/geo/h3.js';
import { redactPersonalData } from '../../analysis/text/redact.js';
import type { Precision } from '../../domain/incidents.js';
import { locateIncident } from './locate.js';

/** Allowed clock skew between a reporter's phone (or a file's clock) and the server. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface Point {
  lon: number;
  lat: number;
}

/** A category of the organisation's taxonomy, as admission needs it. */
export interface AdmissionCategory {
  id: string;
  code: string;
  active: boolean;
}

/**
 * What a writer says about a new incident, read at its edge (HTTP body, file row, police notice, seed
 * draw). A null field is one the edge could not read and has reported itself: the checks that need it are
 * left out and the incident is not placed, so a row gets every issue it has but never a consequential one.
 */
export interface IncidentClaim {
  occurredAt: Date | null;
  /** The category as the source names it; `AdmissionLookups.category` resolves it. */
  category: string | null;
  point: Point | null;
  /** The point with longitude and latitude exchanged, tried when `point` is not inside (a hand-made file's commonest mistake). */
  swapped?: Point | null;
  precision: Precision | null;
  /** Free text as given; stored only after redaction. */
  description: string | null;
}

/** What admission looks things up in: passed in, so admission itself never touches the database. */
export interface AdmissionLookups {
  /** The organisation's areas over time. */
  areas: AreaIndex;
  /** The organisation's time zone: an incident is placed in the areas in force on its local day. */
  timeZone: string;
  category(name: string): AdmissionCategory | null;
  /** The clock, in milliseconds since the epoch. */
  now: number;
}

/** How strict a writer is where writers differ. */
export interface AdmissionRules {
  /** Take the swapped point when only it lies inside (an import profile's choice); otherwise such a claim is refused. */
  swapCoordinates?: boolean;
  /** The longest description stored after redaction; none when the edge already caps the text. */
  maxDescriptionLength?: number;
}

export type AdmissionIssue =
  | { field: 'occurred_at'; code: 'in_future' }
  | { field: 'category'; code: 'unknown_category' }
  | { field: 'category'; code: 'inactive_category'; category: string }
  | { field: 'location'; code: 'outside_organisation' | 'invalid_coordinates' | 'swapped_coordinates' }
  | { field: 'description'; code: 'text_too_long' };

/** An incident as it may be stored: placed, with its H3 cells, its text redacted. */
export interface AdmittedIncident {
  occurredAt: Date;
  categoryId: string;
  lon: number;
  lat: number;
  precision: Precision;
  h3: H3Cells | null;
  areaId: string | null;
  districtId: string | null;
  description: string | null;
  /** Personal data replaced in the description. */
  redactionCount: number;
  /** The swapped point was taken. */
  swapped: boolean;
}

export type Admission = { ok: true; incident: AdmittedIncident } | { ok: false; issues: AdmissionIssue[] };

/** True for a plausible WGS84 pair. */
function validLonLat(p: Point): boolean {
  return Number.isFinite(p.lon) && Number.isFinite(p.lat) && Math.abs(p.lon) <= 180 && Math.abs(p.lat) <= 90;
}

/**
 * The one admission of an incident, for every writer (the API and public forms, Open311, the tabular and
 * police imports, the seed): the time may not lie in the future, the category must exist and be in use,
 * the point must lie inside the organisation's areas in force on the incident's local day (placed there
 * by `locateIncident`, with H3 cells only for precise precisions), and free text is redacted. Pure: every
 * lookup and the clock come in `lookups`. Issues come in the order time, category, location, description;
 * the point is placed only when nothing else is wrong.
 * @example admitIncident({ occurredAt: new Date(), category: 'klotter', point: { lon: 18.07, lat: 59.33 }, precision: 'exact', description: null }, lookups)
 */
export function admitIncident(claim: IncidentClaim, lookups: AdmissionLookups, rules: AdmissionRules = {}): Admission {
  const issues: AdmissionIssue[] = [];
  const { occurredAt, precision } = claim;
  if (occurredAt && occurredAt.getTime() > lookups.now + FUTURE_TOLERANCE_MS)
    issues.push({ field: 'occurred_at', code: 'in_future' });

  const category = claim.category === null ? null : lookups.category(claim.category);
  if (claim.category !== null && !category) issues.push({ field: 'category', code: 'unknown_category' });
  else if (category && !category.active)
    issues.push({ field: 'category', code: 'inactive_category', category: category.code });

  let placed: { point: Point; location: NonNullable<ReturnType<typeof locateIncident>>; swapped: boolean } | null =
    null;
  if (issues.length === 0 && occurredAt && category && claim.point && precision) {
    const locate = (p: Point | null | undefined) =>
      p && validLonLat(p) ? locateIncident(lookups.areas, p.lon, p.lat, occurredAt, precision, lookups.timeZone) : null;
    const direct = locate(claim.point);
    const other = direct ? null : locate(claim.swapped);
    if (direct) placed = { point: claim.point, location: direct, swapped: false };
    else if (other && rules.swapCoordinates) placed = { point: claim.swapped!, location: other, swapped: true };
    else if (other) issues.push({ field: 'location', code: 'swapped_coordinates' });
    else
      issues.push({
        field: 'location',
        code: validLonLat(claim.point) ? 'outside_organisation' : 'invalid_coordinates',
      });
  }

  const redacted = claim.description ? redactPersonalData(claim.description) : null;
  if (redacted && rules.maxDescriptionLength !== undefined && redacted.text.length > rules.maxDescriptionLength) {
    issues.push({ field: 'description', code: 'text_too_long' });
  }

  if (issues.length > 0 || !placed) return { ok: false, issues };
  return {
    ok: true,
    incident: {
      occurredAt: occurredAt!,
      categoryId: category!.id,
      lon: placed.point.lon,
      lat: placed.point.lat,
      precision: precision!,
      h3: placed.location.h3,
      areaId: placed.location.areaId,
      districtId: placed.location.districtId,
      description: redacted?.text || null,
      redactionCount: redacted?.count ?? 0,
      swapped: placed.swapped,
    },
  };
}
