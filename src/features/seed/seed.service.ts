import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { localDay } from '../../domain/calendar/index.js';
import type { PlaceSetting, UnitKind } from '../../domain/org.js';
import type { PoliceSkipReason } from '../imports/police-events.js';
import { recordAudit } from '../../core/audit.repo.js';
import { seedAreas } from './areas.seed.js';
import { seedCategories } from './categories.seed.js';
import { seedDemoIncidents } from './demo.seed.js';
import { seedLibraryEvaluation } from './evaluation.seed.js';
import { seedPlaces } from './places.seed.js';
import { seedPoliceEvents } from './police.seed.js';
import { seedProgrammeDocuments } from './programme-documents.seed.js';
import { seedReporting } from './reporting.seed.js';
import { seedProgramme } from './programme.seed.js';
import { seedSurveys } from './surveys.seed.js';
import { seedDefaultChecklist } from '../walks/checklist.service.js';
import { analyzeSeededTables, findOrganisationId, insertOrganisation } from './seed.repo.js';
import { resolveSharedDataDir } from './shared-data.js';
import { seedUnits, UNIT, unitId } from './units.seed.js';

export { DEFAULT_SHARED_DATA_DIR, resolveSharedDataDir } from './shared-data.js';

export const STOCKHOLM = {
  slug: 'stockholm',
  name: 'Stockholms stad',
  municipality_code: '0180',
  time_zone: 'Europe/Stockholm',
} as const;
export const DEFAULT_DEMO_INCIDENTS = 50_000;
export const DEFAULT_DEMO_SEED = 20_231;

export interface SeedOptions {
  /** Folder with the shared public data; default env TRYGG_SHARED_DATA, else ../shared/data beside the project. */
  sharedDataDir?: string;
  /** Generated demo incidents in all, over the three years before `now` (default 50,000; 0 for none). */
  demoIncidents?: number;
  /** Seed of the demo generator: the same seed and `now` give identical rows. */
  demoSeed?: number;
  /** Load the Stockholm-city police notices (default true). */
  police?: boolean;
  /** The moment the demo years end and whose district layout owns the places (default: the current time). */
  now?: Date;
}

/** What a seed run inserted (all zero when the organisation already existed). */
export interface SeedReport {
  organisation: { id: string; slug: string };
  /** True when the organisation existed already and nothing was done. */
  alreadySeeded: boolean;
  units: Record<UnitKind, number>;
  areas: { district: number; neighbourhood: number };
  populations: number;
  places: Record<PlaceSetting, number> & {
    byType: Record<string, number>;
    skipped: Array<{ name: string; reason: string }>;
  };
  categories: number;
  demoIncidents: number;
  policeIncidents: number;
  policeSkipped: Record<PoliceSkipReason, number>;
  /** Published safety-survey results (area × question × year). */
  surveyResults: number;
  /** Staff reports of the worked library evaluation (Högdalen and two comparison libraries, 2017–2020). */
  evaluationIncidents: number;
  /** Wall-clock milliseconds per step, for the "first npm start" budget. */
  timingsMs: Record<string, number>;
}

function emptyReport(organisation: SeedReport['organisation'], alreadySeeded: boolean): SeedReport {
  return {
    organisation,
    alreadySeeded,
    units: { district: 0, specialist: 0, company: 0, partner: 0 },
    areas: { district: 0, neighbourhood: 0 },
    populations: 0,
    places: { indoor: 0, outdoor: 0, byType: {}, skipped: [] },
    categories: 0,
    demoIncidents: 0,
    policeIncidents: 0,
    surveyResults: 0,
    evaluationIncidents: 0,
    policeSkipped: { other_location: 0, summary: 0, about_person: 0, police_activity: 0, not_an_event: 0, invalid: 0 },
    timingsMs: {},
  };
}

/**
 * Seeds the Stockholm demo organisation from the shared public data: units, districts and neighbourhoods
 * of both layouts, populations, categories, places, police notices and three generated demo years. One
 * transaction: a failure anywhere leaves nothing behind. Idempotent: if organisation 'stockholm' exists,
 * nothing is done and the report says `alreadySeeded`.
 */
export async function seedStockholm(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedReport> {
  const dir = resolveSharedDataDir(options.sharedDataDir);
  const now = options.now ?? new Date();
  const day = localDay(now, STOCKHOLM.time_zone);
  return db.transaction().execute(async (trx) => {
    const existing = await findOrganisationId(trx, STOCKHOLM.slug);
    if (existing) return emptyReport({ id: existing.id, slug: STOCKHOLM.slug }, true);

    const organisationId = await insertOrganisation(trx, STOCKHOLM);
    const report = emptyReport({ id: organisationId, slug: STOCKHOLM.slug }, false);
    const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      try {
        return await run();
      } finally {
        report.timingsMs[step] = Math.round(performance.now() - start);
      }
    };

    const categoryIds = await timed('categories', () => seedCategories(trx, organisationId));
    report.categories = categoryIds.size;
    const units = await timed('units', () => seedUnits(trx, organisationId));
    report.units = units.counts;
    const areas = await timed('areas', () => seedAreas(trx, organisationId, dir, units.ids));
    report.areas = { district: areas.counts.district, neighbourhood: areas.counts.neighbourhood };
    report.populations = areas.counts.populations;
    const { places, report: placeReport } = await timed('places', () =>
      seedPlaces(trx, organisationId, dir, units.ids, areas, day),
    );
    report.places = { ...placeReport.bySetting, byType: placeReport.byType, skipped: placeReport.skipped };

    if (options.police ?? true) {
      const police = await timed('police', () =>
        seedPoliceEvents(trx, dir, {
          organisation: report.organisation,
          index: areas.index,
          timeZone: STOCKHOLM.time_zone,
          categoryIds,
          policeUnitId: unitId(units.ids, UNIT.police),
        }),
      );
      report.policeIncidents = police.loaded;
      report.policeSkipped = police.skipped;
    }

    const count = options.demoIncidents ?? DEFAULT_DEMO_INCIDENTS;
    if (count > 0) {
      report.demoIncidents = await timed('demo', () =>
        seedDemoIncidents(trx, dir, {
          organisation: report.organisation,
          count,
          seed: options.demoSeed ?? DEFAULT_DEMO_SEED,
          now,
          timeZone: STOCKHOLM.time_zone,
          areas,
          places,
          categoryIds,
        }),
      );
    }

    report.surveyResults = await timed('surveys', () => seedSurveys(trx, organisationId, dir));
    await timed('walkChecklist', () => seedDefaultChecklist(trx, organisationId));
    await timed('analyze', () => analyzeSeededTables(trx));
    // Last: baselines and follow-ups are computed from the incidents seeded above.
    const programme = await timed('programme', () =>
      seedProgramme(trx, {
        organisation: { ...report.organisation, timeZone: STOCKHOLM.time_zone },
        units: units.ids,
        places,
        now,
      }),
    );
    report.evaluationIncidents = await timed('evaluation', () =>
      seedLibraryEvaluation(trx, {
        organisation: { ...report.organisation, timeZone: STOCKHOLM.time_zone },
        places,
        categoryIds,
        measureId: programme.libraryModelMeasureId,
      }),
    );
    await timed('programmeDocuments', () =>
      seedProgrammeDocuments(trx, {
        organisation: { ...report.organisation, timeZone: STOCKHOLM.time_zone },
        units: units.ids,
      }),
    );
    await timed('reporting', () =>
      seedReporting(trx, {
        organisation: { ...report.organisation, timeZone: STOCKHOLM.time_zone },
        units: units.ids,
        now,
      }),
    );

    const { timingsMs: _timings, ...counts } = report;
    await recordAudit(trx, {
      organisationId,
      actor: 'system',
      action: 'seed',
      entityType: 'organisation',
      entityId: organisationId,
      after: { ...counts, sharedDataDir: dir, demoSeed: options.demoSeed ?? DEFAULT_DEMO_SEED, now: now.toISOString() },
    });
    return report;
  });
}
