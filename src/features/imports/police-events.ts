import { z } from 'zod';
import { localParts, zonedTimeToEpochMs } from '../../domain/calendar/index.js';

/** One event exactly as polisen.se/api/events returns it. */
export const PoliceEventSchema = z.object({
  id: z.number().int(),
  datetime: z.string(),
  name: z.string(),
  summary: z.string(),
  url: z.string(),
  type: z.string(),
  location: z.object({ name: z.string(), gps: z.string() }),
});
export type PoliceEvent = z.infer<typeof PoliceEventSchema>;

/**
 * Parses the API's timestamp, e.g. '2026-01-17 7:24:39 +01:00' (hour not zero-padded, a space before
 * the offset), which `new Date()` does not accept portably. Returns null for anything else.
 * @example parsePoliceDateTime('2026-01-17 7:24:39 +01:00')?.toISOString() // '2026-01-17T06:24:39.000Z'
 */
export function parsePoliceDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) ([+-])(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s, oh, om] = [m[1], m[2], m[3], m[4], m[5], m[6], m[8], m[9]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || oh > 14 || om > 59) return null;
  const offsetMinutes = (m[7] === '-' ? -1 : 1) * (oh * 60 + om);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000);
}

/** The police write their notices on Swedish time, wherever the organisation reading them is. */
const POLICE_TIME_ZONE = 'Europe/Stockholm';

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/**
 * When the event happened: the title starts with the local day and time ('17 januari 23.39, Misshandel,
 * Stockholm'), while `datetime` is when the notice was published, often hours later. The title has no
 * year: the one that puts it closest to publication (a late-December event published in January belongs
 * to the year before). Falls back to the publication time when the title does not parse or lies after it.
 */
export function policeOccurredAt(event: Pick<PoliceEvent, 'name'>, published: Date): Date {
  const m = /^(\d{1,2}) ([a-zåäö]+) (\d{1,2})[.:](\d{2})\b/.exec(event.name);
  const month = m ? MONTHS.indexOf(m[2]!) + 1 : 0;
  if (!m || month === 0) return published;
  const { year } = localParts(published, POLICE_TIME_ZONE);
  const [closest] = [year, year - 1, year + 1]
    .map((y) => new Date(zonedTimeToEpochMs(y, month, Number(m[1]), Number(m[3]), Number(m[4]), POLICE_TIME_ZONE)))
    .sort((a, b) => Math.abs(a.getTime() - published.getTime()) - Math.abs(b.getTime() - published.getTime()));
  // A title time after publication is an announcement ('01 maj 08:00, Övrigt' published in April):
  // the notice itself is what Trygg records, so it is dated when it was published.
  return closest!.getTime() <= published.getTime() ? closest! : published;
}

/** Why a police notice is not loaded as an incident. */
export type PoliceSkipReason =
  | 'other_location'
  | 'summary'
  | 'about_person'
  | 'police_activity'
  | 'not_an_event'
  | 'invalid';

/**
 * Notices that are not events at a place. Person notices (missing/wanted person, found dead) are left
 * out on principle: Trygg records places and events, never persons. Controls are police-initiated
 * activity, not reports: counting them would make police presence look like disorder.
 */
const SKIPPED_TYPES: Record<string, PoliceSkipReason> = {
  'Försvunnen person': 'about_person',
  'Efterlyst person': 'about_person',
  'Anträffad död': 'about_person',
  Trafikkontroll: 'police_activity',
  Kontroll: 'police_activity',
  'Kontroll person/fordon': 'police_activity',
  Information: 'not_an_event',
  Uppdatering: 'not_an_event',
};

/**
 * Police event type → Trygg category. Robbery counts as violence (force or threat against a person),
 * weapons-law and knife-law notices as 'annat' (possession, not an act of violence). Unlisted types → 'annat'.
 */
export const POLICE_TYPE_CATEGORY: Record<string, string> = {
  Skadegörelse: 'skadegorelse',
  'Sabotage mot blåljusverksamhet': 'skadegorelse',
  Brand: 'brand',
  'Brand automatlarm': 'brand',
  Mordbrand: 'brand',
  Misshandel: 'vald',
  'Misshandel, grov': 'vald',
  'Mord/dråp': 'vald',
  'Mord/dråp, försök': 'vald',
  'Våld/hot mot tjänsteman': 'vald',
  Rån: 'vald',
  'Rån, försök': 'vald',
  'Rån väpnat': 'vald',
  'Rån övrigt': 'vald',
  Skottlossning: 'vald',
  'Skottlossning, misstänkt': 'vald',
  Explosion: 'vald',
  Detonation: 'vald',
  Våldtäkt: 'vald',
  'Våldtäkt, försök': 'vald',
  Sexualbrott: 'vald',
  'Olaga frihetsberövande/människorov': 'vald',
  'Larm Överfall': 'vald',
  'Olaga hot': 'hot',
  Bombhot: 'hot',
  'Ofredande/förargelse': 'hot',
  'Hets mot folkgrupp': 'hot',
  Stöld: 'stold_inbrott',
  'Stöld, försök': 'stold_inbrott',
  'Stöld/inbrott': 'stold_inbrott',
  Inbrott: 'stold_inbrott',
  'Inbrott, försök': 'stold_inbrott',
  'Larm Inbrott': 'stold_inbrott',
  'Motorfordon, stöld': 'stold_inbrott',
  'Motorfordon, anträffat stulet': 'stold_inbrott',
  Häleri: 'stold_inbrott',
  Åldringsbrott: 'stold_inbrott',
  Hemfridsbrott: 'stold_inbrott',
  'Olaga intrång': 'stold_inbrott',
  Narkotikabrott: 'narkotika',
  Ordningslagen: 'ordningsstorning',
  Fylleri: 'ordningsstorning',
  'Fylleri/LOB': 'ordningsstorning',
  Bråk: 'ordningsstorning',
  Smällar: 'ordningsstorning',
  Alkohollagen: 'ordningsstorning',
  Sedlighetsbrott: 'ordningsstorning',
  Trafikolycka: 'trafikfara',
  'Trafikolycka, personskada': 'trafikfara',
  'Trafikolycka, singel': 'trafikfara',
  'Trafikolycka, smitning från': 'trafikfara',
  'Trafikolycka, vilt': 'trafikfara',
  Rattfylleri: 'trafikfara',
  Trafikbrott: 'trafikfara',
  Trafikhinder: 'trafikfara',
  'Olovlig körning': 'trafikfara',
};

/** Load it under a category, or skip it for a reason. */
export type PoliceDecision = { load: true; category: string } | { load: false; reason: PoliceSkipReason };

/**
 * The municipality a notice is about. Until January 2026 the API put it in `location.name`; since
 * 2026-01-20 it labels every event in the county 'Stockholms län' (with the county's centre point) and
 * the municipality survives only as the title's last part ('20 januari 07.24, Stöld/inbrott, Stockholm').
 */
export function policeMunicipality(event: Pick<PoliceEvent, 'name' | 'location'>): string {
  if (!event.location.name.endsWith(' län')) return event.location.name;
  return event.name.split(',').at(-1)!.trim();
}

/** Decides what to do with one notice for the municipality named `municipality` ('Stockholm'). */
export function classifyPoliceEvent(
  event: Pick<PoliceEvent, 'name' | 'type' | 'location'>,
  municipality: string,
): PoliceDecision {
  // Exact match on purpose: 'Stockholms län' notices about the whole county are not the city's.
  if (policeMunicipality(event) !== municipality) return { load: false, reason: 'other_location' };
  if (event.type.startsWith('Sammanfattning')) return { load: false, reason: 'summary' };
  const skip = SKIPPED_TYPES[event.type];
  if (skip) return { load: false, reason: skip };
  return { load: true, category: POLICE_TYPE_CATEGORY[event.type] ?? 'annat' };
}

/** 'lat,lon' (latitude first, as the API sends it) → { lon, lat }, or null. */
export function parsePoliceGps(gps: string): { lon: number; lat: number } | null {
  const [lat, lon] = gps.split(',').map((s) => Number(s.trim()));
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lon, lat };
}
