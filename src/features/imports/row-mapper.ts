import { createHash } from 'node:crypto';
import { localDay } from '../../domain/calendar/index.js';
import type { ImportField, RowIssue } from '../../domain/imports.js';
import { MAX_DESCRIPTION_LENGTH, type Precision } from '../../domain/incidents.js';
import {
  type AdmissionIssue,
  type AdmissionLookups,
  type AdmittedIncident,
  admitIncident,
  type Point,
} from '../incidents/admission.js';
import type { ColumnIndexes } from './column-mapping.js';
import { guessCrs, parseCrs, projectedToWgs84 } from './coordinates.js';
import type { AreaHit, PlaceInfo } from './lookups.js';
import type { TabularRecord } from './readers/record-source.js';
import { quoted, storedRef, storedText } from './quoted-values.js';
import { combineDateAndTime, parseDay } from './split-time.js';
import { cellText, type DateOrder, looksLikeFormula, parseDateTime, parseNumber, parsePrecision } from './values.js';

/** A row admitted as an incident, with what the file says besides: ready to be staged and written. */
export interface Candidate extends AdmittedIncident {
  row: number;
  /** Police: publication time; other sources: null (the database stamps the import time). */
  reportedAt: Date | null;
  placeId: string | null;
  sourceRef: string;
}

/** Counted, non-fatal observations about a row. */
export type Warning =
  | 'formula_text'
  | 'swapped_coordinates_fixed'
  | 'crs_guessed'
  | 'municipality_from_title'
  | 'personal_data_in_ref'
  | 'time_missing'
  | { fallback: string };

export type MappedRow =
  | { kind: 'ok'; candidate: Candidate; warnings: Warning[]; redacted: number; place?: PlaceHit }
  | {
      kind: 'error';
      row: number;
      issues: RowIssue[];
      unknownCategory?: string;
      outside?: boolean;
      unknownPlace?: string;
    }
  | { kind: 'skip'; row: number; reason: string };

/** A place or address value of the file and the registered place, or the district or neighbourhood, it matched. */
export interface PlaceHit {
  value: string;
  name: string;
  precision: 'place' | 'area';
}

export interface MapContext {
  /** The areas, categories (through the run's resolver) and clock the admission checks against. */
  lookups: AdmissionLookups;
  columns: ColumnIndexes;
  headers: string[];
  findPlace: (text: string) => PlaceInfo | null;
  /** A district or neighbourhood by name, in force on the day ('YYYY-MM-DD'; null: any). */
  findArea: (text: string, day: string | null) => AreaHit | null;
  dateOrder: DateOrder;
  crs: 'EPSG:4326' | 'EPSG:3006' | 'EPSG:3011' | undefined;
  swapCoordinates: boolean;
}

/** An issue with the values its message names as `params`, so the web can say it in Swedish too. */
const issue = (
  row: number,
  column: string | null,
  code: string,
  message: string,
  extra: { suggestion?: string; params?: Record<string, string | number> } = {},
): RowIssue => ({
  row,
  column,
  code,
  message,
  ...(extra.params ? { params: extra.params } : {}),
  ...(extra.suggestion ? { suggestion: extra.suggestion } : {}),
});

const numberIssue = (row: number, column: string, value: string): RowIssue =>
  issue(row, column, 'invalid_number', `'${quoted(value)}' is not a number`, { params: { value: quoted(value) } });

/** A stable id for a row without one: the same content always gives the same reference, so re-imports match. */
export function contentRef(parts: readonly unknown[]): string {
  const text = parts.map((p) => (p instanceof Date ? p.toISOString() : String(p ?? ''))).join('\u001f');
  return `sha256:${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
}

/** Where a row's issues stand in its report: in the order of the fields, however they were found. */
const TIME = 0,
  CATEGORY = 1,
  PRECISION = 2,
  LOCATION = 3,
  DESCRIPTION = 4,
  REF = 5;

/**
 * Validates and converts one table row; never throws for bad data, returns its issues instead. The row is
 * read here; whether it may be stored (time, category, place, text) is `admitIncident`'s decision.
 */
export function mapTabularRow(record: TabularRecord, ctx: MapContext): MappedRow {
  const { row, cells } = record;
  const raw = (field: ImportField) => {
    const i = ctx.columns[field];
    return i === undefined ? undefined : cells[i];
  };
  const text = (field: ImportField) => cellText(raw(field));
  const col = (field: ImportField) => {
    const i = ctx.columns[field];
    return i === undefined ? field : ctx.headers[i]!;
  };
  const mapped = (Object.keys(ctx.columns) as ImportField[]).map(raw);
  if (mapped.every((v) => cellText(v) === '') && !record.point) return { kind: 'skip', row, reason: 'empty_row' };

  const found: RowIssue[][] = [[], [], [], [], [], []];
  const warnings: Warning[] = [];
  let unknownCategory: string | undefined;
  let placeHit: PlaceHit | undefined;
  let unknownPlace: string | undefined;

  // A date without a time is stored at local midnight; the report counts it, never silently.
  const split =
    ctx.columns.occurred_time === undefined
      ? null
      : combineDateAndTime(raw('occurred_at'), raw('occurred_time'), ctx.dateOrder, ctx.lookups.timeZone);
  const occurredAt = split
    ? 'at' in split
      ? split.at
      : null
    : parseDateTime(raw('occurred_at'), ctx.dateOrder, ctx.lookups.timeZone);
  if (split ? 'at' in split && split.timeMissing : occurredAt && parseDay(raw('occurred_at'), ctx.dateOrder))
    warnings.push('time_missing');
  if (split && 'error' in split && split.error === 'invalid_time') {
    found[TIME]!.push(
      issue(row, col('occurred_time'), 'invalid_time', `'${text('occurred_time').slice(0, 40)}' is not a time of day`, {
        suggestion: 'use 18:30 or 18.30',
        params: { value: text('occurred_time').slice(0, 40) },
      }),
    );
  } else if (!occurredAt) {
    const value = text('occurred_at');
    found[TIME]!.push(
      value === ''
        ? issue(row, col('occurred_at'), 'missing_value', 'the time is missing')
        : issue(row, col('occurred_at'), 'invalid_date', `'${quoted(value)}' is not a date`, {
            suggestion: 'use 2026-11-25T18:00+01:00, 2026-11-25 18:00, 2026-11-25 or 25/11/2026',
            params: { value: quoted(value) },
          }),
    );
  }

  const categoryText = text('category');
  if (categoryText === '')
    found[CATEGORY]!.push(issue(row, col('category'), 'missing_value', 'the category is missing'));

  let precision: Precision | null = parsePrecision(raw('precision')) ?? 'exact';
  if (text('precision') !== '' && !parsePrecision(raw('precision'))) {
    found[PRECISION]!.push(
      issue(
        row,
        col('precision'),
        'invalid_precision',
        `'${quoted(text('precision'))}' is not exact, place, area or municipality`,
        { params: { value: quoted(text('precision')) } },
      ),
    );
    precision = null;
  }

  // Where: a GeoJSON point, lon/lat, projected x/y, or a known place by name or address.
  let given: Point | null = null;
  let swapped: Point | null = null;
  let placeId: string | null = null;
  let area: AreaHit | null = null;
  let locationColumn = 'lon';
  const projected = (crsText: string, x: number, y: number): [Point | null, Point | null] => {
    const named = crsText === '' ? ctx.crs : parseCrs(crsText);
    if (crsText !== '' && !named) {
      found[LOCATION]!.push(
        issue(row, col('crs'), 'invalid_crs', `'${quoted(crsText)}' is not EPSG:4326, 3006 or 3011`, {
          params: { value: quoted(crsText) },
        }),
      );
      return [null, null];
    }
    if (named === 'EPSG:4326')
      return [
        { lon: x, lat: y },
        { lon: y, lat: x },
      ];
    const crsXY = named ?? guessCrs(x, y);
    const crsYX = named ?? guessCrs(y, x);
    if (!named && crsXY) warnings.push('crs_guessed');
    return [crsXY ? projectedToWgs84(crsXY, x, y) : null, crsYX ? projectedToWgs84(crsYX, y, x) : null];
  };
  if (record.point) {
    locationColumn = 'geometry';
    [given, swapped] = projected(
      record.point.crs === 'EPSG:4326' ? 'EPSG:4326' : record.point.crs,
      record.point.x,
      record.point.y,
    );
  } else if (text('lon') !== '' || text('lat') !== '') {
    const [lon, lat] = [parseNumber(raw('lon')), parseNumber(raw('lat'))];
    if (lon === null) found[LOCATION]!.push(numberIssue(row, col('lon'), text('lon')));
    if (lat === null) found[LOCATION]!.push(numberIssue(row, col('lat'), text('lat')));
    if (lon !== null && lat !== null)
      [given, swapped] = [
        { lon, lat },
        { lon: lat, lat: lon },
      ];
  } else if (text('x') !== '' || text('y') !== '') {
    locationColumn = col('x');
    const [x, y] = [parseNumber(raw('x')), parseNumber(raw('y'))];
    if (x === null) found[LOCATION]!.push(numberIssue(row, col('x'), text('x')));
    if (y === null) found[LOCATION]!.push(numberIssue(row, col('y'), text('y')));
    if (x !== null && y !== null) [given, swapped] = projected(text('crs'), x, y);
  } else {
    const where = text('place') || text('address');
    locationColumn = text('place') ? col('place') : col('address');
    const place = where ? ctx.findPlace(where) : null;
    area = where && !place ? ctx.findArea(where, occurredAt ? localDay(occurredAt, ctx.lookups.timeZone) : null) : null;
    if (!where) found[LOCATION]!.push(issue(row, null, 'missing_value', 'no coordinates, place or address'));
    else if (place) {
      given = { lon: place.lon, lat: place.lat };
      placeId = place.id;
      precision = precision && 'place';
      placeHit = { value: storedText(where).slice(0, 200), name: place.name, precision: 'place' };
    } else if (area) {
      given = { lon: area.lon, lat: area.lat };
      precision = precision && 'area';
      placeHit = { value: storedText(where).slice(0, 200), name: area.name, precision: 'area' };
    } else {
      // The report lists each unmatched value, so it is stored like any text from the file.
      unknownPlace = storedText(where).slice(0, 200);
      found[LOCATION]!.push(
        issue(row, locationColumn, 'unknown_place', `'${quoted(where)}' is not a known place or area`, {
          suggestion: 'give coordinates, or add the place',
          params: { value: quoted(where) },
        }),
      );
    }
  }

  // Numbers no coordinate system explains either way round (neither SWEREF 99 TM nor 18 00) are no position.
  if (!given && found[LOCATION]!.length === 0)
    found[LOCATION]!.push(
      issue(row, locationColumn, 'invalid_coordinates', 'the coordinates are not a valid position'),
    );

  const description = text('description');
  // A row that could not be read in full is not placed: its place would be a guess on top of an error.
  const readable = found.every((issues) => issues.length === 0);
  const admission = admitIncident(
    {
      occurredAt,
      category: categoryText === '' ? null : categoryText,
      point: readable ? given : null,
      swapped: placeId || area ? null : swapped,
      precision,
      description: description === '' ? null : description,
    },
    ctx.lookups,
    { swapCoordinates: ctx.swapCoordinates, maxDescriptionLength: MAX_DESCRIPTION_LENGTH },
  );
  for (const problem of admission.ok ? [] : admission.issues) {
    const [at, rowIssue] = tabularIssue(row, problem, { col, categoryText, locationColumn });
    if (problem.code === 'unknown_category') unknownCategory = storedText(categoryText).slice(0, 100);
    found[at]!.push(rowIssue);
  }
  if (admission.ok && admission.incident.swapped) warnings.push('swapped_coordinates_fixed');
  if (description !== '' && looksLikeFormula(description)) warnings.push('formula_text');

  const ref = text('source_ref');
  if (ref.length > 200)
    found[REF]!.push(
      issue(row, col('source_ref'), 'text_too_long', 'the id is longer than 200 characters', {
        params: { max: 200 },
      }),
    );

  const source = storedRef(ref, () => contentRef([...mapped, record.point?.x, record.point?.y]));
  if (source.hadPersonalData) warnings.push('personal_data_in_ref');

  const issues = found.flat();
  if (issues.length || !admission.ok) {
    return {
      kind: 'error',
      row,
      issues,
      ...(unknownCategory ? { unknownCategory } : {}),
      ...(unknownPlace ? { unknownPlace } : {}),
      ...(issues.some((i) => i.code === 'outside_organisation') ? { outside: true } : {}),
    };
  }
  return {
    kind: 'ok',
    redacted: admission.incident.redactionCount,
    warnings,
    ...(placeHit ? { place: placeHit } : {}),
    candidate: {
      ...admission.incident,
      // A named area says no more than itself: a district's rows get no neighbourhood from the point chosen inside it.
      ...(area ? { areaId: area.neighbourhoodId, districtId: area.districtId } : {}),
      row,
      reportedAt: null,
      placeId,
      sourceRef: source.ref,
    },
  };
}

/** An admission issue in a file's terms: which column, what to do about it. */
function tabularIssue(
  row: number,
  problem: AdmissionIssue,
  at: { col: (field: ImportField) => string; categoryText: string; locationColumn: string },
): [number, RowIssue] {
  switch (problem.code) {
    case 'in_future':
      return [TIME, issue(row, at.col('occurred_at'), 'in_future', 'the time is in the future')];
    case 'unknown_category':
      return [
        CATEGORY,
        issue(row, at.col('category'), 'unknown_category', `'${quoted(at.categoryText)}' is not a category`, {
          suggestion: 'map it to a category code in the profile’s category_map',
          params: { value: quoted(at.categoryText) },
        }),
      ];
    case 'inactive_category':
      return [
        CATEGORY,
        issue(row, at.col('category'), 'inactive_category', `category '${problem.category}' is no longer in use`, {
          params: { value: problem.category },
        }),
      ];
    case 'swapped_coordinates':
      return [
        LOCATION,
        issue(
          row,
          at.locationColumn,
          'swapped_coordinates',
          'latitude and longitude (or northing and easting) look swapped',
          { suggestion: 'swap the columns, or import with --swap-coordinates (swap_coordinates in the profile)' },
        ),
      ];
    case 'outside_organisation':
      return [
        LOCATION,
        issue(
          row,
          at.locationColumn,
          'outside_organisation',
          'the point lies outside the organisation’s areas at that time',
        ),
      ];
    case 'invalid_coordinates':
      return [
        LOCATION,
        issue(row, at.locationColumn, 'invalid_coordinates', 'the coordinates are not a valid position'),
      ];
    case 'text_too_long':
      return [
        DESCRIPTION,
        issue(
          row,
          at.col('description'),
          'text_too_long',
          `the text is longer than ${MAX_DESCRIPTION_LENGTH} characters`,
          { params: { max: MAX_DESCRIPTION_LENGTH } },
        ),
      ];
  }
}
