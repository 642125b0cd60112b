import { AppError } from '../../domain/errors.js';
import { localMinute } from '../../domain/calendar/index.js';
import type { ImportField, ImportOptions, ImportProfile, PreviewRow, SourceColumn } from '../../domain/imports.js';
import type { AdmissionLookups } from '../incidents/admission.js';
import type { ServiceContext } from '../../core/context.js';
import { findOrganisationName } from '../../core/tenancy.repo.js';
import { getAreaIndex } from '../org/area-index.service.js';
import { columnNames, describeColumns, resolveColumns } from './column-mapping.js';
import type { RowDefaults } from './stage.repo.js';
import { findUnitIdBySlug, listAreasForImport, listCategoriesForImport, listPlacesForImport } from './imports.repo.js';
import { areaMatcher, type CategoryInfo, categoryResolver, placeMatcher } from './lookups.js';
import { POLICE_LOCATIONS } from './police-locations.js';
import { mapPoliceRecord, POLICE_STATUS_NOTE, POLICE_UNIT_SLUG } from './police-mapper.js';
import type { RecordSource, SourceRecord } from './readers/record-source.js';
import { type MappedRow, mapTabularRow } from './row-mapper.js';

/** Rows read ahead to recognise columns by their content (a separate time column, say). */
export const SAMPLE_ROWS = 50;

/** Everything a run needs to turn records into rows, resolved once before the first row. */
export interface ImportPlan {
  mapRecord(record: SourceRecord): MappedRow;
  defaults: Omit<RowDefaults, 'runId'>;
  keepNear: boolean;
  columns: Partial<Record<ImportField, string>>;
  /** Every column of the file: mapped (to which field, found how), ignored on purpose, or not used. */
  sourceColumns: SourceColumn[];
  /** An accepted row as it will be stored, for the report's preview. */
  preview(m: Extract<MappedRow, { kind: 'ok' }>): PreviewRow;
}

function previewer(categories: readonly CategoryInfo[], timeZone: string): ImportPlan['preview'] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return ({ candidate: c, place }) => {
    const category = byId.get(c.categoryId);
    return {
      row: c.row,
      occurred_at: c.occurredAt.toISOString(),
      occurred_local: localMinute(c.occurredAt, timeZone),
      category: category?.code ?? '',
      category_label: { sv: category?.label_sv ?? '', en: category?.label_en ?? '' },
      place: place?.name ?? null,
      precision: c.precision,
    };
  };
}

/**
 * The police location name of an organisation: its own setting, else its name without ' stad'/' kommun'
 * and the genitive s ('Stockholms stad' → 'Stockholm'; 'Västerås stad' keeps its s because the API's
 * names are matched case- and s-tolerantly below).
 */
function municipalityNames(organisationName: string): string[] {
  const base = organisationName.replace(/\s+(stad|kommun)$/i, '').trim();
  return base.endsWith('s') ? [base.slice(0, -1), base] : [base];
}

/** The point the police API gives each location name, by lower-case name. */
const policeLocationPoints = new Map(
  POLICE_LOCATIONS.map(([name, lon, lat]) => [name.toLocaleLowerCase('sv'), { name, lon, lat }]),
);

/**
 * The organisation's municipality as the police API names it, with the API's point for it. A name the API
 * does not use keeps no point: its county-labelled notices are then reported row by row (`unknown_location`).
 */
async function policeMunicipality(ctx: ServiceContext, options: ImportOptions) {
  if (options.police_location) {
    return (
      policeLocationPoints.get(options.police_location.toLocaleLowerCase('sv')) ?? { name: options.police_location }
    );
  }
  const candidates = municipalityNames(await findOrganisationName(ctx.db, ctx.organisation.id));
  for (const name of candidates) {
    const point = policeLocationPoints.get(name.toLocaleLowerCase('sv'));
    if (point) return point;
  }
  return { name: candidates[0]! };
}

/**
 * Resolves profile, options, taxonomy, places, areas and reporting unit into a plan for this file; `sample`
 * (the first records) lets columns be recognised by what they hold.
 */
export async function prepareImport(
  ctx: ServiceContext,
  source: RecordSource,
  profile: ImportProfile | null,
  options: ImportOptions,
  sample: readonly SourceRecord[] = [],
): Promise<ImportPlan> {
  const organisationId = ctx.organisation.id;
  const police = source.format === 'police';
  const [index, categories] = await Promise.all([
    getAreaIndex(ctx.db, organisationId),
    listCategoriesForImport(ctx.db, organisationId),
  ]);
  const profileMap = new Map(
    Object.entries(profile?.category_map ?? {}).flatMap(([value, code]) => {
      const id = categories.find((c) => c.code === code)?.id;
      return id ? [[value, id] as const] : [];
    }),
  );
  const resolver = categoryResolver(categories, profileMap, police);
  const unitSlug = options.reporting_unit ?? (police ? POLICE_UNIT_SLUG : undefined);
  const unit = unitSlug ? await findUnitIdBySlug(ctx.db, organisationId, unitSlug) : undefined;
  if (options.reporting_unit && !unit) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { path: 'options.reporting_unit', code: 'unknown_unit', message: `no unit '${options.reporting_unit}'` },
      ],
    });
  }
  const defaults: ImportPlan['defaults'] = {
    organisationId,
    source: police ? 'police' : 'import',
    reportingUnitId: unit?.id ?? null,
    closed: police ? { note: POLICE_STATUS_NOTE } : null,
    // Imported rows are history, not work waiting: no file routes its incidents to an inbox.
    routing: 'none',
  };
  const lookups: AdmissionLookups = {
    areas: index,
    timeZone: ctx.organisation.timeZone,
    category: (name) => resolver.resolve(name)?.category ?? null,
    now: Date.now(),
  };

  if (police) {
    const municipality = await policeMunicipality(ctx, options);
    const pctx = { lookups, categories: resolver, municipality, swapCoordinates: options.swap_coordinates };
    return {
      defaults,
      keepNear: options.keep_near_duplicates,
      columns: {},
      sourceColumns: [],
      preview: previewer(categories, ctx.organisation.timeZone),
      mapRecord: (r) =>
        r.kind === 'police' ? mapPoliceRecord(r, pctx) : { kind: 'skip', row: r.row, reason: 'not_police' },
    };
  }
  const sampleRows = sample.flatMap((r) => (r.kind === 'tabular' ? [r.cells] : []));
  const ignore = options.ignore_columns;
  const resolution = resolveColumns(source.columns, profile?.columns ?? {}, source.format === 'geojson', {
    rows: sampleRows,
    dateOrder: options.date_order,
    ignore,
  });
  const { indexes } = resolution;
  const needsPlaces = indexes.place !== undefined || indexes.address !== undefined;
  const findPlace = placeMatcher(needsPlaces ? await listPlacesForImport(ctx.db, organisationId) : []);
  const findArea = areaMatcher(needsPlaces ? await listAreasForImport(ctx.db, organisationId) : []);
  const mctx = {
    lookups,
    columns: indexes,
    headers: source.columns,
    findPlace,
    findArea,
    dateOrder: options.date_order,
    crs: options.crs,
    swapCoordinates: options.swap_coordinates,
  };
  return {
    defaults,
    keepNear: options.keep_near_duplicates,
    columns: columnNames(source.columns, indexes),
    sourceColumns: describeColumns(source.columns, resolution, ignore),
    preview: previewer(categories, ctx.organisation.timeZone),
    mapRecord: (r) =>
      r.kind === 'tabular' ? mapTabularRow(r, mctx) : { kind: 'skip', row: r.row, reason: 'not_tabular' },
  };
}
