import type { ClosureReason, IncidentStatus } from '../../db/schema.js';
import type { TimeProfile } from './demo-time.js';

/**
 * The assumptions behind the demo years, in one place so they can be read and argued with. None of the
 * numbers is a statistic; they are chosen so the demo looks like real report data (clusters at a few
 * places, evenings and weekends, seasons), and the UI labels every demo row as generated.
 */

/** The demo covers three years before the seed day, so "same week last year" and the årshjul have history. */
export const DEMO_YEARS = 3;

/**
 * Reports grow about six per cent a year: more staff and residents learn where to report. A modest,
 * steady change, so year-on-year comparisons show a plausible rise rather than a flat copy.
 */
export const YEARLY_CHANGE = 1.06;

/** Share of reports tied to a place (square, station, library …); the rest are street reports. */
export const PLACE_SHARE = 0.6;

type Mix = Readonly<Record<string, number>>;

/** Category weights by where the report is made; 'area' means a street report in a neighbourhood. */
export const CATEGORY_MIX: Readonly<Record<string, Mix>> = {
  metro_entrance: {
    klotter: 24,
    skadegorelse: 18,
    nedskrapning: 12,
    ordningsstorning: 12,
    otrygg_plats: 8,
    narkotika: 7,
    vald: 5,
    hot: 4,
    stold_inbrott: 5,
    trasig_belysning: 3,
    annat: 2,
  },
  square: {
    ordningsstorning: 22,
    narkotika: 14,
    nedskrapning: 13,
    otrygg_plats: 9,
    klotter: 8,
    skadegorelse: 8,
    vald: 8,
    hot: 6,
    stold_inbrott: 7,
    trasig_belysning: 2,
    brand: 1,
    annat: 2,
  },
  park: {
    otrygg_plats: 18,
    trasig_belysning: 16,
    nedskrapning: 16,
    ordningsstorning: 11,
    narkotika: 10,
    skadegorelse: 9,
    klotter: 8,
    vald: 4,
    hot: 3,
    brand: 3,
    annat: 2,
  },
  library: {
    ordningsstorning: 30,
    hot: 12,
    stold_inbrott: 12,
    skadegorelse: 9,
    otrygg_plats: 9,
    klotter: 6,
    narkotika: 4,
    vald: 4,
    nedskrapning: 4,
    brand: 1,
    annat: 9,
  },
  archive_reading_room: {
    ordningsstorning: 20,
    hot: 10,
    stold_inbrott: 20,
    skadegorelse: 10,
    otrygg_plats: 10,
    annat: 30,
  },
  museum: { ordningsstorning: 25, stold_inbrott: 20, skadegorelse: 20, klotter: 10, hot: 10, annat: 15 },
  // School yards after hours: graffiti, broken windows, small fires and gatherings.
  school: {
    klotter: 22,
    skadegorelse: 20,
    nedskrapning: 14,
    ordningsstorning: 12,
    brand: 7,
    otrygg_plats: 8,
    trasig_belysning: 6,
    narkotika: 5,
    stold_inbrott: 4,
    annat: 2,
  },
  area: {
    skadegorelse: 14,
    klotter: 14,
    nedskrapning: 14,
    trasig_belysning: 10,
    otrygg_plats: 9,
    ordningsstorning: 10,
    stold_inbrott: 10,
    trafikfara: 9,
    brand: 3,
    narkotika: 4,
    vald: 2,
    hot: 1,
  },
};

/** How often a place of a type is reported, per place (squares draw the most per site). */
export const PLACE_TYPE_WEIGHT: Readonly<Record<string, number>> = {
  square: 8,
  park: 4,
  metro_entrance: 2,
  library: 2,
  archive_reading_room: 0.5,
  museum: 0.7,
  // Many yards, each reported now and then: together about a tenth of the place reports.
  school: 0.3,
};

/** A few places with many more reports, as in every real city: the demo's repeat places. */
export const HOT_PLACES: Readonly<Record<string, number>> = {
  'sergels-torg': 5,
  medborgarplatsen: 4,
  't-centralen-tunnelbana': 5,
  'rinkeby-torg': 5,
  hogdalstorget: 5,
  'hogdalens-bibliotek': 6,
  'skarholmens-centrum': 4,
};

/** Gaussian spread (metres) of GPS-located reports around a place or a street anchor. */
export const JITTER_M: Readonly<Record<string, number>> = {
  metro_entrance: 35,
  square: 45,
  park: 90,
  school: 40,
  area: 150,
};

/**
 * Street-report intensity by neighbourhood code: local centres and the inner city get more, industrial
 * and nature areas with few residents (see the notes in stadsdel_to_stadsdelsomrade.csv) get fewer.
 */
export function neighbourhoodIntensity(code: string): number {
  if (HIGH.has(code)) return 3;
  if (LOW.has(code)) return 0.15;
  return 1;
}
const HIGH = new Set([
  'norrmalm',
  'vasastaden',
  'sodermalm',
  'gamla-stan',
  'kungsholmen',
  'ostermalm',
  'rinkeby',
  'tensta',
  'husby',
  'kista',
  'akalla',
  'skarholmen',
  'farsta',
  'hogdalen',
  'vallingby',
  'hagsatra',
  'ragsved',
  'bredang',
  'liljeholmen',
  'johanneshov',
]);
const LOW = new Set([
  'hansta',
  'lunda',
  'flaten',
  'orhem',
  'skrubba',
  'farstanaset',
  'ulvsunda-industriomrade',
  'riddarholmen',
  'norra-djurgarden',
  'ballsta',
  'eneby',
  'olovslund',
  'akeshov',
  'langholmen',
  'reimersholme',
  'skeppsholmen',
]);

/** Which hours a category's reports fall in. */
export const CATEGORY_PROFILE: Readonly<Record<string, TimeProfile>> = {
  ordningsstorning: 'night',
  narkotika: 'night',
  vald: 'night',
  hot: 'night',
  klotter: 'evening',
  skadegorelse: 'evening',
  stold_inbrott: 'evening',
  brand: 'evening',
  nedskrapning: 'day',
  trafikfara: 'day',
  annat: 'day',
  trasig_belysning: 'dark',
  otrygg_plats: 'dark',
};

/** Found afterwards rather than seen happening: reported hours later, not minutes. */
export const FOUND_LATER = new Set(['klotter', 'skadegorelse', 'nedskrapning', 'trasig_belysning']);

/** Zone weights inside libraries and archive reading rooms. */
export const ZONE_WEIGHT: Readonly<Record<string, number>> = { entre: 45, lasesal: 30, barnavdelning: 25 };

/** Share of place reports filed by staff of the owner unit (libraries have staff on site; squares do not). */
export const STAFF_SHARE: Readonly<Record<string, number>> = {
  library: 0.6,
  archive_reading_room: 0.7,
  museum: 0.6,
  metro_entrance: 0.25,
  square: 0.1,
  park: 0.1,
  school: 0.3,
};

/**
 * Status by the report's age in days: recent reports are open, old ones mostly fixed. Returns
 * thresholds on one uniform draw so the mix stays readable.
 */
export function statusFor(ageDays: number, u: number): { status: IncidentStatus; closure: ClosureReason | null } {
  const [pNew, pProgress] = ageDays < 3 ? [0.55, 0.3] : ageDays < 30 ? [0.1, 0.3] : [0.01, 0.04];
  if (u < pNew) return { status: 'new', closure: null };
  if (u < pNew + pProgress) return { status: 'in_progress', closure: null };
  const c = (u - pNew - pProgress) / (1 - pNew - pProgress);
  return {
    status: 'closed',
    closure: c < 0.84 ? 'fixed' : c < 0.92 ? 'duplicate' : c < 0.97 ? 'wont_fix' : 'not_ours',
  };
}
