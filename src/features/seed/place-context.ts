import type { PlaceSetting } from '../../domain/org.js';
import type { SeededAreas, SeededNeighbourhood } from './areas.seed.js';
import type { OpeningHours } from '../../domain/org.js';

/** A rail, metro, light-rail, tram or ferry stop from the stockholms-puls network (CC BY 4.0). */
export interface Station {
  name: string;
  mode: string;
  lon: number;
  lat: number;
}

export interface PlaceZoneDef {
  code: string;
  name: string;
  name_en: string;
}

/** A place ready to insert: everything but the ids the database assigns. */
export interface PlannedPlace {
  slug: string;
  name: string;
  type: string;
  setting: PlaceSetting;
  lon: number;
  lat: number;
  approximate: boolean;
  note: string | null;
  address: string | null;
  neighbourhood: SeededNeighbourhood;
  ownerSlug: string;
  /** [unit slug, responsibility] pairs, e.g. ['trafiknamnden', 'lighting']. */
  responsibilities: Array<[string, string]>;
  zones: PlaceZoneDef[];
  /** Indoor rooms: when they are open. */
  openingHours?: OpeningHours;
}

/** Context shared by the place planners: the areas, the stations and the day whose layout applies. */
export interface PlaceContext {
  areas: SeededAreas;
  stations: Station[];
  /** 'YYYY-MM-DD': places are current objects, so the district layout in force on this day owns them. */
  day: string;
}

/** The neighbourhood row in force on `ctx.day` containing the point, if any. */
export function neighbourhoodAt(ctx: PlaceContext, lon: number, lat: number): SeededNeighbourhood | undefined {
  const hit = ctx.areas.index.containing(lon, lat, ctx.day)[0];
  return hit && ctx.areas.neighbourhoods.find((n) => n.id === hit.id);
}

/** The neighbourhood row in force on `ctx.day` with the shared files' UPPERCASE key ('HÖGDALEN'). */
export function neighbourhoodByKey(ctx: PlaceContext, key: string): SeededNeighbourhood {
  const n = ctx.areas.neighbourhoods.find(
    (x) => x.key === key && x.validFrom <= ctx.day && (x.validTo === null || ctx.day <= x.validTo),
  );
  if (!n) throw new Error(`unknown stadsdel '${key}'`);
  return n;
}
