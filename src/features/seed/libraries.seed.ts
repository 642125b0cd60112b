import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import { interiorPoint } from '../../analysis/geo/interior-point.js';
import {
  neighbourhoodAt,
  neighbourhoodByKey,
  type PlaceContext,
  type PlaceZoneDef,
  type PlannedPlace,
  type Station,
} from './place-context.js';
import { readCsvFile } from './shared-data.js';
import { slugify } from './slug.js';
import { UNIT } from './units.seed.js';
import type { OpeningHours } from '../../domain/org.js';

const LIBRARIES_FILE = 'stockholm/libraries.csv';

const optionalNumber = z
  .string()
  .transform((s) => (s.trim() === '' ? null : Number(s)))
  .pipe(z.number().finite().nullable());
const LibraryRow = z.object({
  name: z.string().min(1),
  kind: z.enum(['library', 'archive_reading_room', 'museum']),
  address: z.string(),
  postcode: z.string(),
  stadsdel: z.string(),
  lon: optionalNumber,
  lat: optionalNumber,
  coord_source: z.string(),
});
type LibraryRow = z.infer<typeof LibraryRow>;

const ZONES: Record<LibraryRow['kind'], PlaceZoneDef[]> = {
  library: [
    { code: 'entre', name: 'Entré', name_en: 'Entrance' },
    { code: 'lasesal', name: 'Läsesal', name_en: 'Reading room' },
    { code: 'barnavdelning', name: 'Barnavdelning', name_en: "Children's section" },
  ],
  archive_reading_room: [
    { code: 'entre', name: 'Entré', name_en: 'Entrance' },
    { code: 'lasesal', name: 'Läsesal', name_en: 'Reading room' },
  ],
  museum: [{ code: 'entre', name: 'Entré', name_en: 'Entrance' }],
};

const EXAMPLE_NOTE = 'Exempel i demodatan, inte platsens verkliga öppettider.';
const week = (days: number[], opens: string, closes: string) => days.map((day) => ({ day, opens, closes }));

/**
 * Typical hours of each kind of room, for the demo: libraries.csv has no opening hours, so every place says
 * that its hours are an example.
 */
const EXAMPLE_HOURS: Record<LibraryRow['kind'], OpeningHours> = {
  library: {
    periods: [
      ...week([1, 2, 3, 4], '10:00', '19:00'),
      ...week([5], '10:00', '18:00'),
      ...week([6, 7], '11:00', '16:00'),
    ],
    note: EXAMPLE_NOTE,
  },
  archive_reading_room: { periods: week([2, 3, 4], '10:00', '16:00'), note: EXAMPLE_NOTE },
  museum: { periods: [...week([2, 4, 5, 6, 7], '11:00', '17:00'), ...week([3], '11:00', '20:00')], note: EXAMPLE_NOTE },
};

type Manual = { skip: string } | { stadsdel?: string; station?: string; why: string };

/**
 * Hand decisions for rows whose CSV `stadsdel` is empty or whose site is better known than the stadsdel.
 * `station` names a stop in the stations file; it is used only if it lies inside `stadsdel` (when given),
 * because several station points in that file are misplaced by up to ~2 km.
 */
const MANUAL: Record<string, Manual> = {
  'Barnens bokbuss': { skip: 'mobile library bus without a fixed site' },
  'Brommaplans bibliotek': {
    station: 'Brommaplan',
    why: 'uppkallat efter Brommaplan; placerat vid tunnelbanestationen där',
  },
  'Enskede bibliotek': {
    stadsdel: 'ENSKEDEDALEN',
    why: 'antaget vara biblioteket i Dalen (Dalens allé) som drivs av Enskede bibliotek (Mitt i); inte kontrollerat',
  },
  'Luma bibliotek': {
    stadsdel: 'SÖDRA HAMMARBYHAMNEN',
    station: 'Luma',
    why: 'Luma i Hammarby sjöstad; placerat vid Lumas hållplats på Tvärbanan',
  },
  'Norra Djurgårdsstadens bibliotek': {
    stadsdel: 'HJORTHAGEN',
    station: 'Ropsten',
    why: 'Bobergsgatan 81, Norra Djurgårdsstaden, nära Ropsten',
  },
  'Skarpnäcks bibliotek': { station: 'Skarpnäck', why: 'uppkallat efter Skarpnäck; placerat vid tunnelbanestationen' },
  'Spånga bibliotek': { station: 'Spånga', why: 'Spånga centrum vid pendeltågsstationen' },
  'Sture bibliotek': {
    stadsdel: 'ÖSTERMALM',
    station: 'Östermalmstorg',
    why: 'i Östermalmstorgs tunnelbanestation vid uppgången mot Sturegallerian (öppnat 2009; tea.se)',
  },
  'Telefonplans bibliotek': {
    stadsdel: 'MIDSOMMARKRANSEN',
    station: 'Telefonplan',
    why: 'Telefonplan 1, vid tunnelbanestationen',
  },
  'Tranströmerbiblioteket/PUNKT': {
    stadsdel: 'SÖDERMALM',
    station: 'Medborgarplatsen',
    why: 'i Medborgarhuset vid Medborgarplatsen',
  },
  'Östermalms bibliotek': {
    stadsdel: 'ÖSTERMALM',
    station: 'Karlaplan',
    why: 'i Fältöversten vid Karlaplan',
  },
  'Stadsarkivet Kungsklippan': {
    stadsdel: 'KUNGSHOLMEN',
    station: 'Rådhuset',
    why: 'Kungsklippan 6, några hundra meter från Rådhusets station',
  },
  'Stadsarkivet Liljeholmskajen': {
    stadsdel: 'LILJEHOLMEN',
    station: 'Liljeholmen',
    why: 'Sjöviksvägen 126 vid Liljeholmskajen/Årstadal, ungefär 0,5 km öster om Liljeholmens station',
  },
};

const MODE_LABEL: Record<string, string> = {
  subway: 'tunnelbanestation',
  rail: 'pendeltågsstation',
  lightrail: 'hållplats för lokalbana',
  tram: 'spårvagnshållplats',
  ferry: 'båtbrygga',
};

/**
 * Indoor places from libraries.csv. Only 3 rows carry a coordinate; the others get a documented
 * approximation: the namesake station (libraries usually sit in the local centre by the station) when
 * that station lies inside the row's stadsdel, else an interior point of the stadsdel polygon.
 */
export async function planLibraries(
  ctx: PlaceContext,
  dir: string,
): Promise<{ planned: PlannedPlace[]; skipped: Array<{ name: string; reason: string }> }> {
  const rows = await readCsvFile(dir, LIBRARIES_FILE, LibraryRow);
  const planned: PlannedPlace[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  for (const row of rows) {
    const manual = MANUAL[row.name];
    if (manual && 'skip' in manual) {
      skipped.push({ name: row.name, reason: manual.skip });
      continue;
    }
    const located = locate(ctx, row, manual);
    const neighbourhood = neighbourhoodAt(ctx, located.lon, located.lat);
    if (!neighbourhood) throw new Error(`${LIBRARIES_FILE}: '${row.name}' lies outside Stockholm`);
    const shortName = row.name.split(' (')[0]!.trim();
    const owner = row.kind === 'archive_reading_room' ? UNIT.cityArchives : UNIT.culture;
    planned.push({
      slug: slugify(shortName),
      name: shortName,
      type: row.kind,
      setting: 'indoor',
      ...located,
      address: [row.address, row.postcode].filter(Boolean).join(', ') || null,
      neighbourhood,
      ownerSlug: owner,
      responsibilities: [
        [owner, 'premises'],
        [neighbourhood.districtSlug, 'environment'],
      ],
      zones: ZONES[row.kind],
      openingHours: EXAMPLE_HOURS[row.kind],
    });
  }
  return { planned, skipped };
}

function locate(
  ctx: PlaceContext,
  row: LibraryRow,
  manual: { stadsdel?: string; station?: string; why: string } | undefined,
): { lon: number; lat: number; approximate: boolean; note: string } {
  if (row.lon !== null && row.lat !== null) {
    return {
      lon: row.lon,
      lat: row.lat,
      approximate: false,
      note: `Koordinat enligt publicerad källa (${row.coord_source.replace(/^web:/, '')})`,
    };
  }
  const key = manual?.stadsdel ?? (row.stadsdel || undefined);
  const station = findStation(ctx.stations, manual?.station, row.name);
  const why = manual ? `; ${manual.why}` : '';
  if (station) {
    const inside =
      key === undefined || booleanPointInPolygon([station.lon, station.lat], neighbourhoodByKey(ctx, key).geometry);
    if (inside) {
      return {
        lon: station.lon,
        lat: station.lat,
        approximate: true,
        note: `Ungefärligt läge: vid ${station.name} (${MODE_LABEL[station.mode] ?? 'station'}) enligt linjenätet från stockholms-puls (CC BY 4.0)${why}`,
      };
    }
  }
  if (key === undefined) throw new Error(`${LIBRARIES_FILE}: no stadsdel and no station for '${row.name}'`);
  const n = neighbourhoodByKey(ctx, key);
  const { point, method } = interiorPoint(n.geometry);
  const how = method === 'bbox-centre' ? 'mitten av rektangeln runt stadsdelen' : 'en punkt inuti stadsdelen';
  const rejected = station
    ? `; hållplatsen ${station.name} ligger enligt källan utanför ${n.name} och användes inte`
    : '';
  return {
    lon: point[0],
    lat: point[1],
    approximate: true,
    note: `Ungefärligt läge: ${how} ${n.name}${rejected}${why}`,
  };
}

/**
 * The station named by hand, else the namesake metro station: 'Högdalens bibliotek' → 'Högdalen',
 * 'Hässelby gårds bibliotek' → 'Hässelby gård', 'Farsta bibliotek' → 'Farsta' (case-insensitive).
 */
function findStation(
  stations: readonly Station[],
  manualName: string | undefined,
  libraryName: string,
): Station | undefined {
  const byName = (name: string, modes: readonly string[]) =>
    modes.map((m) => stations.find((s) => s.mode === m && s.name.toLowerCase() === name.toLowerCase())).find(Boolean);
  if (manualName) return byName(manualName, ['subway', 'rail', 'lightrail', 'tram']);
  const base = libraryName.split(/\/| \(/)[0]!.trim();
  if (!base.endsWith(' bibliotek')) return undefined;
  const stem = base.slice(0, -' bibliotek'.length);
  return byName(stem, ['subway']) ?? (stem.endsWith('s') ? byName(stem.slice(0, -1), ['subway']) : undefined);
}
