import simplify from '@turf/simplify';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  Point,
  Polygon,
  Position,
} from 'geojson';

/**
 * Turns the shared basemap layers (GeoJSON, see the data's SOURCES.md) into the web app's own assets at build
 * time: a small overview (water, rail, stations, stadsdel labels) drawn on every first view, the central streets
 * and full-detail water fetched only once someone zooms in, and a list of street names for the place search.
 */

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface RailProps {
  kind: string;
  name: string;
}
export interface StationProps {
  name: string;
  mode: string;
}
export interface LabelProps {
  name: string;
}
export interface RoadProps {
  kind: string;
  name?: string;
  tunnel?: true;
}

export interface BasemapOverview {
  /** Where the street layer has data; outside it the map says streets are missing. */
  streetsBbox: Bbox | null;
  water: FeatureCollection<Polygon>;
  rail: FeatureCollection<LineString | MultiLineString, RailProps>;
  stations: FeatureCollection<Point, StationProps>;
  places: FeatureCollection<Point, LabelProps>;
}

export interface BasemapDetail {
  water: FeatureCollection<Polygon>;
  roads: FeatureCollection<LineString | MultiLineString, RoadProps>;
}

/** One entry per street name: [name, lon, lat] of a point on its longest stretch. */
export type StreetName = [name: string, lon: number, lat: number];

export interface BasemapSources {
  water: FeatureCollection;
  rail: FeatureCollection;
  roads: FeatureCollection;
  places: FeatureCollection;
  stations: FeatureCollection;
}

export interface BasemapAssets {
  overview: BasemapOverview;
  detail: BasemapDetail;
  streetNames: StreetName[];
}

/** Degrees; 0.0001° is 6–11 m at Stockholm's latitude: about a pixel at zoom 13, the largest overview zoom. */
const OVERVIEW_TOLERANCE = 0.0001;
/** Station modes drawn as rail stations (ferry piers are not). */
const RAIL_MODES = new Set(['subway', 'tram', 'lightrail', 'rail']);

export function convertBasemap(src: BasemapSources, clip: Bbox): BasemapAssets {
  const water = src.water.features.filter((f): f is Feature<Polygon> => f.geometry?.type === 'Polygon');
  const rail = lines(src.rail).map((f) => ({ ...f, properties: { kind: str(f, 'kind'), name: str(f, 'name') } }));
  const roads = lines(src.roads).map((f) => {
    const props: RoadProps = { kind: str(f, 'kind') };
    const name = str(f, 'name');
    if (name) props.name = name;
    if (f.properties?.tunnel === true) props.tunnel = true;
    return { ...f, properties: props };
  });
  const stations = points(src.stations)
    .filter((f) => RAIL_MODES.has(str(f, 'mode')) && inside(f.geometry.coordinates, clip))
    .map((f) => pointFeature(f.geometry.coordinates, { name: str(f, 'name'), mode: str(f, 'mode') }, 5));
  const places = points(src.places).map((f) => pointFeature(f.geometry.coordinates, { name: str(f, 'name') }, 5));

  return {
    overview: {
      streetsBbox: roads.length ? extent(roads) : null,
      water: collection(water.map((f) => simplified(f, OVERVIEW_TOLERANCE, 4))),
      rail: collection(rail.map((f) => simplified(f, OVERVIEW_TOLERANCE / 2, 4))),
      stations: collection(stations),
      places: collection(places),
    },
    detail: {
      water: collection(water.map((f) => rounded(f, 5))),
      roads: collection(roads.map((f) => rounded(f, 5))),
    },
    streetNames: streetNames(roads),
  };
}

/** Each named street once, at the middle vertex of its longest stretch; sorted by name for a stable asset. */
export function streetNames(roads: readonly Feature<LineString | MultiLineString, RoadProps>[]): StreetName[] {
  const best = new Map<string, { length: number; at: Position }>();
  for (const f of roads) {
    const name = f.properties.name;
    if (!name) continue;
    for (const part of parts(f.geometry)) {
      const length = lineLength(part);
      const mid = part[Math.floor(part.length / 2)];
      const seen = best.get(name);
      if (mid && (!seen || length > seen.length)) best.set(name, { length, at: mid });
    }
  }
  return [...best]
    .map(([name, { at }]): StreetName => [name, round(at[0] ?? 0, 5), round(at[1] ?? 0, 5)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function lines(fc: FeatureCollection) {
  return fc.features.filter(
    (f): f is Feature<LineString | MultiLineString> =>
      f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString',
  );
}

function points(fc: FeatureCollection) {
  return fc.features.filter((f): f is Feature<Point> => f.geometry?.type === 'Point');
}

function str(f: Feature, key: string): string {
  const v = f.properties?.[key];
  return typeof v === 'string' ? v : '';
}

function collection<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

function pointFeature<P>(c: Position, properties: P, decimals: number): Feature<Point, P> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(c[0] ?? 0, decimals), round(c[1] ?? 0, decimals)] },
    properties,
  };
}

function simplified<G extends Polygon | LineString | MultiLineString, P>(
  f: Feature<G, P>,
  tolerance: number,
  decimals: number,
) {
  const simple = simplify(f as unknown as Feature<G>, { tolerance, highQuality: false, mutate: false });
  return rounded({ ...(simple as Feature<G>), properties: f.properties }, decimals);
}

/** Coordinates rounded to `decimals`, repeated vertices dropped (they appear once rounding merges them). */
function rounded<G extends Polygon | LineString | MultiLineString, P>(
  f: Feature<G, P>,
  decimals: number,
): Feature<G, P> {
  const line = (l: Position[]) => dedupe(l.map((c) => [round(c[0] ?? 0, decimals), round(c[1] ?? 0, decimals)]));
  const g = f.geometry;
  const geometry =
    g.type === 'LineString'
      ? { type: g.type, coordinates: line(g.coordinates) }
      : { type: g.type, coordinates: g.coordinates.map(line) };
  return { type: 'Feature', geometry: geometry as G, properties: f.properties };
}

function dedupe(line: Position[]): Position[] {
  return line.filter((c, i) => i === 0 || c[0] !== line[i - 1]?.[0] || c[1] !== line[i - 1]?.[1]);
}

function parts(g: LineString | MultiLineString): Position[][] {
  return g.type === 'LineString' ? [g.coordinates] : g.coordinates;
}

/** Length in degrees with longitude scaled to the latitude: enough to compare stretches of one city. */
function lineLength(line: Position[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Position;
    const b = line[i] as Position;
    const k = Math.cos((((a[1] ?? 0) * Math.PI) / 180) as number);
    sum += Math.hypot(((b[0] ?? 0) - (a[0] ?? 0)) * k, (b[1] ?? 0) - (a[1] ?? 0));
  }
  return sum;
}

function extent(features: readonly Feature<LineString | MultiLineString>[]): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const part of parts(f.geometry))
      for (const [lon = 0, lat = 0] of part) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
  return [round(box[0], 4), round(box[1], 4), round(box[2], 4), round(box[3], 4)];
}

function inside(c: Position, b: Bbox): boolean {
  const [lon = Number.NaN, lat = Number.NaN] = c;
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

function round(n: number, decimals: number): number {
  const k = 10 ** decimals;
  return Math.round(n * k) / k;
}
