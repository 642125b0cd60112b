import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { gridDisk } from 'h3-js';
import { h3CellCentre } from '../../analysis/geo/h3.js';
import type { HotspotPlace } from '../../domain/situation.js';
import type { ScopeNeighbourhood } from './situation.scope.js';

/** A registered place is "near" a cell when it lies within this distance of the cell's centre. */
export const NEAR_PLACE_M = 350;

export interface NamingContext {
  neighbourhoods: ReadonlyArray<Pick<ScopeNeighbourhood, 'name' | 'geometry'>>;
  places: ReadonlyArray<{ name: string; lon: number; lat: number }>;
  /** The named street of a res-9 cell, when the basemap has one (central city only). */
  streetOf: (cell: string) => string | undefined;
}

const metres = (a: readonly [number, number], b: readonly [number, number]) => {
  const dy = (b[1] - a[1]) * 111_320;
  const dx = (b[0] - a[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot(dx, dy);
};

/**
 * Names a hotspot cell the way people name a place: its stadsdel, and the nearest registered place within
 * NEAR_PLACE_M, else the street through the cell (or through a neighbouring cell). A cell that is hot without
 * incidents of its own — Gi* counts its neighbours too — is said to be the area around that place.
 * @example hotspotPlace('89088662a2bffff', 0, ctx) // { neighbourhood: 'Södermalm', near: 'Medborgarplatsen', near_kind: 'place', own_incidents: false, text_sv: 'Södermalm, området runt omkring Medborgarplatsen', … }
 */
export function hotspotPlace(cell: string, ownCount: number, ctx: NamingContext): HotspotPlace {
  const centre = h3CellCentre(cell);
  const neighbourhood = ctx.neighbourhoods.find((n) => booleanPointInPolygon(centre, n.geometry))?.name ?? null;
  let near: { name: string; kind: 'place' | 'street' } | null = null;
  let best = NEAR_PLACE_M;
  for (const p of ctx.places) {
    const d = metres(centre, [p.lon, p.lat]);
    if (d <= best) [best, near] = [d, { name: p.name, kind: 'place' }];
  }
  if (!near) {
    const street = ctx.streetOf(cell) ?? gridDisk(cell, 1).map(ctx.streetOf).find(Boolean);
    if (street) near = { name: street, kind: 'street' };
  }
  const own = ownCount > 0;
  const where = (sv: boolean) => {
    if (!near) return own ? '' : sv ? 'området runt omkring' : 'the area around it';
    if (own) return sv ? `vid ${near.name}` : `at ${near.name}`;
    return sv ? `området runt omkring ${near.name}` : `the area around ${near.name}`;
  };
  const text = (sv: boolean) => {
    const head = neighbourhood ?? (sv ? 'Okänd stadsdel' : 'Unknown neighbourhood');
    const tail = where(sv);
    return tail ? `${head}, ${tail}` : head;
  };
  return {
    neighbourhood,
    near: near?.name ?? null,
    near_kind: near?.kind ?? null,
    own_incidents: own,
    text_sv: text(true),
    text_en: text(false),
  };
}
