import {
  addWeeks,
  isoWeekMonday,
  isoWeekOfDay,
  parseIsoWeek,
  previousWeek,
  sameWeekLastYear,
  today,
  weekBounds,
} from '../../domain/calendar/index.js';
import {
  DEFAULT_RATING_THRESHOLDS,
  type RatingThresholdsInput,
  type SituationQuery,
  type SituationReport,
} from '../../domain/situation.js';
import { heavyReadDb, type ServiceContext } from '../../core/context.js';
import { findOrganisationName } from '../../core/tenancy.repo.js';
import {
  type CategoryInfo,
  categoryRows,
  type Covers,
  coverage,
  neighbourhoodRows,
  tally,
  timeMatrix,
  totalsOf,
  trendOf,
  TREND_WEEKS,
} from './assemble.js';
import { BASELINE_WEEKS, weeklyEmerging } from './emerging-hotspots.js';
import { hotspotPlace, type NamingContext } from './hotspot-names.js';
import { streetNamesByCell } from '../places/streets.js';
import { annualCalendar, CALENDAR_YEARS } from './calendar.js';
import { listPreviousActions } from './meetings.repo.js';
import { listAnnotations, listRatings, listThresholds } from './ratings.repo.js';
import { type ReusedBody, reusedBody } from './compressed-body.js';
import { reportsForCaller } from './report-access.js';
import { createLru } from '../../core/lru.js';
import {
  countBreakdown,
  type IncidentScope,
  listCategories,
  listPlaces,
  listPopulations,
  listSourceSpans,
  listWeekPoints,
  readDataVersions,
} from './situation.repo.js';
import { type ReportScope, resolveScope } from './situation.scope.js';
import { type PlaceInfo, topPlaces, weeklyDensity, weeklyHotspots } from './spatial.js';
import {
  placeCountsOf,
  sumHours,
  weeklyCells,
  weeklyCounts,
  weeklyHours,
  weeklyPlaces,
  weekVersions,
} from './week-parts.js';

/** Weeks of the hour × weekday profile, ending with the report week (one week alone is too sparse). */
export const TIME_PROFILE_WEEKS = 13;

const cache = createLru<{ report: SituationReport; json: ReusedBody }>(256);

/**
 * The scope a query names (district or city), or NOT_FOUND / VALIDATION_FAILED. `versions` saves a round
 * trip when the caller has read them already.
 */
export async function situationScope(
  ctx: ServiceContext,
  areaId: string | null | undefined,
  versions?: Record<string, number>,
): Promise<ReportScope> {
  const v = versions ?? (await readDataVersions(ctx.db, ctx.organisation.id));
  const name = () => findOrganisationName(ctx.db, ctx.organisation.id);
  return resolveScope(ctx.db, { id: ctx.organisation.id, name }, areaId, String(v.areas ?? 0));
}

/** The weeks a report reads incidents from: its trend, time profile, hotspot baseline and årshjul's past years, up to its week. */
function reportWeeks(week: string) {
  // The baseline (52 weeks before the report week) starts one week before the 52-week trend.
  const trendStart = addWeeks(week, -(TREND_WEEKS - 1));
  const baselineStart = addWeeks(week, -BASELINE_WEEKS);
  const calendarFrom = `${parseIsoWeek(week).year - CALENDAR_YEARS}-W01`;
  return {
    trendStart,
    baselineStart,
    seriesFrom: calendarFrom < baselineStart ? calendarFrom : baselineStart,
    profileStart: addWeeks(week, -(TIME_PROFILE_WEEKS - 1)),
  };
}

/**
 * The situation report for a scope and week as every caller's figures are, all records included, as an
 * object and as its JSON text (what a frozen report keeps). Cached per process, keyed by
 * scope, week, filters, today's date (for "overdue"), the situation and area versions and the newest week
 * version among the weeks the report reads: a write by any process to one of those weeks invalidates it,
 * while incidents of later weeks (this week's, while the meeting looks at last week) leave it cached. The
 * JSON text keeps its compressed forms once a client has asked for them.
 */
export async function sharedSituationReport(
  ctx: ServiceContext,
  query: SituationQuery,
): Promise<{ report: SituationReport; json: ReusedBody; scope: ReportScope; key: string }> {
  // A heavy read: on the replica when the request may use it. The versions of the cache key are read from the
  // same database as the report, so an entry never holds figures older than its key says.
  const read = { ...ctx, db: heavyReadDb(ctx) };
  // One read of the data versions serves both the scope cache and the report cache.
  const versions = await readDataVersions(read.db, ctx.organisation.id, {
    from: reportWeeks(query.week).seriesFrom,
    to: query.week,
  });
  const scope = await situationScope(read, query.area_id, versions);
  const key = [
    ctx.organisation.id,
    scope.areaId ?? 'city',
    scope.areaVersion,
    query.week,
    query.category_group?.join(',') ?? '*',
    query.source?.join(',') ?? '*',
    today(ctx.organisation.timeZone),
    versions.weeks ?? 0,
    versions.situation ?? 0,
  ].join('|');
  const hit = cache.get(key);
  if (hit) return { ...hit, scope, key };
  const report = await buildReport(read, scope, query);
  const entry = { report, json: reusedBody(JSON.stringify(report)) };
  cache.set(key, entry);
  return { ...entry, scope, key };
}

/**
 * The situation report as the caller may see it (`reportsForCaller`): the shared report itself, or a copy
 * without what the caller may not see, cached beside it under the signature of what was left out.
 */
export async function getSituationReport(
  ctx: ServiceContext,
  query: SituationQuery,
): Promise<{ report: SituationReport; json: ReusedBody; scope: ReportScope }> {
  const { key, scope, ...shared } = await sharedSituationReport(ctx, query);
  const [view] = await reportsForCaller(ctx, scope.areaIds, [shared.report]);
  if (!view) return { ...shared, scope };
  const variantKey = `${key}|${view.signature}`;
  const variant = cache.get(variantKey) ?? { report: view.report, json: reusedBody(JSON.stringify(view.report)) };
  cache.set(variantKey, variant);
  return { ...variant, scope };
}

function thresholdsByDistrict(rows: Awaited<ReturnType<typeof listThresholds>>): Map<string, RatingThresholdsInput> {
  return new Map(
    rows.map((r) => [
      r.district_code,
      {
        viss_oro_from: r.viss_oro_from,
        oroligt_from: r.oroligt_from,
        allvarligt_from: r.allvarligt_from,
        violence_weight: Number(r.violence_weight),
        rise_raises_level: r.rise_raises_level,
      },
    ]),
  );
}

/**
 * Assembles a report from the weekly counts, the week's incidents, per-week parts (cached by week version,
 * see week-parts.ts) and the pure analyses; the report as a whole is not cached here.
 */
export async function buildReport(
  ctx: ServiceContext,
  scope: ReportScope,
  query: SituationQuery,
): Promise<SituationReport> {
  const organisationId = ctx.organisation.id;
  const { week } = query;
  const prev = previousWeek(week);
  const lastYear = sameWeekLastYear(week);
  const bounds = weekBounds(week, ctx.organisation.timeZone);
  const allCategories = await listCategories(ctx.db, organisationId);
  const groups = query.category_group;
  const categories: CategoryInfo[] = groups
    ? allCategories.filter((c) => groups.includes(c.group_code))
    : allCategories;
  const filter: IncidentScope = {
    organisationId,
    areaIds: scope.areaIds,
    categoryIds: groups ? categories.map((c) => c.id) : null,
    sources: query.source ?? null,
    timeZone: ctx.organisation.timeZone,
  };
  const codes = scope.neighbourhoods.map((n) => n.code);
  const reportYear = parseIsoWeek(week).year;
  const { trendStart, baselineStart, seriesFrom, profileStart } = reportWeeks(week);
  const day = today(ctx.organisation.timeZone);
  const parts = {
    db: ctx.db,
    scope: filter,
    versions: await weekVersions(ctx.db, organisationId, seriesFrom, week),
    key: [
      organisationId,
      scope.areaId ?? 'city',
      scope.areaVersion,
      filter.categoryIds?.join(',') ?? '*',
      filter.sources?.join(',') ?? '*',
    ].join('|'),
  };

  const [
    breakdown,
    weeklyMap,
    points,
    placeWeeks,
    hourWeeks,
    cellWeeks,
    spans,
    populations,
    thresholds,
    ratings,
    annotations,
    actions,
    scopePlaces,
  ] = await Promise.all([
    countBreakdown(ctx.db, filter, [week, prev, lastYear]),
    weeklyCounts(parts, seriesFrom, week),
    listWeekPoints(ctx.db, filter, bounds),
    weeklyPlaces(parts, trendStart, week),
    weeklyHours(parts, profileStart, week),
    weeklyCells(parts, baselineStart, prev),
    listSourceSpans(ctx.db, filter, [week, prev, lastYear]),
    listPopulations(ctx.db, organisationId, codes),
    listThresholds(ctx.db, organisationId),
    listRatings(ctx.db, organisationId, codes, [week, prev]),
    listAnnotations(ctx.db, organisationId, {
      areaIds: scope.areaIds === null ? null : [scope.areaId!, ...scope.areaIds],
      from: weekBounds(trendStart, ctx.organisation.timeZone).start.toISOString().slice(0, 10),
      to: bounds.end.toISOString().slice(0, 10),
    }),
    listPreviousActions(ctx.db, organisationId, scope.areaId, week, prev),
    listPlaces(ctx.db, organisationId, { neighbourhoodCodes: scope.kind === 'city' ? null : codes }),
  ]);

  const categoryById = new Map(allCategories.map((c) => [c.id, c]));
  const counts = tally(breakdown, scope, categoryById);
  const placeCounts = placeCountsOf(placeWeeks, week);
  const placeInfo = new Map<string, PlaceInfo>(scopePlaces.map((p) => [p.id, p]));
  const missing = placeCounts.flatMap((p) => (p.place_id && !placeInfo.has(p.place_id) ? [p.place_id] : []));
  // Incidents may name a place registered outside the scope's stadsdelar (a station on the border).
  for (const p of await listPlaces(ctx.db, organisationId, { ids: missing })) placeInfo.set(p.id, p);
  const confirmed = new Map(ratings.filter((r) => r.week === week).map((r) => [r.neighbourhood_code, r]));
  const previousConfirmed = new Map(ratings.filter((r) => r.week === prev).map((r) => [r.neighbourhood_code, r.level]));
  const monday = isoWeekMonday(week);
  const sources = query.source ?? null;
  const covers: Covers = [
    coverage(spans, sources, monday, isoWeekMonday(prev)),
    coverage(spans, sources, monday, isoWeekMonday(lastYear)),
  ];
  const studyCells = scope.studyCells();
  const hotspots = weeklyHotspots(points, studyCells, counts.coarseArea + counts.coarseMunicipality);
  const pointCells = new Map<string, number>();
  for (const p of points) pointCells.set(p.h3_r9, (pointCells.get(p.h3_r9) ?? 0) + 1);

  const streetNames = await streetNamesByCell(ctx.log);
  const naming: NamingContext = {
    neighbourhoods: scope.neighbourhoods,
    places: scopePlaces,
    streetOf: (cell) => streetNames.get(cell),
  };
  // Named once here, so the page, the PDF and the workbook call a hotspot the same.
  const named = <C extends { cell: string }>(cells: readonly C[]) =>
    cells.map((c) => ({ ...c, place: hotspotPlace(c.cell, pointCells.get(c.cell) ?? 0, naming) }));
  const emerging = weeklyEmerging(pointCells, [...cellWeeks.values()], studyCells, { from: baselineStart, to: prev });

  return {
    scope: { kind: scope.kind, area_id: scope.areaId, code: scope.code, name: scope.name },
    week,
    previous_week: prev,
    same_week_last_year: lastYear,
    period: { start: bounds.start.toISOString(), end: bounds.end.toISOString() },
    filters: { category_group: groups ?? null, source: query.source ?? null },
    generated_at: new Date().toISOString(),
    totals: totalsOf(counts, covers),
    neighbourhoods: neighbourhoodRows(
      scope,
      counts,
      populations,
      reportYear,
      { thresholds: thresholdsByDistrict(thresholds), confirmed, previousConfirmed },
      covers,
    ),
    categories: categoryRows(counts, categories, covers),
    hotspots: { ...hotspots, cells: named(hotspots.cells) },
    emerging: emerging && { ...emerging, cells: named(emerging.cells) },
    density: weeklyDensity(points),
    points: points.map((p) => ({
      id: p.id,
      lon: p.lon,
      lat: p.lat,
      category: categoryById.get(p.category_id)?.code ?? 'annat',
      precision: p.precision,
      place_id: p.place_id,
    })),
    top_places: topPlaces(
      placeCounts,
      placeInfo,
      scopePlaces.map((p) => p.id),
      { from: trendStart, to: week },
    ),
    time_profile: { from_week: profileStart, to_week: week, ...timeMatrix(sumHours(hourWeeks)) },
    trend: trendOf(weeklyMap, week),
    calendar: annualCalendar(new Map([...weeklyMap].map(([w, c]) => [w, c.count])), week),
    // Without the row's version: a report, above all a frozen one, is no copy to edit from (the schema omits it).
    annotations: annotations.map(({ version: _, ...a }) => ({ ...a, week: isoWeekOfDay(a.date) })),
    previous_actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      unit_id: a.unit_id,
      unit_name: a.unit_name,
      due_date: a.due_date,
      status: a.status,
      meeting_week: a.meeting_week,
      overdue: a.status === 'open' && a.due_date < day,
    })),
  };
}

/** The thresholds a district uses (its own, or the defaults). */
export async function getThresholds(ctx: ServiceContext, districtCode: string) {
  const rows = await listThresholds(ctx.db, ctx.organisation.id);
  const own = rows.find((r) => r.district_code === districtCode);
  const values = own ? thresholdsByDistrict([own]).get(districtCode)! : DEFAULT_RATING_THRESHOLDS;
  return { district_code: districtCode, ...values, customised: Boolean(own) };
}
