import { polygonToCells } from 'h3-js';
import type { GeoJSONPolygonal } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Db } from '../../core/context.js';
import { findAreaRow, listNeighbourhoodRows } from './ratings.repo.js';

/** H3 resolution of the hotspot cells (about 0.1 km², a block). */
export const HOTSPOT_RESOLUTION = 9;

/** A stadsdel as the report sees it: one code across layouts, every row id that code ever had. */
export interface ScopeNeighbourhood {
  code: string;
  name: string;
  /** The district whose thresholds rate it: the scope's district, or in the city view its current one. */
  districtCode: string;
  ids: string[];
  geometry: GeoJSONPolygonal;
}

/** What a report covers: a district (of either layout) or the whole city. */
export interface ReportScope {
  kind: 'district' | 'city';
  areaId: string | null;
  code: string;
  name: string;
  ownerUnitId: string | null;
  neighbourhoods: ScopeNeighbourhood[];
  /** Neighbourhood row ids to match incidents by; null for the city (everything, coarse rows included). */
  areaIds: string[] | null;
  codeByAreaId: ReadonlyMap<string, string>;
  /** Fingerprint of the area table the scope was built from (part of report cache keys). */
  areaVersion: string;
  /** Every res-9 cell of the neighbourhood polygons: the Gi* study area (computed once per scope). */
  studyCells(): string[];
}

function polygons(g: GeoJSONPolygonal): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function buildScope(base: Omit<ReportScope, 'studyCells' | 'codeByAreaId'>): ReportScope {
  let cells: string[] | undefined;
  return {
    ...base,
    codeByAreaId: new Map(base.neighbourhoods.flatMap((n) => n.ids.map((id) => [id, n.code] as const))),
    studyCells() {
      if (!cells) {
        const set = new Set<string>();
        for (const n of base.neighbourhoods)
          for (const p of polygons(n.geometry)) for (const c of polygonToCells(p, HOTSPOT_RESOLUTION, true)) set.add(c);
        cells = [...set];
      }
      return cells;
    },
  };
}

type Row = Awaited<ReturnType<typeof listNeighbourhoodRows>>[number];

/** Groups rows by code; the newest row names the stadsdel and gives its outline. */
function neighbourhoodsOf(
  rows: readonly Row[],
  codes: ReadonlySet<string>,
  districtCode: string | null,
): ScopeNeighbourhood[] {
  const byCode = new Map<string, Row[]>();
  for (const r of rows) if (codes.has(r.code)) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  return [...byCode.entries()]
    .map(([code, group]) => {
      const newest = group.reduce((a, b) => (b.valid_from > a.valid_from ? b : a));
      return {
        code,
        name: newest.name,
        districtCode: districtCode ?? newest.district_code,
        ids: group.map((r) => r.id),
        geometry: newest.geometry,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

// Areas change a few times a year: scopes (with their study cells) are kept until the organisation's
// 'areas' data version (bumped by a trigger on areas) changes, so several server processes stay correct.
const cache = new Map<string, { version: string; rows: Row[]; scopes: Map<string, ReportScope> }>();

/**
 * The scope of a report: a district area id (either layout; its stadsdelar matched by code, like
 * incidents.repo's inArea) or, without one, the whole city. A neighbourhood or focus area is refused.
 */
export async function resolveScope(
  db: Db,
  organisation: { id: string; name: () => Promise<string> },
  areaId: string | undefined | null,
  version: string,
): Promise<ReportScope> {
  let entry = cache.get(organisation.id);
  if (!entry || entry.version !== version) {
    entry = { version, rows: await listNeighbourhoodRows(db, organisation.id), scopes: new Map() };
    cache.set(organisation.id, entry);
  }
  const key = areaId ?? 'city';
  const cached = entry.scopes.get(key);
  if (cached) return cached;
  let scope: ReportScope;
  if (!areaId) {
    const hoods = neighbourhoodsOf(entry.rows, new Set(entry.rows.map((r) => r.code)), null);
    scope = buildScope({
      areaVersion: version,
      kind: 'city',
      areaId: null,
      code: 'city',
      name: await organisation.name(),
      ownerUnitId: null,
      neighbourhoods: hoods,
      areaIds: null,
    });
  } else {
    const area = await findAreaRow(db, organisation.id, areaId);
    if (!area) throw new AppError('NOT_FOUND', { details: { entity: 'area', id: areaId } });
    if (area.level !== 'district') {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            path: 'area_id',
            code: 'not_a_district',
            message: 'the situation report is made for a district or the whole city',
          },
        ],
      });
    }
    const codes = new Set(entry.rows.filter((r) => r.parent_id === area.id).map((r) => r.code));
    const hoods = neighbourhoodsOf(entry.rows, codes, area.code);
    scope = buildScope({
      areaVersion: version,
      kind: 'district',
      areaId: area.id,
      code: area.code,
      name: area.name,
      ownerUnitId: area.owner_unit_id,
      neighbourhoods: hoods,
      areaIds: hoods.flatMap((n) => n.ids),
    });
  }
  entry.scopes.set(key, scope);
  return scope;
}
