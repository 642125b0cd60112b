import type { RowIssue } from '../../domain/imports.js';
import { MAX_DESCRIPTION_LENGTH } from '../../domain/incidents.js';
import { type AdmissionIssue, type AdmissionLookups, admitIncident } from '../incidents/admission.js';
import type { CategoryResolver } from './lookups.js';
import {
  classifyPoliceEvent,
  PoliceEventSchema,
  parsePoliceDateTime,
  parsePoliceGps,
  policeMunicipality,
  policeOccurredAt,
} from './police-events.js';
import { quoted, storedText } from './quoted-values.js';
import type { PoliceRecord } from './readers/record-source.js';
import type { MappedRow, Warning } from './row-mapper.js';

/**
 * Police notices are information from a partner, not cases for the city to handle: they are stored
 * closed as 'not_ours' so they count in the situation picture but never wait in anyone's inbox.
 */
export const POLICE_STATUS_NOTE = 'Polisens händelsenotis – information, ingen åtgärd i Trygg';

/** The unit police notices are reported by unless the profile names another (the police partner's slug). */
export const POLICE_UNIT_SLUG = 'polisen';

export interface PoliceContext {
  /** The areas, categories (through the run's resolver) and clock the admission checks against. */
  lookups: AdmissionLookups;
  categories: CategoryResolver;
  swapCoordinates: boolean;
  /** The organisation's municipality as the API names it ('Stockholm'), and the API's point for it when known. */
  municipality: { name: string; lon: number; lat: number } | { name: string; lon?: undefined; lat?: undefined };
}

const same = (a: string, b: string) => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/** Where a notice's issues stand in its report: in the order of its fields. */
const CATEGORY = 0,
  TIME = 1,
  LOCATION = 2,
  TEXT = 3;

/**
 * One notice of polisen.se/api/events → an incident with precision 'municipality' (the API's point is the
 * municipality's centre), or a skip with its reason: 'summary' (the nightly round-ups), 'county' (about
 * the county as a whole, with the county's centre point), 'other_municipality', and the classification's
 * reasons (notices about persons, police-initiated controls, information). Since January 2026 the API
 * files city events under the county and names the municipality only at the end of the title; those are
 * the city's and get the municipality's point — a municipality without a known point is a row issue.
 */
export function mapPoliceRecord(record: PoliceRecord, ctx: PoliceContext): MappedRow {
  const { row } = record;
  const parsed = PoliceEventSchema.safeParse(record.event);
  if (!parsed.success) {
    return {
      kind: 'error',
      row,
      issues: [
        {
          row,
          column: null,
          code: 'invalid_event',
          message: `not a police event: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        },
      ],
    };
  }
  const event = parsed.data;
  if (event.type.startsWith('Sammanfattning')) return { kind: 'skip', row, reason: 'summary' };
  const countyLabel = event.location.name.endsWith(' län');
  const municipality = policeMunicipality(event);
  if (!same(municipality, ctx.municipality.name)) {
    return {
      kind: 'skip',
      row,
      reason:
        countyLabel && (municipality.endsWith(' län') || municipality === event.location.name)
          ? 'county'
          : 'other_municipality',
    };
  }
  const decision = classifyPoliceEvent(event, municipality);
  if (!decision.load) return { kind: 'skip', row, reason: decision.reason };

  const warnings: Warning[] = [];
  const found: RowIssue[][] = [[], [], [], []];
  // Types outside the police table fall back to the classification's choice ('annat'), and are counted.
  const direct = ctx.categories.resolve(event.type) !== null;
  if (!direct) warnings.push({ fallback: storedText(event.type) });

  const published = parsePoliceDateTime(event.datetime);
  if (!published)
    found[TIME]!.push({
      row,
      column: 'datetime',
      code: 'invalid_date',
      message: `'${quoted(event.datetime)}' is not the API's datetime`,
      params: { value: quoted(event.datetime) },
    });
  const occurredAt = published ? policeOccurredAt(event, published) : null;

  // County-labelled city events carry the county's centre; the municipality's own point replaces it.
  let gps: { lon: number; lat: number } | null = null;
  if (countyLabel) {
    if (ctx.municipality.lon === undefined) {
      found[LOCATION]!.push({
        row,
        column: 'location.name',
        code: 'unknown_location',
        message: `no point is known for the police location '${quoted(ctx.municipality.name)}'`,
        params: { value: quoted(ctx.municipality.name) },
        suggestion: 'set police_location in the profile to a location name the police API uses',
      });
    } else {
      gps = { lon: ctx.municipality.lon, lat: ctx.municipality.lat };
      warnings.push('municipality_from_title');
    }
  } else {
    gps = parsePoliceGps(event.location.gps);
    if (!gps)
      found[LOCATION]!.push({
        row,
        column: 'location.gps',
        code: 'invalid_coordinates',
        message: `'${quoted(event.location.gps)}' is not 'lat,lng'`,
        params: { value: quoted(event.location.gps) },
      });
  }
  const readable = found.every((issues) => issues.length === 0);
  const admission = admitIncident(
    {
      occurredAt,
      category: direct ? event.type : decision.category,
      point: readable ? gps : null,
      swapped: gps && { lon: gps.lat, lat: gps.lon },
      precision: 'municipality',
      description: `${event.name}: ${event.summary}`,
    },
    ctx.lookups,
    { swapCoordinates: ctx.swapCoordinates, maxDescriptionLength: MAX_DESCRIPTION_LENGTH },
  );
  for (const problem of admission.ok ? [] : admission.issues) {
    const [at, issue] = policeIssue(row, problem, event.type);
    found[at]!.push(issue);
  }
  const issues = found.flat();
  if (issues.length || !admission.ok) {
    return {
      kind: 'error',
      row,
      issues,
      ...(issues.some((i) => i.code === 'outside_organisation') ? { outside: true } : {}),
    };
  }
  const admitted = admission.incident;
  if (admitted.swapped) warnings.push('swapped_coordinates_fixed');
  return {
    kind: 'ok',
    redacted: admitted.redactionCount,
    warnings,
    candidate: { ...admitted, row, reportedAt: published!, placeId: null, sourceRef: String(event.id) },
  };
}

/** An admission issue in the police API's terms. */
function policeIssue(row: number, problem: AdmissionIssue, type: string): [number, RowIssue] {
  switch (problem.code) {
    case 'unknown_category':
      return [
        CATEGORY,
        {
          row,
          column: 'type',
          code: 'unknown_category',
          message: `'${quoted(type)}' maps to no category`,
          params: { value: quoted(type) },
        },
      ];
    case 'inactive_category':
      return [
        CATEGORY,
        {
          row,
          column: 'type',
          code: 'inactive_category',
          message: `category '${problem.category}' is no longer in use`,
          params: { value: problem.category },
        },
      ];
    case 'in_future':
      return [TIME, { row, column: 'datetime', code: 'in_future', message: 'the time is in the future' }];
    case 'swapped_coordinates':
      return [
        LOCATION,
        {
          row,
          column: 'location.gps',
          code: 'swapped_coordinates',
          message: 'the gps pair looks lng-first; the API sends lat,lng',
          suggestion: 'import with --swap-coordinates',
        },
      ];
    case 'outside_organisation':
    case 'invalid_coordinates':
      return [
        LOCATION,
        { row, column: 'location.gps', code: problem.code, message: 'the point lies outside the organisation’s areas' },
      ];
    case 'text_too_long':
      return [
        TEXT,
        {
          row,
          column: 'summary',
          code: 'text_too_long',
          message: `the text is longer than ${MAX_DESCRIPTION_LENGTH} characters`,
          params: { max: MAX_DESCRIPTION_LENGTH },
        },
      ];
  }
}
