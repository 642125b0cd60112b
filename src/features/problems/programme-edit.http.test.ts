import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation, createTestUnit } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'redigering' };
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describeEachEngine(
  'programme API: editing problems (where, what, target, evidence) and measures (type, unit, components)',
  (getDb) => {
    let app: FastifyInstance;
    let org: TestOrganisation;
    const as = {} as Record<'coordinator' | 'otherCoordinator' | 'culture' | 'admin', Record<string, string>>;
    let culture = '';
    let problemId = '';
    let measureId = '';

    const unit = async (slug: string, kind: 'district' | 'specialist') =>
      createTestUnit(getDb().db, org.organisation.id, slug, kind);
    const call = (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      who: Record<string, string>,
      payload?: object,
    ) => app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
    const incident = (category: string, occurred_at: string) =>
      call('POST', '/api/incidents', as.coordinator, {
        occurred_at,
        category,
        lon: 18.02,
        lat: 59.27,
        precision: 'place',
        place_id: org.placeId,
      });
    const auditsOf = (entityId: string) =>
      getDb()
        .db.selectFrom('audit_events')
        .select(['before', 'after'])
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute();

    beforeAll(async () => {
      const db = getDb().db;
      org = await createTestOrganisation(db, 'redigering');
      app = await buildApp({
        db,
        engine: getDb().engine,
        config: { bodyLimit: 65_536, defaultOrganisation: 'redigering' },
        webRoot: null,
      });
      culture = await unit('kulturforvaltningen', 'specialist');
      const other = await unit('sdn-other', 'district');
      const sign = async (unitId: string, role: Parameters<typeof signedInAs>[4]) =>
        (await signedInAs(app, db, org.organisation.id, unitId, role, ORG)).headers;
      as.coordinator = await sign(org.unitId, 'coordinator');
      as.otherCoordinator = await sign(other, 'coordinator');
      as.culture = await sign(culture, 'unit_editor');
      as.admin = await sign(org.unitId, 'admin');
      for (const at of ['2026-01-05T21:00:00+01:00', '2026-01-12T21:00:00+01:00', '2026-01-20T22:00:00+01:00'])
        expect((await incident('klotter', at)).statusCode).toBe(201);
      for (const at of ['2026-01-07T20:00:00+01:00', '2026-01-25T20:00:00+01:00'])
        expect((await incident('nedskrapning', at)).statusCode).toBe(201);
      const created = await call('POST', '/api/problems', as.coordinator, {
        owner_unit_id: org.unitId,
        place_ids: [org.placeId],
        title: 'Klotter vid biblioteket',
        statement: 'Klotter vid entrén kvällstid.',
        categories: ['klotter'],
        baseline: { from: '2026-01-01', to: '2026-01-31', direction: 'lower' },
      });
      expect(created.json().baseline).toEqual({ from: '2026-01-01', to: '2026-01-31', value: 3 });
      problemId = created.json().id;
    }, 120_000);
    afterAll(async () => app.close());

    it('recomputes the baseline over its period when the categories or the place change, and audits both values', async () => {
      const res = await call('PATCH', `/api/problems/${problemId}`, as.coordinator, {
        categories: ['klotter', 'nedskrapning'],
        statement: 'Klotter och skräp vid entrén.',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        categories: ['klotter', 'nedskrapning'],
        statement: 'Klotter och skräp vid entrén.',
        baseline: { from: '2026-01-01', to: '2026-01-31', value: 5 },
      });
      const moved = await call('PATCH', `/api/problems/${problemId}`, as.coordinator, {
        area_id: org.areas.southDistrict,
        place_ids: [],
      });
      expect(moved.json()).toMatchObject({ area: { id: org.areas.southDistrict }, places: [], baseline: { value: 5 } });
      const north = await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { area_id: org.areas.northNew });
      expect(north.json()).toMatchObject({ area: { id: org.areas.northNew }, baseline: { value: 0 } });
      const audits = await auditsOf(problemId);
      expect(audits.at(-1)).toMatchObject({
        before: { baseline_value: 5 },
        after: { area_id: org.areas.northNew, baseline_value: 0 },
      });
      expect(audits.find((a) => a.before && (a.after as { categories?: unknown }).categories)).toMatchObject({
        before: { baseline_value: 3 },
        after: { baseline_value: 5, statement: '[changed]' },
      });
      await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { area_id: null, place_ids: [org.placeId] });
    });

    it('refuses an edit that leaves neither area nor place, unknown references and other districts; no row changes', async () => {
      const none = await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { place_ids: [] });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.details).toEqual([expect.objectContaining({ path: 'area_id', code: 'area_or_place' })]);
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { area_id: NO_SUCH })).json().error
          .details[0].code,
      ).toBe('unknown_area');
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { categories: ['finns_inte'] })).json().error
          .code,
      ).toBe('UNKNOWN_CATEGORY');
      expect((await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { categories: [] })).statusCode).toBe(
        400,
      );
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.otherCoordinator, { target_value: 1 })).statusCode,
      ).toBe(403);
      expect((await call('GET', `/api/problems/${problemId}`, as.coordinator)).json()).toMatchObject({
        places: [{ id: org.placeId }],
        area: null,
        target_value: null,
        baseline: { value: 5 },
      });
    });

    it('sets and clears the target without touching the baseline', async () => {
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { target_value: 2 })).json(),
      ).toMatchObject({ target_value: 2, baseline: { value: 5 } });
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { target_value: null })).json().target_value,
      ).toBeNull();
    });

    it("changes which way is better for the problem's indicator, and refuses a direction it does not know", async () => {
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { indicator_direction: 'higher' })).json(),
      ).toMatchObject({ indicator_direction: 'higher', baseline: { value: 5 } });
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { indicator_direction: 'sideways' }))
          .statusCode,
      ).toBe(400);
      expect((await call('GET', `/api/problems/${problemId}`, as.coordinator)).json().indicator_direction).toBe(
        'higher',
      );
      expect(
        (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { indicator_direction: 'lower' })).json()
          .indicator_direction,
      ).toBe('lower');
    });

    it('unlinks evidence: only the owner unit, only evidence of that problem, 404 the second time', async () => {
      const added = (
        await call('POST', `/api/problems/${problemId}/evidence`, as.coordinator, {
          kind: 'note',
          note: 'Personalen ser klotter varje måndag.',
        })
      ).json();
      const evidenceId = added.evidence.at(-1).id as string;
      expect(
        (await call('DELETE', `/api/problems/${problemId}/evidence/${evidenceId}`, as.otherCoordinator)).statusCode,
      ).toBe(403);
      const removed = await call('DELETE', `/api/problems/${problemId}/evidence/${evidenceId}`, as.coordinator);
      expect(removed.statusCode).toBe(200);
      expect(removed.json().evidence.map((e: { id: string }) => e.id)).not.toContain(evidenceId);
      const again = await call('DELETE', `/api/problems/${problemId}/evidence/${evidenceId}`, as.coordinator);
      expect([again.statusCode, again.json().error.code]).toEqual([404, 'NOT_FOUND']);
      expect((await auditsOf(problemId)).at(-1)).toMatchObject({
        before: { evidence: { id: evidenceId, kind: 'note' } },
        after: { evidence_removed: evidenceId },
      });
    });

    it('links a hotspot once per week: the same cell and week again is 409 with a code, another week is new evidence', async () => {
      const hotspot = (week: string) => ({
        kind: 'hotspot',
        ref: '891f2b6c9a7ffff',
        filter: { week, area_id: org.areas.southDistrict },
      });
      const first = await call('POST', `/api/problems/${problemId}/evidence`, as.coordinator, hotspot('2026-W05'));
      expect(first.statusCode).toBe(200);
      const count = first.json().evidence.length as number;
      const twice = await call('POST', `/api/problems/${problemId}/evidence`, as.coordinator, hotspot('2026-W05'));
      expect([twice.statusCode, twice.json().error.code, twice.json().error.details[0].code]).toEqual([
        409,
        'CONFLICT',
        'duplicate_evidence',
      ]);
      expect(twice.json().error.messages.sv).toBe('Hotspoten från den veckan är redan underlag för problemet.');
      const later = await call('POST', `/api/problems/${problemId}/evidence`, as.coordinator, hotspot('2026-W06'));
      expect([later.statusCode, later.json().evidence.length]).toEqual([200, count + 1]);
      expect(
        (await call('GET', `/api/problems/${problemId}`, as.coordinator))
          .json()
          .evidence.filter((e: { kind: string }) => e.kind === 'hotspot'),
      ).toHaveLength(2);
    });

    it('edits a measure: type, an existing component in place, a new one appended after the last', async () => {
      const created = await call('POST', '/api/measures', as.culture, {
        problem_ids: [problemId],
        responsible_unit_id: culture,
        title: 'Högdalsmodellen',
        type: 'situational',
        period_start: '2026-02-01',
        components: [
          { title: 'Ny möblering', type: 'situational' },
          { title: 'Värd vid entrén', type: 'staffing' },
        ],
      });
      expect(created.statusCode).toBe(201);
      measureId = created.json().id;
      const [first, second] = created.json().components as Array<{ id: string }>;
      await call('POST', `/api/measures/${measureId}/components/${second!.id}/status`, as.culture, {
        status: 'ongoing',
      });
      const res = await call('PATCH', `/api/measures/${measureId}`, as.culture, {
        type: 'staffing',
        components: [
          { id: first!.id, title: 'Möblering med fria siktlinjer', type: 'situational' },
          { title: 'Personal i par', type: 'staffing' },
        ],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().type).toBe('staffing');
      expect(
        res
          .json()
          .components.map((c: { position: number; title: string; status: string }) => [c.position, c.title, c.status]),
      ).toEqual([
        [1, 'Möblering med fria siktlinjer', 'planned'],
        [2, 'Värd vid entrén', 'ongoing'],
        [3, 'Personal i par', 'planned'],
      ]);
    });

    it('keeps the links to problems the editor cannot see when the editor replaces the list', async () => {
      const restricted = (
        await call('POST', '/api/problems', as.coordinator, {
          owner_unit_id: org.unitId,
          area_id: org.areas.south,
          title: 'Hot mot personal',
          statement: 'Detaljer om hot.',
          categories: ['hot'],
          confidentiality: 'restricted',
        })
      ).json().id as string;
      expect(
        (await call('PATCH', `/api/measures/${measureId}`, as.admin, { problem_ids: [problemId, restricted] })).json()
          .problems,
      ).toHaveLength(2);
      expect(
        (await call('GET', `/api/measures/${measureId}`, as.culture)).json().problems.map((p: { id: string }) => p.id),
      ).toEqual([problemId]);
      expect(
        (await call('PATCH', `/api/measures/${measureId}`, as.culture, { problem_ids: [problemId] })).statusCode,
      ).toBe(200);
      const seen = (await call('GET', `/api/measures/${measureId}`, as.admin))
        .json()
        .problems.map((p: { id: string }) => p.id);
      expect(seen.sort()).toEqual([problemId, restricted].sort());
    });

    it('refuses a component of another measure, a period ending before it starts, and a hand-over to a unit the editor cannot edit for', async () => {
      const bad = await call('PATCH', `/api/measures/${measureId}`, as.culture, {
        components: [{ id: NO_SUCH, title: 'X', type: 'social' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([
        expect.objectContaining({ path: 'components.0.id', code: 'unknown_component' }),
      ]);
      const period = await call('PATCH', `/api/measures/${measureId}`, as.culture, { period_end: '2026-01-15' });
      expect([period.statusCode, period.json().error.details[0].path]).toEqual([400, 'period_end']);
      expect(
        (await call('PATCH', `/api/measures/${measureId}`, as.culture, { responsible_unit_id: org.unitId })).statusCode,
      ).toBe(403);
      expect((await call('GET', `/api/measures/${measureId}`, as.culture)).json()).toMatchObject({
        responsible_unit: { id: culture },
        period_end: null,
        components: [{}, {}, {}],
      });
    });

    it('lets an admin hand a measure to another unit, after which the old unit may no longer edit it', async () => {
      const res = await call('PATCH', `/api/measures/${measureId}`, as.admin, {
        responsible_unit_id: org.unitId,
        contributing_unit_ids: [culture],
      });
      expect(res.json()).toMatchObject({ responsible_unit: { id: org.unitId }, contributing_units: [{ id: culture }] });
      expect((await call('PATCH', `/api/measures/${measureId}`, as.culture, { title: 'Annat' })).statusCode).toBe(403);
      expect(
        (
          await call('PATCH', `/api/measures/${measureId}`, as.coordinator, { title: 'Högdalsmodellen i biblioteket' })
        ).json().title,
      ).toBe('Högdalsmodellen i biblioteket');
      expect(
        (await auditsOf(measureId)).some(
          (a) => (a.before as { responsible_unit_id?: string } | null)?.responsible_unit_id === culture,
        ),
      ).toBe(true);
    });
  },
);
