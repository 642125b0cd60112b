import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Plugin } from 'vite';
import { type BasemapAssets, type Bbox, convertBasemap } from './convert.js';

/** The module whose placeholder URLs the build replaces. */
const URLS_MODULE = /[\\/]src[\\/]web[\\/]features[\\/]basemap[\\/]basemap-urls\.ts$/;
/** The clip box of the shared layers (SOURCES.md): the city and 1 km around it. */
const CLIP: Bbox = [17.7431, 59.2183, 18.2177, 59.4493];
const FILES = {
  water: 'stockholm/basemap/water.geojson',
  rail: 'stockholm/basemap/rail.geojson',
  roads: 'stockholm/basemap/roads_central.geojson',
  places: 'stockholm/basemap/places.geojson',
  stations: 'poi/stockholm_rail_metro_stations.geojson',
} as const;

interface Options {
  /** The shared public data folder (TRYGG_SHARED_DATA, else ../shared/data beside the project). */
  sharedDataDir: string;
  /** Where the converted files are written before Vite fingerprints them into /assets. */
  cacheDir: string;
}

/**
 * Converts the shared basemap into the app's own static assets when the web app is built (and in the dev
 * server): `basemap-urls.ts` is replaced by a module with their fingerprinted URLs. The running
 * server never reads the shared folder for the map. Without the shared data the build still succeeds with an
 * empty basemap (and says so), so a deployment that uses an online basemap needs no local copy.
 */
export function basemapPlugin({ sharedDataDir, cacheDir }: Options): Plugin {
  let written: Record<'overview' | 'detail' | 'streets', string> | null = null;
  return {
    name: 'trygg-basemap',
    load(id) {
      if (!URLS_MODULE.test(id.split('?')[0] ?? '')) return null;
      written ??= writeAssets(
        convertOrEmpty(sharedDataDir, (msg) => this.warn(msg)),
        cacheDir,
      );
      return [
        `import overview from ${JSON.stringify(`${written.overview}?url`)};`,
        `import detail from ${JSON.stringify(`${written.detail}?url`)};`,
        `import streets from ${JSON.stringify(`${written.streets}?url`)};`,
        'export const basemapUrls = { overview, detail, streets };',
      ].join('\n');
    },
  };
}

function convertOrEmpty(dir: string, warn: (msg: string) => void): BasemapAssets {
  const missing = Object.values(FILES).filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    warn(`basemap: ${missing.join(', ')} not found under ${dir}; the offline basemap will be empty`);
    const empty = { type: 'FeatureCollection' as const, features: [] };
    return {
      overview: { streetsBbox: null, water: empty, rail: empty, stations: empty, places: empty },
      detail: { water: empty, roads: empty },
      streetNames: [],
    };
  }
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as FeatureCollection;
  return convertBasemap(
    {
      water: read(FILES.water),
      rail: read(FILES.rail),
      roads: read(FILES.roads),
      places: read(FILES.places),
      stations: read(FILES.stations),
    },
    CLIP,
  );
}

function writeAssets(assets: BasemapAssets, cacheDir: string) {
  mkdirSync(cacheDir, { recursive: true });
  const write = (name: string, value: unknown) => {
    const path = join(cacheDir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  return {
    overview: write('basemap-overview.geojson', assets.overview),
    detail: write('basemap-detail.geojson', assets.detail),
    streets: write('basemap-streets.json', assets.streetNames),
  };
}
