import type { AreaIndex } from '../../analysis/geo/area-index.js';
import { type H3Cells, h3Cells } from '../../analysis/geo/h3.js';
import type { Precision } from '../../domain/incidents.js';

/** Swedish municipalities all keep Swedish time; area layouts change at local midnight. */
const localDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The local calendar day ('YYYY-MM-DD') of an instant in Sweden. */
export function swedishDay(instant: Date): string {
  return localDay.format(instant);
}

export interface Location {
  areaId: string | null;
  districtId: string | null;
  h3: H3Cells | null;
}

/**
 * Places an incident in the neighbourhood and district in force on the day it occurred, or returns null
 * when the point lies outside every area of the organisation then. Coarse precisions keep only what they
 * honestly know: 'area' keeps its areas but gets no H3 cells; 'municipality' gets neither.
 */
export function locateIncident(index: AreaIndex, lon: number, lat: number, occurredAt: Date, precision: Precision): Location | null {
  const neighbourhood = index.containing(lon, lat, swedishDay(occurredAt))[0];
  if (!neighbourhood) return null;
  if (precision === 'municipality') return { areaId: null, districtId: null, h3: null };
  return {
    areaId: neighbourhood.id,
    districtId: neighbourhood.parentId,
    h3: precision === 'area' ? null : h3Cells(lon, lat),
  };
}
