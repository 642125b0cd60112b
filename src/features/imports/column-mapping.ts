import { AppError } from '../../domain/errors.js';
import { IMPORT_FIELDS, type ImportField, type SourceColumn } from '../../domain/imports.js';
import { holdsDaysOnly, holdsTimesOnly } from './split-time.js';
import type { DateOrder } from './values.js';

/** Field → index of the column holding it. */
export type ColumnIndexes = Partial<Record<ImportField, number>>;

/** How a column was found: named by the profile, recognised by its header, or by what it holds. */
export type ColumnVia = NonNullable<SourceColumn['via']>;

/** What the mapping found, with how each field's column was found. */
export interface ColumnResolution {
  indexes: ColumnIndexes;
  via: Partial<Record<ImportField, ColumnVia>>;
}

/** The first rows of the file, read before mapping so columns can be recognised by their content too. */
export interface ColumnSample {
  rows: ReadonlyArray<readonly unknown[]>;
  dateOrder: DateOrder;
  /** Headers left out on purpose (the profile's ignore_columns). */
  ignore: readonly string[];
}

/** Lower case, no diacritics, runs of other characters as '_': 'Händelse-datum' → 'handelse_datum'. */
export function normaliseHeader(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Header names recognised without a profile, Swedish and English. x/y are easting/northing as GIS tools
 * write them; a file that puts the northing under x (the Swedish surveying habit) is caught as swapped.
 */
const ALIASES: Record<ImportField, readonly string[]> = {
  occurred_at: [
    'occurred_at',
    'occurred',
    'datum',
    'date',
    'datetime',
    'date_time',
    'tidpunkt',
    'timestamp',
    'handelsedatum',
    'datum_tid',
    'datum_och_tid',
    'brottsdatum',
    'handelsedag',
    'startdatum',
    'incident_date',
    'event_date',
    'occurred_on',
    'occurred_date',
    'dag',
    'day',
    'handelsetid',
    'tid',
    'time',
  ],
  // A time of day beside a date column; used only when the date column holds dates without times.
  occurred_time: [
    'occurred_time',
    'tid',
    'time',
    'klockslag',
    'klocktid',
    'klockan',
    'kl',
    'tid_pa_dygnet',
    'time_of_day',
    'brottstid',
    'handelsetid',
    'starttid',
    'start_time',
    'incident_time',
    'event_time',
    'clock',
    'hour_minute',
  ],
  category: ['category', 'kategori', 'typ', 'type', 'category_code', 'handelsetyp', 'arendetyp', 'brottstyp'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitud'],
  lat: ['lat', 'latitude', 'latitud'],
  x: ['x', 'easting', 'e', 'east', 'ost', 'x_sweref'],
  y: ['y', 'northing', 'n', 'north', 'nord', 'y_sweref'],
  crs: ['crs', 'srid', 'epsg', 'koordinatsystem', 'referenssystem'],
  address: ['address', 'adress', 'gatuadress', 'gata'],
  place: ['place', 'plats', 'platsnamn', 'place_name'],
  description: ['description', 'beskrivning', 'text', 'kommentar', 'notering', 'anteckning', 'fritext', 'summary'],
  source_ref: [
    'id',
    'source_ref',
    'source_id',
    'ref',
    'referens',
    'arende_id',
    'arendenummer',
    'arendenr',
    'handelse_id',
    'external_id',
  ],
  precision: ['precision', 'noggrannhet', 'lagesnoggrannhet'],
};

/**
 * Which column holds which field: the profile's choices first (by exact header, then case- and
 * accent-insensitively), then recognised header names, skipping ignored columns and, for the time, a column
 * that holds only times of day. A date column that holds dates without times is completed by a time column:
 * the profile's occurred_time, a header such as 'Tid'/'Klockslag'/'Time', or a column that holds only times
 * ('18:30'). Refuses with MISSING_COLUMN when a profile names a column the file lacks, or when the time,
 * the category or every way of locating a row is missing. `hasGeometry` is true for GeoJSON, whose points
 * locate the rows.
 */
export function resolveColumns(
  headers: string[],
  profile: Partial<Record<ImportField, string>>,
  hasGeometry: boolean,
  sample: ColumnSample = { rows: [], dateOrder: 'dmy', ignore: [] },
): ColumnResolution {
  const byName = new Map(headers.map((h, i) => [h, i]));
  const ignored = new Set(sample.ignore.map(normaliseHeader));
  const byNormal = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (!byNormal.has(key) && !ignored.has(key)) byNormal.set(key, i);
  });
  const values = (i: number) => sample.rows.map((r) => r[i]);
  const timesOnly = (i: number, named: boolean) => holdsTimesOnly(values(i), named);
  const indexes: ColumnIndexes = {};
  const via: ColumnResolution['via'] = {};
  const taken = () => new Set(Object.values(indexes));
  const notFound: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const wanted = profile[field];
    if (wanted !== undefined) {
      const i = byName.get(wanted) ?? byNormal.get(normaliseHeader(wanted));
      if (i === undefined) notFound.push(`${field} → '${wanted}'`);
      else {
        indexes[field] = i;
        via[field] = 'profile';
      }
    }
  }
  for (const field of IMPORT_FIELDS) {
    if (indexes[field] !== undefined || profile[field] !== undefined || field === 'occurred_time') continue;
    const used = taken();
    const alias = ALIASES[field].find((a) => {
      const i = byNormal.get(a);
      // A 'Tid' column of bare times is the second half of a split date, never the date itself.
      return i !== undefined && !used.has(i) && !(field === 'occurred_at' && timesOnly(i, true));
    });
    if (alias !== undefined) {
      indexes[field] = byNormal.get(alias)!;
      via[field] = 'header';
    }
  }
  if (
    indexes.occurred_time === undefined &&
    profile.occurred_time === undefined &&
    indexes.occurred_at !== undefined &&
    holdsDaysOnly(values(indexes.occurred_at), sample.dateOrder)
  ) {
    const used = taken();
    const named = ALIASES.occurred_time
      .map((a) => byNormal.get(a))
      .find((i) => i !== undefined && !used.has(i) && timesOnly(i, true));
    const found =
      named ?? headers.findIndex((h, i) => !used.has(i) && !ignored.has(normaliseHeader(h)) && timesOnly(i, false));
    if (found !== undefined && found >= 0) {
      indexes.occurred_time = found;
      via.occurred_time = named !== undefined ? 'header' : 'content';
    }
  }
  const missing: string[] = [];
  if (indexes.occurred_at === undefined) missing.push('occurred_at');
  if (indexes.category === undefined) missing.push('category');
  const located =
    hasGeometry ||
    (indexes.lon !== undefined && indexes.lat !== undefined) ||
    (indexes.x !== undefined && indexes.y !== undefined) ||
    indexes.place !== undefined ||
    indexes.address !== undefined;
  if (!located) missing.push('lon+lat | x+y | place | address');
  if (notFound.length || missing.length) {
    throw new AppError('MISSING_COLUMN', {
      details: {
        missing,
        not_in_file: notFound,
        columns: headers,
        message: notFound.length
          ? `the profile names columns the file lacks: ${notFound.join(', ')}`
          : `no column for ${missing.join(', ')}`,
      },
    });
  }
  return { indexes, via };
}

/** Every column in file order: the field it feeds, ignored on purpose, or not used. */
export function describeColumns(
  headers: string[],
  resolution: ColumnResolution,
  ignore: readonly string[],
): SourceColumn[] {
  const fieldOf = new Map(Object.entries(resolution.indexes).map(([field, i]) => [i, field as ImportField]));
  const ignored = new Set(ignore.map(normaliseHeader));
  return headers.map((name, i) => {
    const field = fieldOf.get(i);
    if (field) return { name, use: 'mapped', field, via: resolution.via[field] ?? null };
    return { name, use: ignored.has(normaliseHeader(name)) ? 'ignored' : 'unused', field: null, via: null };
  });
}

/** Field → header name, for the report. */
export function columnNames(headers: string[], indexes: ColumnIndexes): Partial<Record<ImportField, string>> {
  const names: Partial<Record<ImportField, string>> = {};
  for (const [field, i] of Object.entries(indexes) as [ImportField, number][]) names[field] = headers[i]!;
  return names;
}
