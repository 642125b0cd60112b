import { POLICE_TYPE_CATEGORY } from './police-events.js';
import { normaliseHeader } from './column-mapping.js';

export interface CategoryInfo {
  id: string;
  code: string;
  label_sv: string;
  label_en: string;
  active: boolean;
}

/** How a value was matched: the profile's table, the police default table, or the taxonomy itself. */
export type CategoryMatch = { category: CategoryInfo; via: 'profile' | 'police' | 'taxonomy' };

export interface CategoryResolver {
  resolve(value: string): CategoryMatch | null;
}

const key = (s: string) => s.trim().toLocaleLowerCase('sv');

/**
 * Maps a source's category words onto the taxonomy, in order: the profile's mapping table, then (for
 * police files) the default police type table, then the taxonomy's own codes and Swedish and English
 * labels ('Klotter', 'klotter', 'Graffiti'), all case-insensitively. Results are cached per value: a
 * million rows carry a few dozen distinct words.
 */
export function categoryResolver(categories: readonly CategoryInfo[], profileMap: ReadonlyMap<string, string>, police: boolean): CategoryResolver {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const taxonomy = new Map<string, CategoryInfo>();
  for (const c of categories) for (const k of [c.code, c.label_sv, c.label_en]) if (!taxonomy.has(key(k))) taxonomy.set(key(k), c);
  const profile = new Map([...profileMap].map(([value, id]) => [key(value), byId.get(id)]));
  const policeDefaults = new Map(Object.entries(POLICE_TYPE_CATEGORY).map(([type, code]) => [key(type), byCode.get(code)]));
  const cache = new Map<string, CategoryMatch | null>();
  const lookup = (value: string): CategoryMatch | null => {
    const k = key(value);
    const fromProfile = profile.get(k);
    if (fromProfile) return { category: fromProfile, via: 'profile' };
    const fromPolice = police ? policeDefaults.get(k) : undefined;
    if (fromPolice) return { category: fromPolice, via: 'police' };
    const fromTaxonomy = taxonomy.get(k);
    return fromTaxonomy ? { category: fromTaxonomy, via: 'taxonomy' } : null;
  };
  return {
    resolve(value) {
      if (cache.has(value)) return cache.get(value)!;
      const match = lookup(value);
      if (cache.size < 10_000) cache.set(value, match);
      return match;
    },
  };
}

export interface PlaceInfo {
  id: string;
  name: string;
  address: string | null;
  lon: number;
  lat: number;
}

/** Finds a known place by its name or street address, ignoring case, accents and punctuation. */
export function placeMatcher(places: readonly PlaceInfo[]): (text: string) => PlaceInfo | null {
  const index = new Map<string, PlaceInfo>();
  for (const p of places) {
    for (const k of [p.name, p.address]) if (k && !index.has(normaliseHeader(k))) index.set(normaliseHeader(k), p);
  }
  return (text) => index.get(normaliseHeader(text)) ?? null;
}
