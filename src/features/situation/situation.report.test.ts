import { beforeAll, expect, it } from 'vitest';
import { type IncidentCreateInput, IncidentCreateSchema } from '../../domain/incidents.js';
import type { ServiceContext } from '../../core/context.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident } from '../incidents/incidents.service.js';
import { countByCategory } from './situation.repo.js';
import { getSituationReport } from './situation.service.js';
import { DEFAULT_TIME_ZONE, weekBounds } from '../../domain/calendar/index.js';

/** Incidents in the south square (lon 18.00–18.05, lat 59.25–59.30) unless a point is given. */
export async function addIncidents(
  ctx: ServiceContext,
  n: number,
  base: Partial<IncidentCreateInput> & { occurred_at: string },
  at?: (i: number) => { lon: number; lat: number },
) {
  for (let i = 0; i < n; i++) {
    await createIncident(
      ctx,
      IncidentCreateSchema.parse({ category: 'klotter', lon: 18.02, lat: 59.27, ...base, ...(at?.(i) ?? {}) }),
    );
  }
}

/** 30 points on a 6 × 5 grid over the south square, each in its own res-9 cell: no place stands out. */
export const uniformPoint = (i: number) => ({
  lon: 18.004 + (i % 6) * 0.0085,
  lat: 59.254 + Math.floor(i / 6) * 0.0095,
});

describeEachEngine('situation report assembly', (getDb) => {
  let org: TestOrganisation;
  let ctx: ServiceContext;

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db, 'lagesbild');
    ctx = testContext(getDb().db, org.organisation);
    // Week 2026-W40 (Mon 28 Sep – Sun 4 Oct): south 3 graffiti + 2 violence (exact) + 1 vandalism (area only),
    // north 1 fire, and 2 police notices placed only at the municipality.
    await addIncidents(ctx, 3, { occurred_at: '2026-09-30T12:00:00+02:00' });
    await addIncidents(ctx, 2, { occurred_at: '2026-10-02T23:30:00+02:00', category: 'vald' });
    await addIncidents(ctx, 1, {
      occurred_at: '2026-10-04T23:59:00+02:00',
      category: 'skadegorelse',
      precision: 'area',
    });
    await addIncidents(ctx, 1, { occurred_at: '2026-09-29T08:00:00+02:00', category: 'brand', lon: 18.02, lat: 59.37 });
    await addIncidents(ctx, 2, {
      occurred_at: '2026-10-01T20:00:00+02:00',
      category: 'ordningsstorning',
      precision: 'municipality',
      source: 'police',
    });
    // Not in W40: Monday 00:00 of W41 local time, and the weeks of reference.
    await addIncidents(ctx, 1, { occurred_at: '2026-10-05T00:00:00+02:00' });
    await addIncidents(ctx, 1, { occurred_at: '2026-09-23T12:00:00+02:00' });
    await addIncidents(ctx, 4, { occurred_at: '2025-10-01T12:00:00+02:00' });
    // 2026-W42: 40 reports at one spot on top of an even spread; 2026-W43: the even spread alone.
    await addIncidents(ctx, 40, { occurred_at: '2026-10-14T21:00:00+02:00' }, () => ({ lon: 18.025, lat: 59.275 }));
    await addIncidents(ctx, 30, { occurred_at: '2026-10-15T12:00:00+02:00' }, uniformPoint);
    await addIncidents(ctx, 30, { occurred_at: '2026-10-21T12:00:00+02:00' }, uniformPoint);
  }, 120_000);

  it('counts a district-week exactly, by stadsdel and category, with changes against last week and last year', async () => {
    const { report } = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W40' });
    expect(report.scope).toMatchObject({ kind: 'district', code: 'south-district', name: 'Söder' });
    expect(report.period).toEqual({ start: '2026-09-27T22:00:00.000Z', end: '2026-10-04T22:00:00.000Z' });
    expect(report.totals).toMatchObject({ count: 6, points: 5, coarse_area: 1, coarse_municipality: 0 });
    expect(report.totals.vs_previous_week.reference).toBe(1);
    expect(report.totals.vs_last_year.reference).toBe(4);
    // 6 against 4: 2·P(X ≥ 6 | X ~ Bin(10, ½)) = 2·386/1024.
    expect(report.totals.vs_last_year.p_exact).toBeCloseTo(772 / 1024, 10);
    expect(report.totals.vs_last_year.significant).toBe(false);
    expect(report.neighbourhoods).toEqual([
      expect.objectContaining({ code: 'south', name: 'Söderby', count: 6, coarse: 1, violence: 2 }),
    ]);
    const byCode = Object.fromEntries(
      report.categories.map((c) => [c.code, [c.count, c.vs_previous_week.reference, c.vs_last_year.reference]]),
    );
    expect(byCode).toMatchObject({ klotter: [3, 1, 4], vald: [2, 0, 0], skadegorelse: [1, 0, 0], brand: [0, 0, 0] });
    // 3 against 1: 2·P(X ≥ 3 | Bin(4, ½)) = 2·5/16.
    expect(report.categories.find((c) => c.code === 'klotter')!.vs_previous_week.p_exact).toBeCloseTo(0.625, 10);
    expect(report.points).toHaveLength(5);
    expect(report.time_profile.matrix[4]![23]).toBe(2); // Friday 23:30 Swedish time
    expect(report.trend).toHaveLength(52);
    expect(report.trend.at(-1)).toEqual({ week: '2026-W40', count: 6, points: 5 });
  });

  it("lists the week's point incidents in time order with their exact coordinates", async () => {
    const { report } = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W42' });
    const bounds = weekBounds('2026-W42', DEFAULT_TIME_ZONE);
    const stored = await getDb()
      .db.selectFrom('incidents')
      .select(['id', 'lon', 'lat', 'place_id'])
      .where('organisation_id', '=', org.organisation.id)
      .where('area_id', '=', org.areas.south)
      .where('occurred_at', '>=', bounds.start)
      .where('occurred_at', '<', bounds.end)
      .where('precision', 'in', ['exact', 'place'])
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(stored).toHaveLength(70);
    expect(report.points.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, place_id: p.place_id }))).toEqual(stored);
  });

  it('proposes a rating from the thresholds: 6 incidents + 2 × 2 violence = 10 points → viss oro', async () => {
    const { report } = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W40' });
    expect(report.neighbourhoods[0]!.rating).toMatchObject({
      proposed: 2,
      score: 10,
      confirmed: null,
      previous_week_confirmed: null,
    });
  });

  it('counts the whole city with the municipality-level notices as a separate figure, never as points', async () => {
    const { report } = await getSituationReport(ctx, { week: '2026-W40' });
    expect(report.scope.kind).toBe('city');
    expect(report.totals).toMatchObject({ count: 9, points: 6, coarse_area: 1, coarse_municipality: 2 });
    expect(Object.fromEntries(report.neighbourhoods.map((n) => [n.code, n.count]))).toEqual({ north: 1, south: 6 });
    expect(report.hotspots.incidents).toBe(6);
    expect(report.hotspots.excluded_coarse).toBe(3);
  });

  it('filters by category group and source', async () => {
    const violence = (
      await getSituationReport(ctx, {
        area_id: org.areas.southDistrict,
        week: '2026-W40',
        category_group: ['violence'],
      })
    ).report;
    expect(violence.totals.count).toBe(2);
    expect(violence.categories.map((c) => c.code).sort()).toEqual(['hot', 'vald']);
    const police = (await getSituationReport(ctx, { week: '2026-W40', source: ['police'] })).report;
    expect(police.totals).toMatchObject({ count: 2, coarse_municipality: 2, points: 0 });
  });

  it('flags an injected cluster of 40 at one place as hot, and an even spread as not', async () => {
    const cluster = (await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W42' })).report;
    expect(cluster.hotspots).toMatchObject({
      method: 'Getis-Ord Gi*',
      resolution: 9,
      k: 1,
      p_method: 'exact-binomial',
      incidents: 70,
    });
    expect(cluster.hotspots.n).toBeGreaterThan(100);
    expect(cluster.hotspots.cells.find((c) => c.count === 40)).toMatchObject({ class: 'hot99' });
    expect(cluster.totals.vs_previous_week).toMatchObject({ reference: 1, direction: 'up', significant: true }); // W41 holds the Monday-midnight one
    expect(cluster.neighbourhoods[0]!.rating.proposed).toBe(4);
    expect(cluster.top_places.places[0]).toMatchObject({
      kind: 'street_cell',
      count: 40,
      week_count: 40,
      repeat: true,
    });
    expect(cluster.density.cells.length).toBeGreaterThan(0);
    const uniform = (await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W43' })).report;
    expect(uniform.hotspots.incidents).toBe(30);
    expect(uniform.hotspots.cells.filter((c) => c.class.startsWith('hot'))).toEqual([]);
  });

  it('gives the same category counts as the bare aggregate', async () => {
    const { report } = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W42' });
    const rows = await countByCategory(
      getDb().db,
      {
        organisationId: org.organisation.id,
        areaIds: [org.areas.south],
        categoryIds: null,
        sources: null,
        timeZone: DEFAULT_TIME_ZONE,
      },
      weekBounds('2026-W42', DEFAULT_TIME_ZONE),
    );
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(report.totals.count);
  });

  it('serves a cached report until an incident is written, then the new figures', async () => {
    const first = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W43' });
    const again = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W43' });
    expect(again.json).toBe(first.json);
    await addIncidents(ctx, 1, { occurred_at: '2026-10-22T12:00:00+02:00' });
    const after = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W43' });
    expect(after.report.totals.count).toBe(first.report.totals.count + 1);
  });

  it('takes a late report for an earlier week into the cached trend, top places and time profile', async () => {
    const query = { area_id: org.areas.southDistrict, week: '2026-W43' };
    const before = (await getSituationReport(ctx, query)).report;
    // Wednesday 7 Oct 2026 (W41), 03:00 local: a new spot and an hour nothing else has.
    await addIncidents(ctx, 2, { occurred_at: '2026-10-07T03:00:00+02:00' }, () => ({ lon: 18.041, lat: 59.291 }));
    const after = (await getSituationReport(ctx, query)).report;
    const trend = (r: typeof before) => r.trend.find((t) => t.week === '2026-W41')!.count;
    expect(trend(after)).toBe(trend(before) + 2);
    expect(after.time_profile.matrix[2]![3]).toBe(before.time_profile.matrix[2]![3]! + 2);
    expect(after.top_places.concentration.incidents).toBe(before.top_places.concentration.incidents + 2);
    expect(after.totals).toEqual(before.totals);
  });

  it('stays cached while incidents arrive for later weeks or before its oldest week, not for a week it shows', async () => {
    const query = { area_id: org.areas.southDistrict, week: '2026-W43' };
    const first = await getSituationReport(ctx, query);
    // W44, the week after, and August 2020, before the årshjul's five past years (from 2021-W01): not in this report.
    await addIncidents(ctx, 1, { occurred_at: '2026-10-28T12:00:00+01:00' });
    await addIncidents(ctx, 1, { occurred_at: '2020-08-12T12:00:00+02:00' });
    expect((await getSituationReport(ctx, query)).json).toBe(first.json);
    // W30 of 2021, the first year of the årshjul: in its past years.
    await addIncidents(ctx, 1, { occurred_at: '2021-07-28T12:00:00+02:00' });
    const rebuilt = await getSituationReport(ctx, query);
    expect(rebuilt.json).not.toBe(first.json);
    expect(rebuilt.report.totals).toEqual(first.report.totals);
  });

  it('refuses a neighbourhood as scope and an unknown area', async () => {
    await expect(getSituationReport(ctx, { area_id: org.areas.south, week: '2026-W40' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      getSituationReport(ctx, { area_id: '00000000-0000-4000-8000-000000000000', week: '2026-W40' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
