import { AppError } from '../../domain/errors.js';
import { IMPORT_FIELDS, type ImportField } from '../../domain/imports.js';

/** Field → index of the column holding it. */
export type ColumnIndexes = Partial<Record<ImportField, number>>;

/** Lower case, no diacritics, runs of other characters as '_': 'Händelse-datum' → 'handelse_datum'. */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/**
 * Header names recognised without a profile, Swedish and English. x/y are easting/northing as GIS tools
 * write them; a file that puts the northing under x (the Swedish surveying habit) is caught as swapped.
 */
const ALIASES: Record<ImportField, readonly string[]> = {
  occurred_at: ['occurred_at', 'occurred', 'datum', 'date', 'datetime', 'date_time', 'tidpunkt', 'tid', 'time', 'timestamp', 'handelsetid', 'handelsedatum', 'datum_tid', 'datum_och_tid'],
  category: ['category', 'kategori', 'typ', 'type', 'category_code', 'handelsetyp', 'arendetyp', 'brottstyp'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitud'],
  lat: ['lat', 'latitude', 'latitud'],
  x: ['x', 'easting', 'e', 'east', 'ost', 'x_sweref'],
  y: ['y', 'northing', 'n', 'north', 'nord', 'y_sweref'],
  crs: ['crs', 'srid', 'epsg', 'koordinatsystem', 'referenssystem'],
  address: ['address', 'adress', 'gatuadress', 'gata'],
  place: ['place', 'plats', 'platsnamn', 'place_name'],
  description: ['description', 'beskrivning', 'text', 'kommentar', 'notering', 'anteckning', 'fritext', 'summary'],
  source_ref: ['id', 'source_ref', 'source_id', 'ref', 'referens', 'arende_id', 'arendenummer', 'arendenr', 'handelse_id', 'external_id'],
  precision: ['precision', 'noggrannhet', 'lagesnoggrannhet'],
};

/**
 * Which column holds which field: the profile's choices first (by exact header, then case- and
 * accent-insensitively), then recognised header names. Refuses with MISSING_COLUMN when a profile names a
 * column the file lacks, or when the time, the category or every way of locating a row is missing.
 * `hasGeometry` is true for GeoJSON, whose points locate the rows.
 */
export function resolveColumns(headers: string[], profile: Partial<Record<ImportField, string>>, hasGeometry: boolean): ColumnIndexes {
  const byName = new Map(headers.map((h, i) => [h, i]));
  const byNormal = new Map<string, number>();
  headers.forEach((h, i) => { if (!byNormal.has(normaliseHeader(h))) byNormal.set(normaliseHeader(h), i); });
  const indexes: ColumnIndexes = {};
  const notFound: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const wanted = profile[field];
    if (wanted !== undefined) {
      const i = byName.get(wanted) ?? byNormal.get(normaliseHeader(wanted));
      if (i === undefined) notFound.push(`${field} → '${wanted}'`);
      else indexes[field] = i;
      continue;
    }
    const alias = ALIASES[field].find((a) => byNormal.has(a));
    if (alias !== undefined) indexes[field] = byNormal.get(alias)!;
  }
  const missing: string[] = [];
  if (indexes.occurred_at === undefined) missing.push('occurred_at');
  if (indexes.category === undefined) missing.push('category');
  const located = hasGeometry || (indexes.lon !== undefined && indexes.lat !== undefined) || (indexes.x !== undefined && indexes.y !== undefined)
    || indexes.place !== undefined || indexes.address !== undefined;
  if (!located) missing.push('lon+lat | x+y | place | address');
  if (notFound.length || missing.length) {
    throw new AppError('MISSING_COLUMN', {
      details: {
        missing, not_in_file: notFound, columns: headers,
        message: notFound.length ? `the profile names columns the file lacks: ${notFound.join(', ')}` : `no column for ${missing.join(', ')}`,
      },
    });
  }
  return indexes;
}

/** Field → header name, for the report. */
export function columnNames(headers: string[], indexes: ColumnIndexes): Partial<Record<ImportField, string>> {
  const names: Partial<Record<ImportField, string>> = {};
  for (const [field, i] of Object.entries(indexes) as [ImportField, number][]) names[field] = headers[i]!;
  return names;
}
