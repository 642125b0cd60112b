import type { NewUnit } from '../../db/schema.js';
import type { UnitKind } from '../../domain/org.js';
import { POLICE_UNIT_SLUG } from '../imports/police-mapper.js';
import type { Db } from '../../core/context.js';
import { insertUnits } from './seed.repo.js';
import { slugify } from './slug.js';

/** The 13-district layout took effect on 2020-07-01 (Hägersten-Älvsjö formed) and ended on 2023-06-30. */
export const LAYOUT_2020_FROM = '2020-07-01';
export const LAYOUT_2020_TO = '2023-06-30';
/** From 2023-07-01: Rinkeby-Kista + Spånga-Tensta → Järva, Norrmalm + Östermalm → Norra innerstaden. */
export const LAYOUT_2023_FROM = '2023-07-01';

export interface DistrictDef {
  /** Unit slug and district area code (the same string). */
  slug: string;
  /** Name exactly as in stadsdel_to_stadsdelsomrade.csv and the derived district GeoJSON files. */
  areaName: string;
  /** The stadsdelsnämnd's own name. */
  unitName: string;
  validFrom: string;
  validTo: string | null;
}

function district(areaName: string, unitName: string, validFrom: string, validTo: string | null): DistrictDef {
  return { slug: slugify(areaName), areaName, unitName, validFrom, validTo };
}

/**
 * The stadsdelsnämnder 2020-07-01 onwards. The nine that continued through the 2023 merger are one unit
 * each (same nämnd, same area), so history before and after the merger belongs to the same owner.
 */
export const DISTRICTS: readonly DistrictDef[] = [
  district('Bromma', 'Bromma stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Enskede-Årsta-Vantör', 'Enskede-Årsta-Vantörs stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Farsta', 'Farsta stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Hägersten-Älvsjö', 'Hägersten-Älvsjö stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Hässelby-Vällingby', 'Hässelby-Vällingby stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Kungsholmen', 'Kungsholmens stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Skarpnäck', 'Skarpnäcks stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Skärholmen', 'Skärholmens stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Södermalm', 'Södermalms stadsdelsnämnd', LAYOUT_2020_FROM, null),
  district('Rinkeby-Kista', 'Rinkeby-Kista stadsdelsnämnd', LAYOUT_2020_FROM, LAYOUT_2020_TO),
  district('Spånga-Tensta', 'Spånga-Tensta stadsdelsnämnd', LAYOUT_2020_FROM, LAYOUT_2020_TO),
  district('Norrmalm', 'Norrmalms stadsdelsnämnd', LAYOUT_2020_FROM, LAYOUT_2020_TO),
  district('Östermalm', 'Östermalms stadsdelsnämnd', LAYOUT_2020_FROM, LAYOUT_2020_TO),
  district('Järva', 'Järva stadsdelsnämnd', LAYOUT_2023_FROM, null),
  district('Norra innerstaden', 'Norra innerstadens stadsdelsnämnd', LAYOUT_2023_FROM, null),
];

/** The district in force on `day` for an area name of the given layout column. */
export function districtByAreaName(areaName: string, day: string): DistrictDef {
  const d = DISTRICTS.find(
    (x) => x.areaName === areaName && x.validFrom <= day && (x.validTo === null || day <= x.validTo),
  );
  if (!d) throw new Error(`no district '${areaName}' in force on ${day}`);
  return d;
}

/** Slugs the other seed modules refer to; a typo is a compile error rather than a missing owner. */
export const UNIT = {
  culture: 'kulturforvaltningen',
  cityArchives: 'stadsarkivet',
  transport: 'trafiknamnden',
  publicTransport: 'sl',
  police: POLICE_UNIT_SLUG,
} as const;

interface OtherUnit {
  slug: string;
  name: string;
  name_en: string;
  kind: Exclude<UnitKind, 'district'>;
}

/**
 * Specialist nämnder, city-owned companies and partners. Validity is left open (NULL): their history
 * before 2020 is not modelled and none has ended.
 *
 * SL is kind 'partner', not 'company': public transport in Stockholm is run by Region Stockholm
 * (trafikförvaltningen), not owned by the city, so the city can ask it for measures but not order them.
 */
const OTHER_UNITS: readonly OtherUnit[] = [
  {
    slug: 'stadsledningskontoret',
    name: 'Kommunstyrelsen/Stadsledningskontoret',
    name_en: 'City Executive Board and Office (programme lead, system administration)',
    kind: 'specialist',
  },
  {
    slug: UNIT.culture,
    name: 'Kulturnämnden/Kulturförvaltningen',
    name_en: 'Culture Committee and Administration (libraries, museums)',
    kind: 'specialist',
  },
  {
    slug: UNIT.cityArchives,
    name: 'Stadsarkivet',
    name_en: 'City Archives (under the Culture Committee)',
    kind: 'specialist',
  },
  {
    slug: UNIT.transport,
    name: 'Trafiknämnden (trafikkontoret)',
    name_en: 'Transport Committee (streets, squares, lighting)',
    kind: 'specialist',
  },
  {
    slug: 'stadsbyggnadsnamnden',
    name: 'Stadsbyggnadsnämnden',
    name_en: 'City Planning Committee',
    kind: 'specialist',
  },
  {
    slug: 'miljo-och-halsoskyddsnamnden',
    name: 'Miljö- och hälsoskyddsnämnden',
    name_en: 'Environment and Health Committee',
    kind: 'specialist',
  },
  { slug: 'idrottsnamnden', name: 'Idrottsnämnden', name_en: 'Sports Committee', kind: 'specialist' },
  { slug: 'utbildningsnamnden', name: 'Utbildningsnämnden', name_en: 'Education Committee', kind: 'specialist' },
  { slug: 'socialnamnden', name: 'Socialnämnden', name_en: 'Social Services Committee', kind: 'specialist' },
  { slug: 'exploateringsnamnden', name: 'Exploateringsnämnden', name_en: 'Development Committee', kind: 'specialist' },
  {
    slug: 'familjebostader',
    name: 'AB Familjebostäder',
    name_en: 'Familjebostäder (municipal housing company)',
    kind: 'company',
  },
  {
    slug: 'stockholmshem',
    name: 'AB Stockholmshem',
    name_en: 'Stockholmshem (municipal housing company)',
    kind: 'company',
  },
  {
    slug: 'svenska-bostader',
    name: 'AB Svenska Bostäder',
    name_en: 'Svenska Bostäder (municipal housing company)',
    kind: 'company',
  },
  {
    slug: 'sisab',
    name: 'SISAB, Skolfastigheter i Stockholm AB',
    name_en: 'SISAB (school buildings company)',
    kind: 'company',
  },
  {
    slug: 'stockholm-parkering',
    name: 'Stockholm Parkering AB',
    name_en: 'Stockholm Parkering (parking company)',
    kind: 'company',
  },
  {
    slug: UNIT.publicTransport,
    name: 'SL, Region Stockholm (trafikförvaltningen)',
    name_en: 'SL public transport, Region Stockholm (partner, not city-owned)',
    kind: 'partner',
  },
  { slug: UNIT.police, name: 'Polismyndigheten (Polisen)', name_en: 'Swedish Police Authority', kind: 'partner' },
];

/**
 * A function mailbox for the demo on the reserved `.example` domain, so that no real address is invented.
 * Phone numbers are left empty for the same reason.
 */
function exampleMailbox(slug: string): string {
  return `trygghet.${slug}@stockholm.example`;
}

/** Inserts every unit; returns unit ids by slug and the number inserted per kind. */
export async function seedUnits(
  db: Db,
  organisationId: string,
): Promise<{ ids: Map<string, string>; counts: Record<UnitKind, number> }> {
  const rows: NewUnit[] = [
    ...DISTRICTS.map(
      (d): NewUnit => ({
        organisation_id: organisationId,
        slug: d.slug,
        name: d.unitName,
        name_en: `${d.areaName} District Council`,
        kind: 'district',
        valid_from: d.validFrom,
        valid_to: d.validTo,
        contact_email: exampleMailbox(d.slug),
      }),
    ),
    ...OTHER_UNITS.map(
      (u): NewUnit => ({
        organisation_id: organisationId,
        ...u,
        valid_from: null,
        valid_to: null,
        contact_email: exampleMailbox(u.slug),
      }),
    ),
  ];
  const inserted = await insertUnits(db, rows);
  const counts: Record<UnitKind, number> = { district: 0, specialist: 0, company: 0, partner: 0 };
  for (const r of rows) counts[r.kind]++;
  return { ids: new Map(inserted.map((r) => [r.slug, r.id])), counts };
}

/** The id of a unit slug, or a clear error (a missing owner would otherwise become a silent NULL). */
export function unitId(ids: Map<string, string>, slug: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`unit '${slug}' was not seeded`);
  return id;
}
