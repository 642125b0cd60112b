import type { AreaIndex } from '../../analysis/geo/area-index.js';
import { type H3Cells, h3Cells } from '../../analysis/geo/h3.js';
import type { Precision } from '../../domain/incidents.js';

/** Swedish municipalities all keep Swedish time; area layouts change at local midnight. */
const localDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

const HOUR_MS = 3_600_000;
// Swedish offsets are whole hours, so every instant of one UTC hour has the same local day: Intl (microseconds
// a call) runs once per hour, not once per incident of a million-row import.
const dayOfHour = new Map<number, string>();

/** The local calendar day ('YYYY-MM-DD') of an instant in Sweden. */
export function swedishDay(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = localDay.format(instant);
    if (dayOfHour.size >= 100_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
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
