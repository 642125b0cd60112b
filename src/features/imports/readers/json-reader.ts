import { readFile } from 'node:fs/promises';
import { AppError } from '../../../domain/errors.js';
import type { Crs } from '../../../domain/imports.js';
import { parseCrs } from '../coordinates.js';
import type { FileProbe } from '../file-probe.js';
import { headerNames, type PoliceRecord, type RecordSource, type TabularRecord } from './record-source.js';
import { textDecoder } from '../encoding.js';

/**
 * JSON is parsed whole (a streaming JSON parser is not among the chosen libraries), so JSON files are
 * capped well below the upload limit: 64 MB of GeoJSON is some 200,000 points; police API responses are
 * a few hundred kilobytes. Large tables should come as CSV.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

function unreadable(message: string): AppError {
  return new AppError('UNREADABLE_FILE', { details: { reason: 'json', message } });
}

/** The legacy GeoJSON 'crs' member ("urn:ogc:def:crs:EPSG::3011"), which Stockholm's open data still writes. */
function collectionCrs(collection: Record<string, unknown>): Crs {
  const name = (collection.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return 'EPSG:4326';
  const code = /(\d{4,5})$/.exec(name)?.[1] ?? name;
  return parseCrs(code === '84' || /CRS84$/i.test(name) ? '4326' : code) ?? 'EPSG:4326';
}

function geojsonSource(collection: Record<string, unknown>, size: number): RecordSource {
  if (!Array.isArray(collection.features)) throw unreadable('a FeatureCollection needs a features array');
  const features: unknown[] = collection.features;
  if (features.length === 0)
    throw new AppError('HEADER_ONLY', { details: { message: 'the FeatureCollection has no features' } });
  const crs = collectionCrs(collection);
  // Properties are the columns: the union of every feature's keys, in order of first appearance.
  const keys = new Map<string, number>();
  for (const f of features) {
    const props = (f as { properties?: unknown })?.properties;
    if (props && typeof props === 'object')
      for (const k of Object.keys(props)) if (!keys.has(k)) keys.set(k, keys.size);
  }
  const columns = headerNames([...keys.keys()]);
  async function* records(): AsyncGenerator<TabularRecord> {
    for (let i = 0; i < features.length; i++) {
      const f = features[i] as {
        properties?: Record<string, unknown> | null;
        geometry?: { type?: string; coordinates?: unknown } | null;
      };
      const cells: unknown[] = new Array(keys.size).fill('');
      for (const [k, v] of Object.entries(f?.properties ?? {})) cells[keys.get(k)!] = v ?? '';
      const g = f?.geometry;
      const coords = g?.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : null;
      const point =
        coords && typeof coords[0] === 'number' && typeof coords[1] === 'number'
          ? { x: coords[0], y: coords[1], crs }
          : null;
      yield { kind: 'tabular', row: i + 1, cells, point: g ? point : undefined };
    }
  }
  return { format: 'geojson', columns, delimiter: null, records: records(), bytesRead: () => size };
}

function policeSource(events: unknown[], size: number): RecordSource {
  async function* records(): AsyncGenerator<PoliceRecord> {
    for (let i = 0; i < events.length; i++) yield { kind: 'police', row: i + 1, event: events[i] };
  }
  return { format: 'police', columns: [], delimiter: null, records: records(), bytesRead: () => size };
}

/** True for an element shaped like polisen.se/api/events. */
function isPoliceEvent(value: unknown): boolean {
  const v = value as { datetime?: unknown; location?: { gps?: unknown } } | null;
  return typeof v?.datetime === 'string' && typeof v.location?.gps === 'string';
}

/** Opens a JSON file as GeoJSON (a FeatureCollection of points) or as the police events array. */
export async function openJson(path: string, probe: FileProbe, expected?: 'geojson' | 'police'): Promise<RecordSource> {
  if (probe.size > MAX_JSON_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {
      details: { max_bytes: MAX_JSON_BYTES, message: 'JSON files are read whole; send large tables as CSV' },
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(textDecoder(probe.encoding ?? 'utf-8').decode(await readFile(path)));
  } catch (e) {
    throw unreadable((e as Error).message);
  }
  const isCollection = !Array.isArray(parsed) && (parsed as { type?: unknown })?.type === 'FeatureCollection';
  if (isCollection && expected !== 'police') return geojsonSource(parsed as Record<string, unknown>, probe.size);
  if (Array.isArray(parsed) && expected !== 'geojson') {
    if (parsed.length === 0) throw new AppError('HEADER_ONLY', { details: { message: 'the events array is empty' } });
    if (parsed.slice(0, 10).some(isPoliceEvent)) return policeSource(parsed, probe.size);
  }
  throw unreadable(
    expected
      ? `the JSON is not ${expected === 'police' ? 'an array of police events' : 'a GeoJSON FeatureCollection'}`
      : 'the JSON is neither a GeoJSON FeatureCollection nor an array of police events',
  );
}
