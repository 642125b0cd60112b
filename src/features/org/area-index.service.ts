import { type AreaIndex, buildAreaIndex } from '../../analysis/geo/area-index.js';
import { areaVersion, listNeighbourhoodGeometries } from './org.repo.js';
import type { Db } from '../../core/context.js';

// Areas change a few times a year, incidents arrive all the time: the index is rebuilt only when the
// area table's fingerprint changes, so several API processes stay correct without sharing memory.
const cache = new Map<string, { version: string; index: AreaIndex }>();
// Keyed by organisation id: ids are UUIDs, so two databases (tests, tenants) never share an entry.

/** The point-in-area index over the organisation's neighbourhoods of every layout. */
export async function getAreaIndex(db: Db, organisationId: string): Promise<AreaIndex> {
  const version = await areaVersion(db, organisationId);
  const cached = cache.get(organisationId);
  if (cached && cached.version === version) return cached.index;
  const rows = await listNeighbourhoodGeometries(db, organisationId);
  const index = buildAreaIndex(
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      parentId: r.parent_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      geometry: r.geometry as never,
      bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat] as const,
    })),
  );
  cache.set(organisationId, { version, index });
  return index;
}
