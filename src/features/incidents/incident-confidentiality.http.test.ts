import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../domain/auth.js';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'klassning' };

describeEachEngine("changing an incident's confidentiality tier", (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let incident = '';
  let parks = '';
  const as = {} as Record<
    'admin' | 'assignedEditor' | 'districtCoordinator' | 'districtEditor' | 'otherCoordinator' | 'analyst',
    Record<string, string>
  >;

  const tier = (who: Record<string, string>, payload: object, id = incident) =>
    app.inject({ method: 'PATCH', url: `/api/incidents/${id}/confidentiality`, headers: who, payload });
  const stored = async () =>
    (
      await getDb()
        .db.selectFrom('incidents')
        .select('confidentiality')
        .where('id', '=', incident)
        .executeTakeFirstOrThrow()
    ).confidentiality;
  const audits = () =>
    getDb()
      .db.selectFrom('audit_events')
      .select(['actor', 'before', 'after'])
      .where('entity_type', '=', 'incident')
      .where('entity_id', '=', incident)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'klassning');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'klassning' },
      webRoot: null,
    });
    parks = await createTestUnit(db, org.organisation.id, 'parker', 'specialist');
    const otherDistrict = await createTestUnit(db, org.organisation.id, 'sdn-annan', 'district');
    const signed = async (unitId: string, role: Role) =>
      (await signedInAs(app, db, org.organisation.id, unitId, role, ORG)).headers;
    as.admin = await signed(otherDistrict, 'admin');
    as.assignedEditor = await signed(parks, 'unit_editor');
    as.districtCoordinator = await signed(org.unitId, 'coordinator');
    as.districtEditor = await signed(org.unitId, 'unit_editor');
    as.otherCoordinator = await signed(otherDistrict, 'coordinator');
    as.analyst = await signed(org.unitId, 'analyst');
    // Reported in the south district (owned by org.unitId), then routed by hand to the parks unit.
    const created = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: as.districtEditor,
      payload: { occurred_at: '2026-11-20T21:15:00+01:00', category: 'klotter', lon: 18.02, lat: 59.27 },
    });
    expect(created.json()).toMatchObject({ confidentiality: 'municipal', district_id: org.areas.southDistrict });
    incident = created.json().id;
    const routed = await app.inject({
      method: 'PUT',
      url: `/api/incidents/${incident}/assignment`,
      headers: as.admin,
      payload: { unit_id: parks },
    });
    expect(routed.statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => app.close());

  it('lets the assigned unit and the district coordinators change it, audited with before and after', async () => {
    const byEditor = await tier(as.assignedEditor, { from: 'municipal', confidentiality: 'partner' });
    expect(byEditor.statusCode).toBe(200);
    expect(byEditor.json()).toMatchObject({ id: incident, confidentiality: 'partner' });
    const byCoordinator = await tier(as.districtCoordinator, { from: 'partner', confidentiality: 'public' });
    expect(byCoordinator.statusCode).toBe(200);
    expect((await app.inject({ url: `/api/incidents/${incident}`, headers: as.analyst })).json().confidentiality).toBe(
      'public',
    );
    expect(await audits()).toEqual([
      {
        actor: expect.stringMatching(/^unit_editor\./),
        before: { confidentiality: 'municipal' },
        after: { confidentiality: 'partner' },
      },
      {
        actor: expect.stringMatching(/^coordinator\./),
        before: { confidentiality: 'partner' },
        after: { confidentiality: 'public' },
      },
    ]);
  });

  it('refuses others: an editor of the district who is not assigned, another district, analysts', async () => {
    const before = await audits();
    for (const who of [as.districtEditor, as.otherCoordinator, as.analyst]) {
      const res = await tier(who, { from: 'public', confidentiality: 'restricted' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await stored()).toBe('public');
    expect(await audits()).toEqual(before);
  });

  it('answers 409 when the tier changed in between, 400 for an unknown or unchanged tier, 404 for an unknown incident', async () => {
    const before = await audits();
    const stale = await tier(as.assignedEditor, { from: 'municipal', confidentiality: 'restricted' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: [{ path: 'from', code: 'stale' }] });
    const unknown = await tier(as.assignedEditor, { from: 'public', confidentiality: 'secret' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect((await tier(as.assignedEditor, { from: 'public', confidentiality: 'public' })).statusCode).toBe(400);
    expect((await tier(as.assignedEditor, { confidentiality: 'partner' })).statusCode).toBe(400);
    expect(
      (await tier(as.admin, { from: 'public', confidentiality: 'partner' }, '00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
    expect(await stored()).toBe('public');
    expect(await audits()).toEqual(before);
  });

  it('lets an admin restrict it; the unit it is routed to still acts on it, other city staff no longer find it', async () => {
    const res = await tier(as.admin, { from: 'public', confidentiality: 'restricted' });
    expect(res.statusCode).toBe(200);
    expect(await stored()).toBe('restricted');
    expect((await app.inject({ url: `/api/incidents/${incident}`, headers: as.assignedEditor })).statusCode).toBe(200);
    expect(
      (await app.inject({ url: `/api/inbox?unit_id=${parks}`, headers: as.assignedEditor }))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(incident);
    expect((await app.inject({ url: `/api/incidents/${incident}`, headers: as.otherCoordinator })).statusCode).toBe(
      404,
    );
    expect((await tier(as.otherCoordinator, { from: 'restricted', confidentiality: 'public' })).statusCode).toBe(404);
  });
});
