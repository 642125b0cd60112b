import { cellToLatLng, latLngToCell } from 'h3-js';
import { beforeAll, expect, it } from 'vitest';
import { type IncidentCreateInput, IncidentCreateSchema } from '../../domain/incidents.js';
import type { ServiceContext } from '../../core/context.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident } from '../incidents/incidents.service.js';
import { getSituationReport } from './situation.service.js';

/** Incidents in the south square (lon 18.00–18.05, lat 59.25–59.30) unless a point is given. */
async function addIncidents(
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

/** 30 points on a 6 × 5 grid over the south square, each in its own res-9 cell. */
const uniformPoint = (i: number) => ({ lon: 18.004 + (i % 6) * 0.0085, lat: 59.254 + Math.floor(i / 6) * 0.0095 });

/** A point just inside the south square's west edge whose res-9 cell has its centre outside (so not a study cell). */
function borderPoint(): { lon: number; lat: number } {
  for (let lat = 59.26; lat < 59.29; lat += 0.0001) {
    const [, centreLon] = cellToLatLng(latLngToCell(lat, 18.0001, 9));
    if (centreLon < 18) return { lon: 18.0001, lat };
  }
  throw new Error('no border point found');
}

describeEachEngine(
  'situation report: comparisons with coverage, hotspot exclusions, unusual for the place',
  (getDb) => {
    let org: TestOrganisation;
    let ctx: ServiceContext;

    beforeAll(async () => {
      org = await createTestOrganisation(getDb().db, 'baseline');
      ctx = testContext(getDb().db, org.organisation);
      // Staff reports a year ago and now; an import whose data begins in 2026-W40 (it has no 2025 data at all).
      await addIncidents(ctx, 4, { occurred_at: '2025-10-01T12:00:00+02:00' });
      await addIncidents(ctx, 3, { occurred_at: '2026-09-30T12:00:00+02:00' });
      await addIncidents(ctx, 30, { occurred_at: '2026-10-01T12:00:00+02:00', source: 'import' });
      await addIncidents(ctx, 1, { occurred_at: '2026-09-23T12:00:00+02:00', source: 'import' });
      // 2026-W33…W39: 6 of 30 evenly spread points in the south square each week, and in W41 12 more at one spot.
      for (let w = 0; w < 7; w++) {
        const day = new Date(Date.UTC(2026, 7, 12 + 7 * w, 10)).toISOString();
        await addIncidents(ctx, 6, { occurred_at: day }, (i) => uniformPoint(i * 5 + (w % 5)));
      }
      await addIncidents(ctx, 12, { occurred_at: '2026-10-07T21:00:00+02:00' }, () => ({ lon: 18.025, lat: 59.275 }));
      await addIncidents(ctx, 2, { occurred_at: '2026-10-08T21:00:00+02:00', precision: 'area' });
      await addIncidents(ctx, 1, { occurred_at: '2026-10-08T21:00:00+02:00', source: 'staff' }, borderPoint);
    }, 180_000);

    it('says "no comparison" for the same week last year when a counted source has no data then, instead of a rise', async () => {
      const { report } = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W40' });
      expect(report.totals).toMatchObject({ count: 33 });
      expect(report.totals.vs_last_year).toEqual({
        reference: 4,
        p_exact: null,
        p_mid: null,
        direction: 'none',
        significant: false,
        rate_ratio: null,
        comparable: false,
        uncovered_sources: ['import'],
      });
      // The import has data the week before, so last week is covered; the rise against it is tested.
      expect(report.totals.vs_previous_week).toMatchObject({
        reference: 7,
        comparable: true,
        significant: true,
        direction: 'up',
      });
      // Narrowed to staff reports, which cover both years, the comparison is a test again.
      const staff = (
        await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W40', source: ['staff'] })
      ).report;
      expect(staff.totals.vs_last_year).toMatchObject({ reference: 4, comparable: true, direction: 'none' });
      expect(staff.totals.vs_last_year.p_exact).toBeCloseTo(1, 10);
    });

    it('names coarse incidents and points outside the study cells apart', async () => {
      const { report } = await getSituationReport(ctx, { week: '2026-W41' });
      expect(report.hotspots).toMatchObject({ excluded_coarse: 2, excluded_outside: 1 });
    });

    it('flags the spot that is unusual for its place as new, beside Gi*', async () => {
      const { report } = await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W41' });
      const e = report.emerging!;
      expect(e).toMatchObject({ baseline_weeks: 52, from_week: '2025-W41', to_week: '2026-W40', k: 1, alpha: 0.1 });
      expect(e.counts.new).toBeGreaterThan(0);
      expect(e.cells[0]).toMatchObject({ class: 'new', gi_hot: true, hot_weeks_before: 0 });
      expect(e.cells[0]!.local_sum).toBeGreaterThanOrEqual(12);
      // A week like the ones before raises nothing new.
      const quiet = (await getSituationReport(ctx, { area_id: org.areas.southDistrict, week: '2026-W38' })).report;
      expect(quiet.emerging!.counts).toMatchObject({ new: 0, intensifying: 0 });
    });
  },
);
