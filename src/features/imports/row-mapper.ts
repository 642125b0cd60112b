import { createHash } from 'node:crypto';
import type { AreaIndex } from '../../analysis/geo/area-index.js';
import type { H3Cells } from '../../analysis/geo/h3.js';
import { redactPersonalData } from '../../analysis/text/redact.js';
import type { ImportField, RowIssue } from '../../domain/imports.js';
import { MAX_DESCRIPTION_LENGTH, type Precision } from '../../domain/incidents.js';
import { locateIncident } from '../incidents/locate.js';
import type { ColumnIndexes } from './column-mapping.js';
import { guessCrs, parseCrs, projectedToWgs84, validLonLat } from './coordinates.js';
import type { CategoryResolver, PlaceInfo } from './lookups.js';
import type { TabularRecord } from './readers/record-source.js';
import { quoted, storedRef, storedText } from './quoted-values.js';
import { combineDateAndTime, parseDay } from './split-time.js';
import { cellText, type DateOrder, looksLikeFormula, parseDateTime, parseNumber, parsePrecision } from './values.js';

/** A row that passed every check, ready to be written as an incident. */
export interface Candidate {
  row: number;
  occurredAt: Date;
  /** Police: publication time; other sources: null (the database stamps the import time). */
  reportedAt: Date | null;
  categoryId: string;
  lon: number;
  lat: number;
  precision: Precision;
  h3: H3Cells | null;
  areaId: string | null;
  districtId: string | null;
  placeId: string | null;
  description: string | null;
  redactionCount: number;
  sourceRef: string;
}

/** Counted, non-fatal observations about a row. */
export type Warning =
  | 'formula_text' | 'swapped_coordinates_fixed' | 'crs_guessed' | 'municipality_from_title' | 'personal_data_in_ref' | 'time_missing'
  | { fallback: string };

export type MappedRow =
  | { kind: 'ok'; candidate: Candidate; warnings: Warning[]; redacted: number; place?: PlaceHit }
  | { kind: 'error'; row: number; issues: RowIssue[]; unknownCategory?: string; outside?: boolean; unknownPlace?: string }
  | { kind: 'skip'; row: number; reason: string };

/** A place or address value of the file and the registered place it matched. */
export interface PlaceHit { value: string; name: string }

export interface MapContext {
  index: AreaIndex;
  columns: ColumnIndexes;
  headers: string[];
  categories: CategoryResolver;
  findPlace: (text: string) => PlaceInfo | null;
  dateOrder: DateOrder;
  /** The organisation's zone: local times in the file are read on its wall clock. */
  timeZone: string;
  crs: 'EPSG:4326' | 'EPSG:3006' | 'EPSG:3011' | undefined;
  swapCoordinates: boolean;
  now: number;
}

/** Allowed clock skew, as for incidents reported through the API. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

type Point = { lon: number; lat: number };

/**
 * Finds where a point lies, trying the coordinates as given and then swapped (lat in the lon column is
 * the commonest mistake in hand-made files). A swap is only applied when the profile or flag allows it;
 * otherwise the row fails with 'swapped_coordinates' and a suggestion.
 */
export function locateWithSwap(
  ctx: Pick<MapContext, 'index' | 'swapCoordinates' | 'timeZone'>, given: Point | null, swapped: Point | null, occurredAt: Date, precision: Precision,
): { point: Point; location: NonNullable<ReturnType<typeof locateIncident>>; swapped: boolean } | { error: 'invalid' | 'outside' | 'swapped' } {
  const tryPoint = (p: Point | null) => (p && validLonLat(p.lon, p.lat) ? locateIncident(ctx.index, p.lon, p.lat, occurredAt, precision, ctx.timeZone) : null);
  const direct = tryPoint(given);
  if (direct) return { point: given!, location: direct, swapped: false };
  const other = tryPoint(swapped);
  if (other) return ctx.swapCoordinates ? { point: swapped!, location: other, swapped: true } : { error: 'swapped' };
  return { error: given && validLonLat(given.lon, given.lat) ? 'outside' : 'invalid' };
}

const issue = (row: number, column: string | null, code: string, message: string, suggestion?: string): RowIssue =>
  ({ row, column, code, message, ...(suggestion ? { suggestion } : {}) });

/** A stable id for a row without one: the same content always gives the same reference, so re-imports match. */
export function contentRef(parts: readonly unknown[]): string {
  const text = parts.map((p) => (p instanceof Date ? p.toISOString() : String(p ?? ''))).join('\u001f');
  return `sha256:${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
}

/** Validates and converts one table row; never throws for bad data, returns its issues instead. */
export function mapTabularRow(record: TabularRecord, ctx: MapContext): MappedRow {
  const { row, cells } = record;
  const raw = (field: ImportField) => { const i = ctx.columns[field]; return i === undefined ? undefined : cells[i]; };
  const text = (field: ImportField) => cellText(raw(field));
  const col = (field: ImportField) => { const i = ctx.columns[field]; return i === undefined ? field : ctx.headers[i]!; };
  const mapped = (Object.keys(ctx.columns) as ImportField[]).map(raw);
  if (mapped.every((v) => cellText(v) === '') && !record.point) return { kind: 'skip', row, reason: 'empty_row' };

  const issues: RowIssue[] = [];
  const warnings: Warning[] = [];
  let unknownCategory: string | undefined;
  let placeHit: PlaceHit | undefined;
  let unknownPlace: string | undefined;

  // A date without a time is stored at local midnight; the report counts it, never silently.
  const split = ctx.columns.occurred_time === undefined ? null : combineDateAndTime(raw('occurred_at'), raw('occurred_time'), ctx.dateOrder, ctx.timeZone);
  const occurredAt = split ? ('at' in split ? split.at : null) : parseDateTime(raw('occurred_at'), ctx.dateOrder, ctx.timeZone);
  if (split ? 'at' in split && split.timeMissing : occurredAt && parseDay(raw('occurred_at'), ctx.dateOrder)) warnings.push('time_missing');
  if (split && 'error' in split && split.error === 'invalid_time') {
    issues.push(issue(row, col('occurred_time'), 'invalid_time', `'${text('occurred_time').slice(0, 40)}' is not a time of day`, 'use 18:30 or 18.30'));
  } else if (!occurredAt) {
    const value = text('occurred_at');
    issues.push(value === ''
      ? issue(row, col('occurred_at'), 'missing_value', 'the time is missing')
      : issue(row, col('occurred_at'), 'invalid_date', `'${quoted(value)}' is not a date`, 'use 2026-11-25T18:00+01:00, 2026-11-25 18:00, 2026-11-25 or 25/11/2026'));
  } else if (occurredAt.getTime() > ctx.now + FUTURE_TOLERANCE_MS) {
    issues.push(issue(row, col('occurred_at'), 'in_future', 'the time is in the future'));
  }

  const categoryText = text('category');
  const match = categoryText === '' ? null : ctx.categories.resolve(categoryText);
  if (categoryText === '') issues.push(issue(row, col('category'), 'missing_value', 'the category is missing'));
  else if (!match) {
    unknownCategory = storedText(categoryText).slice(0, 100);
    issues.push(issue(row, col('category'), 'unknown_category', `'${quoted(categoryText)}' is not a category`, 'map it to a category code in the profile’s category_map'));
  } else if (!match.category.active) {
    issues.push(issue(row, col('category'), 'inactive_category', `category '${match.category.code}' is no longer in use`));
  }

  let precision: Precision = parsePrecision(raw('precision')) ?? 'exact';
  if (text('precision') !== '' && !parsePrecision(raw('precision'))) {
    issues.push(issue(row, col('precision'), 'invalid_precision', `'${quoted(text('precision'))}' is not exact, place, area or municipality`));
  }

  // Where: a GeoJSON point, lon/lat, projected x/y, or a known place by name or address.
  let given: Point | null = null;
  let swapped: Point | null = null;
  let placeId: string | null = null;
  let locationColumn = 'lon';
  const projected = (crsText: string, x: number, y: number): [Point | null, Point | null] => {
    const named = crsText === '' ? ctx.crs : parseCrs(crsText);
    if (crsText !== '' && !named) { issues.push(issue(row, col('crs'), 'invalid_crs', `'${quoted(crsText)}' is not EPSG:4326, 3006 or 3011`)); return [null, null]; }
    if (named === 'EPSG:4326') return [{ lon: x, lat: y }, { lon: y, lat: x }];
    const crsXY = named ?? guessCrs(x, y);
    const crsYX = named ?? guessCrs(y, x);
    if (!named && crsXY) warnings.push('crs_guessed');
    return [crsXY ? projectedToWgs84(crsXY, x, y) : null, crsYX ? projectedToWgs84(crsYX, y, x) : null];
  };
  if (record.point) {
    locationColumn = 'geometry';
    [given, swapped] = projected(record.point.crs === 'EPSG:4326' ? 'EPSG:4326' : record.point.crs, record.point.x, record.point.y);
  } else if (text('lon') !== '' || text('lat') !== '') {
    const [lon, lat] = [parseNumber(raw('lon')), parseNumber(raw('lat'))];
    if (lon === null) issues.push(issue(row, col('lon'), 'invalid_number', `'${quoted(text('lon'))}' is not a number`));
    if (lat === null) issues.push(issue(row, col('lat'), 'invalid_number', `'${quoted(text('lat'))}' is not a number`));
    if (lon !== null && lat !== null) [given, swapped] = [{ lon, lat }, { lon: lat, lat: lon }];
  } else if (text('x') !== '' || text('y') !== '') {
    locationColumn = col('x');
    const [x, y] = [parseNumber(raw('x')), parseNumber(raw('y'))];
    if (x === null) issues.push(issue(row, col('x'), 'invalid_number', `'${quoted(text('x'))}' is not a number`));
    if (y === null) issues.push(issue(row, col('y'), 'invalid_number', `'${quoted(text('y'))}' is not a number`));
    if (x !== null && y !== null) [given, swapped] = projected(text('crs'), x, y);
  } else {
    const where = text('place') || text('address');
    locationColumn = text('place') ? col('place') : col('address');
    const place = where ? ctx.findPlace(where) : null;
    if (!where) issues.push(issue(row, null, 'missing_value', 'no coordinates, place or address'));
    else if (!place) {
      // The report lists each unmatched value, so it is stored like any text from the file.
      unknownPlace = storedText(where).slice(0, 200);
      issues.push(issue(row, locationColumn, 'unknown_place', `'${quoted(where)}' is not a known place`, 'give coordinates, or add the place'));
    } else {
      given = { lon: place.lon, lat: place.lat }; placeId = place.id; precision = 'place';
      placeHit = { value: storedText(where).slice(0, 200), name: place.name };
    }
  }

  let located: Extract<ReturnType<typeof locateWithSwap>, { point: Point }> | null = null;
  if (occurredAt && given && issues.length === 0) {
    const result = locateWithSwap(ctx, given, placeId ? null : swapped, occurredAt, precision);
    if ('error' in result) {
      if (result.error === 'swapped') {
        issues.push(issue(row, locationColumn, 'swapped_coordinates', 'latitude and longitude (or northing and easting) look swapped',
          'swap the columns, or import with --swap-coordinates (swap_coordinates in the profile)'));
      } else if (result.error === 'outside') {
        issues.push(issue(row, locationColumn, 'outside_organisation', 'the point lies outside the organisation’s areas at that time'));
      } else {
        issues.push(issue(row, locationColumn, 'invalid_coordinates', 'the coordinates are not a valid position'));
      }
    } else {
      located = result;
      if (result.swapped) warnings.push('swapped_coordinates_fixed');
    }
  }

  const description = text('description');
  let redacted = { text: description, count: 0 };
  if (description !== '') {
    if (looksLikeFormula(description)) warnings.push('formula_text');
    redacted = redactPersonalData(description);
    if (redacted.text.length > MAX_DESCRIPTION_LENGTH) {
      issues.push(issue(row, col('description'), 'text_too_long', `the text is longer than ${MAX_DESCRIPTION_LENGTH} characters`));
    }
  }

  const ref = text('source_ref');
  if (ref.length > 200) issues.push(issue(row, col('source_ref'), 'text_too_long', 'the id is longer than 200 characters'));

  const source = storedRef(ref, () => contentRef([...mapped, record.point?.x, record.point?.y]));
  if (source.hadPersonalData) warnings.push('personal_data_in_ref');

  if (issues.length) {
    return {
      kind: 'error', row, issues, ...(unknownCategory ? { unknownCategory } : {}), ...(unknownPlace ? { unknownPlace } : {}),
      ...(issues.some((i) => i.code === 'outside_organisation') ? { outside: true } : {}),
    };
  }
  return {
    kind: 'ok',
    redacted: redacted.count,
    warnings,
    ...(placeHit ? { place: placeHit } : {}),
    candidate: {
      row,
      occurredAt: occurredAt!,
      reportedAt: null,
      categoryId: match!.category.id,
      lon: located!.point.lon,
      lat: located!.point.lat,
      precision,
      h3: located!.location.h3,
      areaId: located!.location.areaId,
      districtId: located!.location.districtId,
      placeId,
      description: redacted.text || null,
      redactionCount: redacted.count,
      sourceRef: source.ref,
    },
  };
}
