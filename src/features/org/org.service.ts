import { today } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { AreaSummary, Unit } from '../../domain/org.js';
import type { ServiceContext } from '../../core/context.js';
import { findArea, findUnit } from '../../core/tenancy.repo.js';
import {
  type AreaSummaryRow,
  latestPopulation,
  listAreas as listAreaRows,
  listAreasByRef,
  listUnits as listUnitRows,
} from './org.repo.js';

export async function listUnits(
  ctx: ServiceContext,
  query: { kind?: string | undefined; at?: string | undefined },
): Promise<Unit[]> {
  const rows = await listUnitRows(ctx.db, ctx.organisation.id, {
    kind: query.kind,
    at: query.at ?? today(ctx.organisation.timeZone),
  });
  return rows.map(toUnit);
}

export function toUnit(r: {
  id: string;
  slug: string;
  name: string;
  name_en: string | null;
  kind: Unit['kind'];
  valid_from: string | null;
  valid_to: string | null;
}): Unit {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    name_en: r.name_en,
    kind: r.kind,
    valid_from: r.valid_from,
    valid_to: r.valid_to,
  };
}

export function toAreaSummary(r: AreaSummaryRow): AreaSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parent_id: r.parent_id,
    owner_unit_id: r.owner_unit_id,
    valid_from: r.valid_from,
    valid_to: r.valid_to,
    approximate: r.approximate,
    bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
  };
}

/** Areas of the layout in force on `at` (default today). */
export async function listAreas(
  ctx: ServiceContext,
  query: { level?: string | undefined; at?: string | undefined; parent_id?: string | undefined },
) {
  const rows = await listAreaRows(
    ctx.db,
    ctx.organisation.id,
    { level: query.level, at: query.at ?? today(ctx.organisation.timeZone), parentId: query.parent_id },
    false,
  );
  return rows.map(toAreaSummary);
}

/** The same areas as a GeoJSON FeatureCollection for the map; properties carry the owner unit's name. */
export async function listAreasGeoJson(
  ctx: ServiceContext,
  query: { level?: string | undefined; at?: string | undefined; parent_id?: string | undefined },
) {
  const at = query.at ?? today(ctx.organisation.timeZone);
  const [rows, units] = await Promise.all([
    listAreaRows(ctx.db, ctx.organisation.id, { level: query.level, at, parentId: query.parent_id }, true),
    listUnitRows(ctx.db, ctx.organisation.id, {}),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: {
        ...toAreaSummary(r),
        owner_unit_name: r.owner_unit_id ? (unitNames.get(r.owner_unit_id) ?? null) : null,
      },
    })),
  };
}

/** One area with its geometry, owner, children in force on the area's own last day, and population. */
export async function getArea(ctx: ServiceContext, id: string) {
  const area = await findArea(ctx.db, ctx.organisation.id, id);
  if (!area) throw new AppError('NOT_FOUND', { details: { entity: 'area', id } });
  const [owner, children, population] = await Promise.all([
    area.owner_unit_id ? findUnit(ctx.db, ctx.organisation.id, area.owner_unit_id) : undefined,
    listAreaRows(ctx.db, ctx.organisation.id, { parentId: area.id }, false),
    area.level === 'focus' ? undefined : latestPopulation(ctx.db, ctx.organisation.id, area.level, area.code),
  ]);
  return {
    ...toAreaSummary(area as AreaSummaryRow),
    geometry: area.geometry,
    owner_unit: owner ? toUnit(owner) : null,
    children: children.map(toAreaSummary),
    population: population ?? null,
  };
}

/**
 * Finds an area by id or by code (e.g. 'hogdalen', 'jarva'); by code, the row in force today wins, then
 * the newest, and a district wins over a neighbourhood of the same code.
 */
export async function resolveAreaRef(ctx: ServiceContext, ref: string): Promise<AreaSummary> {
  const isId = /^[0-9a-f-]{36}$/i.test(ref);
  const rows = await listAreasByRef(ctx.db, ctx.organisation.id, isId ? 'id' : 'code', ref);
  const day = today(ctx.organisation.timeZone);
  const rank = (r: AreaSummaryRow) => [
    r.valid_from <= day && (r.valid_to === null || r.valid_to >= day) ? 0 : 1,
    r.level === 'district' ? 0 : 1,
  ];
  const best = rows.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]! || b.valid_from.localeCompare(a.valid_from);
  })[0];
  if (!best) throw new AppError('NOT_FOUND', { details: { entity: 'area', ref } });
  return toAreaSummary(best);
}
