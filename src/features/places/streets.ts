import { join } from 'node:path';
import { z } from 'zod';
import {
  buildStreetIndex,
  type LonLat,
  type StreetFeature,
  streetOfAddress,
  streetsByCell,
} from '../../analysis/geo/street-names.js';
import { readJsonFile, resolveSharedDataDir } from '../seed/shared-data.js';

/** The basemap's streets layer (OpenStreetMap, ODbL): the street names an address or a hot cell may be named by. */
export const STREETS_FILE = join('stockholm', 'basemap', 'roads_central.geojson');

const Position = z
  .tuple([z.number(), z.number()])
  .rest(z.number())
  .transform(([lon, lat]): LonLat => [lon, lat]);
const StreetsSchema = z.object({
  features: z.array(
    z.object({
      properties: z.object({ name: z.string().nullish() }),
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('LineString'), coordinates: z.array(Position) }),
        z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(Position)) }),
      ]),
    }),
  ),
});

type Log = { warn: (obj: object, msg: string) => void };
let cached: Promise<StreetFeature[]> | undefined;

/**
 * The named streets, read once per process. Without the basemap file (a deployment without the shared data)
 * there are none: addresses can only name registered places, and hot cells are named by places alone.
 */
function streets(log: Log): Promise<StreetFeature[]> {
  cached ??= readJsonFile(resolveSharedDataDir(), STREETS_FILE, StreetsSchema)
    .then((collection) =>
      collection.features.flatMap((f) =>
        f.properties.name
          ? [
              {
                name: f.properties.name,
                lines: f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates,
              },
            ]
          : [],
      ),
    )
    .catch((err: unknown) => {
      log.warn({ err }, 'basemap streets not readable; only registered places name addresses and hot cells');
      return [];
    });
  return cached;
}

let index: Promise<ReturnType<typeof buildStreetIndex>> | undefined;
let cells: Promise<Map<string, string>> | undefined;

/** The street each H3 cell of the report's resolution (9) is named by, built once per process. */
export function streetNamesByCell(log: Log): Promise<ReadonlyMap<string, string>> {
  cells ??= streets(log).then((features) => streetsByCell(features, 9));
  return cells;
}

/** The street an address names ("Storgatan 12" → Storgatan) with its representative point, or undefined. */
export async function findStreet(log: Log, address: string) {
  index ??= streets(log).then(buildStreetIndex);
  return (await index).get(streetOfAddress(address));
}

/** The named streets' lines that touch the box [minLon, minLat, maxLon, maxLat], for drawing a small map. */
export async function streetLinesWithin(
  log: Log,
  box: readonly [number, number, number, number],
): Promise<ReadonlyArray<ReadonlyArray<LonLat>>> {
  const [a, b, c, d] = box;
  const inside = ([lon, lat]: LonLat) => lon >= a && lon <= c && lat >= b && lat <= d;
  return (await streets(log)).flatMap((f) => f.lines.filter((line) => line.some(inside)));
}
