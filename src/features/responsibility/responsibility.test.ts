import { beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context.js';
import { seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { getInbox } from '../inbox/inbox.service.js';
import { createIncident, updateIncidentStatus } from '../incidents/incidents.service.js';
import { listMeasures } from '../measures/measures.service.js';
import { listProblems } from '../problems/problems.service.js';
import { getQualityReport } from '../quality/quality.service.js';
import { getAssignment, overrideAssignment, serviceLevelCompliance } from './responsibility.service.js';

describeEachEngine(
  'responsibility matrix on the Stockholm seed: routing, override, inbox; seeded programme',
  (getDb) => {
    let ctx: ServiceContext;
    const unit: Record<string, string> = {};
    let library = { id: '', lon: 0, lat: 0 };

    beforeAll(async () => {
      ctx = await seedStockholmForImports(getDb().db);
      for (const u of await ctx.db.selectFrom('units').select(['id', 'slug']).execute()) unit[u.slug] = u.id;
      library = await ctx.db
        .selectFrom('places')
        .select(['id', 'lon', 'lat'])
        .where('slug', '=', 'hogdalens-bibliotek')
        .executeTakeFirstOrThrow();
    }, 180_000);

    const brokenLight = (extra: object) =>
      createIncident(ctx, {
        occurred_at: new Date(Date.now() - 3_600_000).toISOString(),
        category: 'trasig_belysning',
        source: 'staff',
        ...extra,
      } as never);

    it('sends broken lighting on a street to Trafiknämnden and inside Högdalens bibliotek to Kulturförvaltningen', async () => {
      const street = await brokenLight({ lon: 18.0436, lat: 59.266, precision: 'exact' });
      expect((await getAssignment(ctx, street.id)).unit.id).toBe(unit.trafiknamnden);
      const inside = await brokenLight({
        lon: library.lon,
        lat: library.lat,
        precision: 'place',
        place_id: library.id,
      });
      expect((await getAssignment(ctx, inside.id)).unit.id).toBe(unit.kulturforvaltningen);
      const inbox = await getInbox(ctx, unit.kulturforvaltningen!);
      const item = inbox.items.find((i) => i.id === inside.id);
      expect(item).toMatchObject({ kind: 'incident', category: 'trasig_belysning', overdue: false });
      expect(item?.kind === 'incident' && item.hours_left).toBeGreaterThan(70);
    });

    it('lets the assignment be overridden by hand', async () => {
      const street = await brokenLight({ lon: 18.0436, lat: 59.266, precision: 'exact' });
      const moved = await overrideAssignment(ctx, street.id, unit['enskede-arsta-vantor']!);
      expect(moved).toMatchObject({ unit: { id: unit['enskede-arsta-vantor'] }, rule_id: null, overridden_by: 'test' });
    });

    it('counts incidents closed within the service level per unit and category', async () => {
      const street = await brokenLight({ lon: 18.0436, lat: 59.266, precision: 'exact' });
      await updateIncidentStatus(ctx, street.id, { status: 'closed', closure_reason: 'fixed' });
      const rows = await serviceLevelCompliance(ctx, unit.trafiknamnden);
      expect(rows.find((r) => r.category === 'trasig_belysning')).toMatchObject({
        hours: 72,
        closed: 1,
        within: 1,
        share: 1,
      });
    });

    it('seeds problems, the Högdalen library model with a computed follow-up, requests and visible gaps', async () => {
      const problems = await listProblems(ctx, {});
      expect(problems.length).toBeGreaterThanOrEqual(3);
      const [model] = (await listMeasures(ctx, { responsible_unit_id: unit.kulturforvaltningen })).filter((m) =>
        m.title.startsWith('Högdalsmodellen'),
      );
      expect(model?.components).toHaveLength(5);
      expect(model?.places.map((p) => p.id)).toEqual([library.id]);
      expect(model?.followups[0]?.indicator).toMatchObject({ problem_id: model?.problems[0]?.id });
      const jarvaInbox = await getInbox(ctx, unit.jarva!);
      expect(jarvaInbox.items).toContainEqual(
        expect.objectContaining({ kind: 'contribution_request', role: 'sender', overdue: true }),
      );
      const quality = await getQualityReport(ctx, { scope: 'unit', unit_id: unit.stadsarkivet });
      expect(quality.items.map((i) => i.check).sort()).toEqual([
        'measure_without_indicator',
        'problem_without_baseline',
      ]);
    });
  },
);
