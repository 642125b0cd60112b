import { neighbourhoodAt, type PlaceContext, type PlannedPlace } from './place-context.js';
import { slugify } from './slug.js';
import { UNIT } from './units.seed.js';

const HAND_PLACED_NOTE = 'Ungefärligt läge, utsatt för hand efter offentliga kartor';

/**
 * Well-known squares, centres and parks, hand-placed from public maps (good to ~50–100 m; several
 * cross-checked against same-named GTFS stops in poi/stockholm_region_bus_stops.geojson). Large
 * areas such as Järvafältet are left out: one point would misrepresent them.
 */
const HAND_PLACED: ReadonlyArray<{ name: string; type: 'square' | 'park'; lon: number; lat: number }> = [
  { name: 'Sergels torg', type: 'square', lon: 18.0637, lat: 59.3325 },
  { name: 'Hötorget', type: 'square', lon: 18.0632, lat: 59.3347 },
  { name: 'Norra Bantorget', type: 'square', lon: 18.0551, lat: 59.335 },
  { name: 'Stureplan', type: 'square', lon: 18.0736, lat: 59.3356 },
  { name: 'Medborgarplatsen', type: 'square', lon: 18.0733, lat: 59.3144 },
  { name: 'Mariatorget', type: 'square', lon: 18.0625, lat: 59.3186 },
  { name: 'Högdalstorget', type: 'square', lon: 18.0436, lat: 59.2634 },
  { name: 'Rinkeby torg', type: 'square', lon: 17.9275, lat: 59.3884 },
  { name: 'Tensta centrum', type: 'square', lon: 17.9055, lat: 59.3946 },
  { name: 'Husby centrum', type: 'square', lon: 17.9268, lat: 59.4098 },
  { name: 'Kista torg', type: 'square', lon: 17.944, lat: 59.403 },
  { name: 'Farsta centrum', type: 'square', lon: 18.093, lat: 59.2437 },
  { name: 'Skärholmens centrum', type: 'square', lon: 17.907, lat: 59.2765 },
  { name: 'Vällingby torg', type: 'square', lon: 17.872, lat: 59.3632 },
  { name: 'Kungsträdgården', type: 'park', lon: 18.0717, lat: 59.3311 },
  { name: 'Vasaparken', type: 'park', lon: 18.0444, lat: 59.3406 },
  { name: 'Humlegården', type: 'park', lon: 18.0711, lat: 59.3392 },
  { name: 'Tantolunden', type: 'park', lon: 18.0472, lat: 59.3125 },
  { name: 'Rålambshovsparken', type: 'park', lon: 18.0244, lat: 59.33 },
];

/**
 * Metro stations inside the city (real points, rounded to ~10 m) and the hand-placed squares and parks.
 * A station named like a stadsdel ('Bredäng') whose source point lies in another stadsdel is kept but
 * marked approximate: the source file misplaces several stations, e.g. Blackeberg by ~2 km.
 */
export function planOutdoorPlaces(ctx: PlaceContext): {
  planned: PlannedPlace[];
  skipped: Array<{ name: string; reason: string }>;
} {
  const planned: PlannedPlace[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  const stadsdelCodes = new Map(ctx.areas.neighbourhoods.map((n) => [n.code, n.name]));

  for (const s of ctx.stations.filter((x) => x.mode === 'subway')) {
    const neighbourhood = neighbourhoodAt(ctx, s.lon, s.lat);
    if (!neighbourhood) continue; // another municipality (Solna, Sundbyberg, …): not Stockholm's to seed
    const namesake = stadsdelCodes.get(slugify(s.name));
    const misplaced = namesake !== undefined && namesake !== neighbourhood.name;
    planned.push({
      slug: `${slugify(s.name)}-tunnelbana`,
      name: `${s.name} tunnelbanestation`,
      type: 'metro_entrance',
      setting: 'outdoor',
      lon: s.lon,
      lat: s.lat,
      approximate: misplaced,
      note:
        'Stationens läge enligt linjenätet från stockholms-puls (CC BY 4.0), avrundat till ungefär 10 m; stationen, inte en viss uppgång' +
        (misplaced
          ? `. Osäkert: punkten ligger i ${neighbourhood.name}, inte i stadsdelen ${namesake} som stationen heter efter; källan kan ha placerat den fel`
          : ''),
      address: null,
      neighbourhood,
      ownerSlug: UNIT.publicTransport,
      responsibilities: [
        [UNIT.publicTransport, 'premises'],
        [neighbourhood.districtSlug, 'environment'],
      ],
      zones: [],
    });
  }

  for (const h of HAND_PLACED) {
    const neighbourhood = neighbourhoodAt(ctx, h.lon, h.lat);
    if (!neighbourhood) {
      skipped.push({ name: h.name, reason: 'point outside every Stockholm neighbourhood' });
      continue;
    }
    // Squares are street space (trafiknämnden); parks are run by the district. Lighting is always trafiknämnden's.
    const owner = h.type === 'square' ? UNIT.transport : neighbourhood.districtSlug;
    planned.push({
      slug: slugify(h.name),
      name: h.name,
      type: h.type,
      setting: 'outdoor',
      lon: h.lon,
      lat: h.lat,
      approximate: true,
      note: HAND_PLACED_NOTE,
      address: null,
      neighbourhood,
      ownerSlug: owner,
      responsibilities:
        h.type === 'square'
          ? [
              [UNIT.transport, 'maintenance'],
              [UNIT.transport, 'lighting'],
              [neighbourhood.districtSlug, 'environment'],
            ]
          : [
              [neighbourhood.districtSlug, 'maintenance'],
              [neighbourhood.districtSlug, 'environment'],
              [UNIT.transport, 'lighting'],
            ],
      zones: [],
    });
  }
  return { planned, skipped };
}
