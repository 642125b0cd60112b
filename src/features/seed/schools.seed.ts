import { z } from 'zod';
import { neighbourhoodAt, type PlaceContext, type PlannedPlace } from './place-context.js';
import { featureCollection, PointSchema, readJsonFile } from './shared-data.js';
import { slugify } from './slug.js';

const SCHOOLS_FILE = 'poi/stockholm_schools_sisab.geojson';
const SISAB = 'sisab';
const SchoolProps = z.object({
  name: z.string().min(1),
  address: z.string(),
  postal_code: z.string(),
  postal_town: z.string(),
  type: z.string(),
  sisab_id: z.string(),
});

/**
 * The yards of SISAB's compulsory schools (type 'Skola'; pre-schools and upper-secondary schools left out):
 * outdoor places in the premises layer, open to anyone after school hours, where graffiti, fires and
 * evening gatherings are reported. SISAB owns the premises, the district the surrounding public space.
 * The points are geocoded building addresses from 2019 (SOURCES.md), so each yard is marked approximate.
 */
export async function planSchoolYards(
  ctx: PlaceContext,
  dir: string,
): Promise<{ planned: PlannedPlace[]; skipped: Array<{ name: string; reason: string }> }> {
  const file = await readJsonFile(dir, SCHOOLS_FILE, featureCollection(SchoolProps, PointSchema));
  const planned: PlannedPlace[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  for (const f of file.features.filter((x) => x.properties.type === 'Skola')) {
    const [lon, lat] = f.geometry.coordinates;
    const { name, address, postal_code, postal_town, sisab_id } = f.properties;
    const neighbourhood = neighbourhoodAt(ctx, lon, lat);
    if (!neighbourhood) {
      skipped.push({ name, reason: 'point outside every Stockholm neighbourhood' });
      continue;
    }
    planned.push({
      slug: `${slugify(name)}-skolgard`,
      name: `${name}, skolgården`,
      type: 'school',
      setting: 'outdoor',
      lon,
      lat,
      approximate: true,
      note: `Ungefärligt läge: skolbyggnadens adress i SISAB:s lista från 2019 (${sisab_id}), omräknad till en punkt; skolgården ligger runt byggnaden`,
      address: `${address}, ${postal_code} ${postal_town}`,
      neighbourhood,
      ownerSlug: SISAB,
      responsibilities: [
        [SISAB, 'premises'],
        [neighbourhood.districtSlug, 'environment'],
      ],
      zones: [],
    });
  }
  return { planned, skipped };
}
