import { latLngToCell } from 'h3-js';
/**
 * Matching a written address to a named place or street: accent-, case- and spacing-insensitive, with the
 * house number, postcode and town after it left out ("Storgatan 12 B, 114 55 Stockholm" → "storgatan").
 */

/**
 * A name reduced for comparison: lower case, without accents (å → a, é → e), single spaces.
 * @example normaliseName('  Östbergavägen ') // 'ostbergavagen'
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * The street part of an address: what comes before the first comma, without a trailing house number
 * ("12", "12B", "12 b", "12-14"). Normalised as `normaliseName`.
 * @example streetOfAddress('Storgatan 12 B, Stockholm') // 'storgatan'
 */
export function streetOfAddress(address: string): string {
  const first = address.split(',')[0] ?? '';
  return normaliseName(first)
    .replace(/\s+\d+\s*[a-z]?(\s*[-–]\s*\d+\s*[a-z]?)?$/u, '')
    .trim();
}

export type LonLat = readonly [number, number];

/**
 * A point that lies on the street and stands for it: of all its vertices, the one nearest their mean
 * (a street's mean can lie off the street when it bends or has several pieces).
 * @example representativePoint([[[18, 59], [18.002, 59], [18.004, 59]]]) // [18.002, 59]
 */
export function representativePoint(lines: ReadonlyArray<ReadonlyArray<LonLat>>): LonLat {
  const vertices = lines.flat();
  if (vertices.length === 0) throw new Error('a street needs at least one vertex');
  const mean = vertices.reduce(([x, y], [lon, lat]) => [x + lon / vertices.length, y + lat / vertices.length], [0, 0]);
  let best = vertices[0]!;
  let bestDistance = Infinity;
  for (const v of vertices) {
    // Longitude degrees are shorter than latitude degrees this far north; the factor keeps "nearest" honest.
    const dx = (v[0] - mean[0]) * Math.cos((mean[1] * Math.PI) / 180);
    const dy = v[1] - mean[1];
    const d = dx * dx + dy * dy;
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  return best;
}

export interface StreetFeature {
  name: string;
  lines: ReadonlyArray<ReadonlyArray<LonLat>>;
}

/** Streets by normalised name, each with its name as written and one representative point. */
export function buildStreetIndex(features: Iterable<StreetFeature>): Map<string, { name: string; point: LonLat }> {
  const pieces = new Map<string, { name: string; lines: Array<ReadonlyArray<LonLat>> }>();
  for (const f of features) {
    const key = normaliseName(f.name);
    if (!key) continue;
    const entry = pieces.get(key) ?? pieces.set(key, { name: f.name, lines: [] }).get(key)!;
    entry.lines.push(...f.lines);
  }
  return new Map(
    [...pieces]
      .filter(([, s]) => s.lines.some((l) => l.length > 0))
      .map(([key, s]) => [key, { name: s.name, point: representativePoint(s.lines) }]),
  );
}

const EARTH_RADIUS_M = 6_371_000;
/** Pieces of a street segment at most this long are counted in the cell of their middle. */
const STEP_M = 20;

function metresBetween([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const rad = Math.PI / 180;
  const dx = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const dy = (lat2 - lat1) * rad;
  return Math.hypot(dx, dy) * EARTH_RADIUS_M;
}

/**
 * The named street with the most length in each H3 cell of `resolution` that a street crosses: how a hot
 * cell without a registered place nearby is named ("vid Götgatan"). Lengths are summed per name over
 * pieces of at most 20 m, each counted in the cell of its middle; ties go to the name first in order.
 */
export function streetsByCell(features: Iterable<StreetFeature>, resolution: number): Map<string, string> {
  const lengths = new Map<string, Map<string, number>>();
  for (const { name, lines } of features) {
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const [a, b] = [line[i - 1]!, line[i]!];
        const length = metresBetween(a, b);
        const steps = Math.max(1, Math.ceil(length / STEP_M));
        for (let s = 0; s < steps; s++) {
          const t = (s + 0.5) / steps;
          const cell = latLngToCell(a[1] + (b[1] - a[1]) * t, a[0] + (b[0] - a[0]) * t, resolution);
          const byName = lengths.get(cell) ?? lengths.set(cell, new Map()).get(cell)!;
          byName.set(name, (byName.get(name) ?? 0) + length / steps);
        }
      }
    }
  }
  const named = new Map<string, string>();
  for (const [cell, byName] of lengths) {
    let best = '';
    let bestLength = -1;
    for (const [name, length] of byName) if (length > bestLength) [best, bestLength] = [name, length];
    named.set(cell, best);
  }
  return named;
}
