import { join } from 'node:path';
import { z } from 'zod';
import { buildStreetIndex, type LonLat, streetOfAddress } from '../../analysis/geo/street-names.js';
import { readJsonFile, resolveSharedDataDir } from '../seed/shared-data.js';

/** The basemap's streets layer (OpenStreetMap, ODbL): the street names an address may name. */
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

type StreetIndex = ReturnType<typeof buildStreetIndex>;
let cached: Promise<StreetIndex> | undefined;

/**
 * The streets index, read once per process. Without the basemap file (a deployment without the shared
 * data) there are no streets, and addresses can only name registered places.
 */
export function streetIndex(log: { warn: (obj: object, msg: string) => void }): Promise<StreetIndex> {
  cached ??= readJsonFile(resolveSharedDataDir(), STREETS_FILE, StreetsSchema)
    .then((collection) =>
      buildStreetIndex(
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
      ),
    )
    .catch((err: unknown) => {
      log.warn({ err }, 'basemap streets not readable; addresses match registered places only');
      return new Map();
    });
  return cached;
}

/** The street an address names ("Storgatan 12" → Storgatan) with its representative point, or undefined. */
export async function findStreet(log: Parameters<typeof streetIndex>[0], address: string) {
  return (await streetIndex(log)).get(streetOfAddress(address));
}
