import { redactPersonalData } from '../../analysis/text/redact.js';
import type { RowIssue } from '../../domain/imports.js';
import { MAX_DESCRIPTION_LENGTH } from '../../domain/incidents.js';
import {
  classifyPoliceEvent, PoliceEventSchema, parsePoliceDateTime, parsePoliceGps, policeMunicipality, policeOccurredAt,
} from '../seed/police-events.js';
import type { CategoryResolver } from './lookups.js';
import { quoted, storedRef, storedText } from './quoted-values.js';
import type { PoliceRecord } from './readers/record-source.js';
import { locateWithSwap, type MapContext, type MappedRow, type Warning } from './row-mapper.js';

export interface PoliceContext extends Pick<MapContext, 'index' | 'swapCoordinates' | 'timeZone' | 'now'> {
  categories: CategoryResolver;
  /** The organisation's municipality as the API names it ('Stockholm'), and the API's point for it. */
  municipality: { name: string; lon: number; lat: number } | { name: string; lon?: undefined; lat?: undefined };
}

const same = (a: string, b: string) => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/**
 * One notice of polisen.se/api/events → an incident with precision 'municipality' (the API's point is the
 * municipality's centre), or a skip with its reason: 'summary' (the nightly round-ups), 'county' (about
 * the county as a whole, with the county's centre point), 'other_municipality', and the seed's own
 * reasons (notices about persons, police-initiated controls, information). Since January 2026 the API
 * files city events under the county and names the municipality only at the end of the title; those are
 * the city's and get the municipality's point.
 */
export function mapPoliceRecord(record: PoliceRecord, ctx: PoliceContext): MappedRow {
  const { row } = record;
  const parsed = PoliceEventSchema.safeParse(record.event);
  if (!parsed.success) {
    return { kind: 'error', row, issues: [{ row, column: null, code: 'invalid_event', message: `not a police event: ${parsed.error.issues[0]?.message ?? 'invalid'}` }] };
  }
  const event = parsed.data;
  if (event.type.startsWith('Sammanfattning')) return { kind: 'skip', row, reason: 'summary' };
  const countyLabel = event.location.name.endsWith(' län');
  const municipality = policeMunicipality(event);
  if (!same(municipality, ctx.municipality.name)) {
    return { kind: 'skip', row, reason: countyLabel && (municipality.endsWith(' län') || municipality === event.location.name) ? 'county' : 'other_municipality' };
  }
  const decision = classifyPoliceEvent(event, municipality);
  if (!decision.load) return { kind: 'skip', row, reason: decision.reason };

  const warnings: Warning[] = [];
  const issues: RowIssue[] = [];
  // Types outside the police table fall back to the seed's choice ('annat'), and are counted.
  const direct = ctx.categories.resolve(event.type);
  const match = direct ?? ctx.categories.resolve(decision.category);
  if (!direct) warnings.push({ fallback: storedText(event.type) });
  if (!match) issues.push({ row, column: 'type', code: 'unknown_category', message: `'${quoted(event.type)}' maps to no category` });

  const published = parsePoliceDateTime(event.datetime);
  if (!published) issues.push({ row, column: 'datetime', code: 'invalid_date', message: `'${quoted(event.datetime)}' is not the API's datetime` });
  const occurredAt = published ? policeOccurredAt(event, published) : null;
  if (occurredAt && occurredAt.getTime() > ctx.now + 5 * 60_000) issues.push({ row, column: 'datetime', code: 'in_future', message: 'the time is in the future' });

  // County-labelled city events carry the county's centre; the municipality's own point replaces it.
  let gps: { lon: number; lat: number } | null;
  if (countyLabel) {
    gps = ctx.municipality.lon === undefined ? null : { lon: ctx.municipality.lon, lat: ctx.municipality.lat };
    if (!gps) return { kind: 'skip', row, reason: 'county' };
    warnings.push('municipality_from_title');
  } else {
    gps = parsePoliceGps(event.location.gps);
    if (!gps) issues.push({ row, column: 'location.gps', code: 'invalid_coordinates', message: `'${quoted(event.location.gps)}' is not 'lat,lng'` });
  }
  let located: Extract<ReturnType<typeof locateWithSwap>, { point: unknown }> | null = null;
  if (gps && occurredAt && issues.length === 0) {
    const result = locateWithSwap(ctx, gps, { lon: gps.lat, lat: gps.lon }, occurredAt, 'municipality');
    if ('error' in result) {
      const code = result.error === 'swapped' ? 'swapped_coordinates' : result.error === 'outside' ? 'outside_organisation' : 'invalid_coordinates';
      issues.push({
        row, column: 'location.gps', code,
        message: code === 'swapped_coordinates' ? 'the gps pair looks lng-first; the API sends lat,lng' : 'the point lies outside the organisation’s areas',
        ...(code === 'swapped_coordinates' ? { suggestion: 'import with --swap-coordinates' } : {}),
      });
    } else {
      located = result;
      if (result.swapped) warnings.push('swapped_coordinates_fixed');
    }
  }
  const redacted = redactPersonalData(`${event.name}: ${event.summary}`);
  if (redacted.text.length > MAX_DESCRIPTION_LENGTH) issues.push({ row, column: 'summary', code: 'text_too_long', message: `the text is longer than ${MAX_DESCRIPTION_LENGTH} characters` });
  if (issues.length) {
    return { kind: 'error', row, issues, ...(issues.some((i) => i.code === 'outside_organisation') ? { outside: true } : {}) };
  }
  return {
    kind: 'ok',
    redacted: redacted.count,
    warnings,
    candidate: {
      row,
      occurredAt: occurredAt!,
      reportedAt: published!,
      categoryId: match!.category.id,
      lon: located!.point.lon,
      lat: located!.point.lat,
      precision: 'municipality',
      h3: null,
      areaId: located!.location.areaId,
      districtId: located!.location.districtId,
      placeId: null,
      description: redacted.text,
      redactionCount: redacted.count,
      sourceRef: String(event.id),
    },
  };
}
