/** What the map's place search can find. */
export type PlaceHitKind = 'place' | 'district' | 'neighbourhood' | 'station' | 'street';

export interface PlaceEntry {
  kind: PlaceHitKind;
  name: string;
  lon: number;
  lat: number;
  /** [minLon, minLat, maxLon, maxLat] of an area: the map fits it instead of centring on a point. */
  bbox?: readonly [number, number, number, number];
  /** The registered place's id, for a form that records the place itself. */
  id?: string;
}

/** Case, accents and Swedish letters folded away: "Högdalstorget" and "hogdalstorget" read the same. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('sv')
    .replace(/[øœæ]/g, (c) => ({ ø: 'o', œ: 'oe', æ: 'ae' })[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const KIND_ORDER: Record<PlaceHitKind, number> = { place: 0, district: 1, neighbourhood: 2, station: 3, street: 4 };

/**
 * The entries whose name matches the query, best first: the whole name, then a name that starts with it, then
 * one with a word that starts with it, then any other containing it; within each, registered places before
 * areas, stations and streets, then shorter names. One hit per kind and name.
 */
export function searchPlaces(query: string, entries: readonly PlaceEntry[], limit = 8): PlaceEntry[] {
  const q = foldName(query);
  if (!q) return [];
  const scored: { entry: PlaceEntry; rank: number; name: string }[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const name = foldName(entry.name);
    const rank = matchRank(name, q);
    if (rank < 0) continue;
    const key = `${entry.kind}:${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    scored.push({ entry, rank, name });
  }
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
      a.name.length - b.name.length ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}

function matchRank(name: string, q: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.split(' ').some((w) => w.startsWith(q))) return 2;
  if (name.includes(q)) return 3;
  return -1;
}
