import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { cellToLatLng, getResolution, latLngToCell } from 'h3-js';
import { type EvidenceInput, EvidenceInputSchema } from '../../../domain/problems.js';

/** What a new problem starts with when it is made from the situation report. */
export interface ProblemPrefill {
  area_id: string | null;
  place_ids: string[];
  categories: string[];
  evidence: EvidenceInput[];
}

/** Where a hotspot or top place came from: the district (area id) and the report's week. */
export interface HotspotSource {
  districtAreaId: string;
  week: string;
}

/** The evidence link for a Gi* hotspot cell: the cell, its week and the district whose report flagged it. */
export function hotspotEvidence(src: HotspotSource, cell: string): EvidenceInput {
  return { kind: 'hotspot', ref: cell, filter: { week: src.week, area_id: src.districtAreaId } };
}

/**
 * The link to the create form for a Gi* hotspot cell: area (the neighbourhood it lies in, else the
 * district), category and a hotspot evidence link travel in the query string, so the form survives a reload.
 */
export function hotspotProblemLink(
  src: HotspotSource,
  cell: string,
  category: string | null,
  neighbourhoodId: string | null,
): string {
  const q = new URLSearchParams({ week: src.week, cell, area: neighbourhoodId ?? src.districtAreaId });
  if (category) q.set('category', category);
  return `/districts/${src.districtAreaId}/problems/new?${q.toString()}`;
}

/** The same for a top place: a place of the organisation, or a street cell (an H3 cell, like a hotspot). */
export function topPlaceProblemLink(
  src: HotspotSource,
  place: { place_id: string | null; key: string },
  category: string | null,
  neighbourhoodId: string | null,
): string {
  if (!place.place_id) return hotspotProblemLink(src, place.key.replace(/^cell:/, ''), category, neighbourhoodId);
  const q = new URLSearchParams({ week: src.week, place: place.place_id });
  if (category) q.set('category', category);
  return `/districts/${src.districtAreaId}/problems/new?${q.toString()}`;
}

/**
 * Reads the query string of the create form. Anything malformed is left out (the evidence must pass the
 * same schema the server uses), so a hand-edited link cannot prefill something the API would refuse.
 */
export function parsePrefill(params: URLSearchParams, districtAreaId: string): ProblemPrefill {
  const week = params.get('week') ?? '';
  const cell = params.get('cell');
  const place = params.get('place');
  const category = params.get('category');
  const evidence: unknown[] = [];
  if (cell) evidence.push(hotspotEvidence({ week, districtAreaId }, cell));
  if (place)
    evidence.push({
      kind: 'incident_filter',
      filter: { place_id: place, ...(category ? { category: [category] } : {}) },
    });
  const valid = evidence.flatMap((e) => {
    const parsed = EvidenceInputSchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    area_id: place ? null : (params.get('area') ?? (cell ? districtAreaId : null)),
    place_ids: place ? [place] : [],
    categories: category ? [category] : [],
    evidence: valid,
  };
}

/**
 * The most frequent category among the points inside an H3 cell (any resolution; ties: the first met), or null.
 * @example cellCategory([{ lat: 59.27, lon: 18.04, category: 'klotter' }], latLngToCell(59.27, 18.04, 9)) // 'klotter'
 */
export function cellCategory(
  points: ReadonlyArray<{ lat: number; lon: number; category: string }>,
  cell: string,
): string | null {
  const resolution = getResolution(cell);
  const counts = new Map<string, number>();
  for (const p of points)
    if (latLngToCell(p.lat, p.lon, resolution) === cell) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  let best: string | null = null;
  for (const [category, n] of counts) if (best === null || n > counts.get(best)!) best = category;
  return best;
}

/** The most frequent category among points at a place, or null. */
export function placeCategory(
  points: ReadonlyArray<{ place_id: string | null; category: string }>,
  placeId: string,
): string | null {
  const counts = new Map<string, number>();
  for (const p of points) if (p.place_id === placeId) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

type PolygonFeature = {
  id?: string | number;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  properties: { id?: string };
};

/** The id of the neighbourhood whose polygon holds the cell's centre, or null. */
export function neighbourhoodOfCell(cell: string, features: readonly PolygonFeature[]): string | null {
  const [lat, lon] = cellToLatLng(cell);
  const hit = features.find((f) => booleanPointInPolygon([lon, lat], f.geometry as never));
  return hit ? (hit.properties.id ?? (hit.id === undefined ? null : String(hit.id))) : null;
}
