import type { AreaIndex } from '../../analysis/geo/area-index.js';
import { type H3Cells, h3Cells } from '../../analysis/geo/h3.js';
import { localDay } from '../../domain/calendar/index.js';
import type { Precision } from '../../domain/incidents.js';

export interface Location {
  areaId: string | null;
  districtId: string | null;
  h3: H3Cells | null;
}

/**
 * Places an incident in the neighbourhood and district in force on the local day (in `timeZone`, the
 * organisation's) it occurred, or returns null when the point lies outside every area of the organisation then. Coarse precisions keep only what they
 * honestly know: 'area' keeps its areas but gets no H3 cells; 'municipality' gets neither.
 */
export function locateIncident(
  index: AreaIndex,
  lon: number,
  lat: number,
  occurredAt: Date,
  precision: Precision,
  timeZone: string,
): Location | null {
  const neighbourhood = index.containing(lon, lat, localDay(occurredAt, timeZone))[0];
  if (!neighbourhood) return null;
  if (precision === 'municipality') return { areaId: null, districtId: null, h3: null };
  return {
    areaId: neighbourhood.id,
    districtId: neighbourhood.parentId,
    h3: precision === 'area' ? null : h3Cells(lon, lat),
  };
}
