import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';

/** The H3 resolutions stored per incident: 7 (~5 km²) for the city view down to 10 (~0.015 km²) for a square. */
export const H3_RESOLUTIONS = [7, 8, 9, 10] as const;
export type H3Resolution = (typeof H3_RESOLUTIONS)[number];

export interface H3Cells {
  r7: string;
  r8: string;
  r9: string;
  r10: string;
}

/**
 * The H3 cells of a WGS84 point at every stored resolution.
 * @example h3Cells(18.0686, 59.3293).r9 // '89088...'
 */
export function h3Cells(lon: number, lat: number): H3Cells {
  return {
    r7: latLngToCell(lat, lon, 7),
    r8: latLngToCell(lat, lon, 8),
    r9: latLngToCell(lat, lon, 9),
    r10: latLngToCell(lat, lon, 10),
  };
}

/** A cell's outline as a closed GeoJSON ring of [lon, lat]. */
export function h3CellRing(cell: string): [number, number][] {
  const ring = cellToBoundary(cell, true) as [number, number][];
  return ring;
}

/**
 * A cell's centre as [lon, lat], to say where a cell is without its id.
 * @example h3CellCentre(h3Cells(18.02, 59.27).r9) // close to [18.02, 59.27]
 */
export function h3CellCentre(cell: string): [number, number] {
  const [lat, lon] = cellToLatLng(cell);
  return [lon, lat];
}
