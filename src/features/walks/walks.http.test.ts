import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipartUpload } from '../../../tests/factories/imports.factory.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { photoWithGps } from '../../../tests/factories/photos.factory.js';
import { buildApp } from '../../server/app.js';
import { seedDefaultChecklist } from './checklist.service.js';

type Who = 'coordinator' | 'police' | 'traffic' | 'analyst' | 'outsider' | 'stranger';

const pdfText = (body: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: body }).toString();
/** What a document must never show: ids, UTC instants, and the codes behind its labels. */
const CODE_LIKE =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}T\d{2}|\b(?:low|medium|high|planned|ongoing|finished|fixed|not_fixed|partly|residents|housing_company|youth|klotter|vegetation)\b/;

const phonePhoto = () => photoWithGps({ width: 1200, height: 900, make: 'WalkCam' });

describeEachEngine('safety walks: checklist, planning, idempotent capture, photos without EXIF, report', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let trafficUnit: string;
  let policeUnit: string;
  let walkId: string;
  const as = {} as Record<Who, Record<string, string>>;
  const items = new Map<string, string>();

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Who, payload?: object) =>
    app.inject({ method, url, headers: as[who], ...(payload ? { payload } : {}) });
  const observation = (extra: object = {}) => ({
    id: randomUUID(),
    item_id: items.get('klotter'),
    lon: 18.02,
    lat: 59.271,
    severity: 'medium',
    note: 'Klotter på tunnelns väggar, ring 070-123 45 67',
    ...extra,
  });
  const count = async () =>
    Number(
      (
        await getDb()
          .db.selectFrom('walk_observations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('walk_id', '=', walkId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'vandring');
    const other = await createTestOrganisation(db, 'annanstad');
    await seedDefaultChecklist(db, org.organisation.id);
    trafficUnit = await createTestUnit(db, org.organisation.id, 'trafik', 'specialist', 'Trafiknämnden');
    policeUnit = await createTestUnit(db, org.organisation.id, 'polis', 'partner', 'Polisen');
    const northUnit = await createTestUnit(db, org.organisation.id, 'sdn-norr', 'district', 'Norra stadsdelsnämnden');
    const klotter = await db
      .selectFrom('incident_categories')
      .select('id')
      .where('organisation_id', '=', org.organisation.id)
      .where('code', '=', 'klotter')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('responsibility_rules')
      .values([
        {
          organisation_id: org.organisation.id,
          place_type: 'street',
          category_id: klotter.id,
          target: 'unit',
          unit_id: trafficUnit,
          note: null,
        },
        {
          organisation_id: org.organisation.id,
          place_type: 'street',
          category_id: null,
          target: 'district',
          unit_id: null,
          note: null,
        },
      ])
      .execute();
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'vandring' },
      webRoot: null,
    });
    const header = { 'x-trygg-organisation': 'vandring' };
    const sign = async (unit: string, role: 'coordinator' | 'partner_viewer' | 'unit_editor' | 'analyst') =>
      (await signedInAs(app, db, org.organisation.id, unit, role, header)).headers;
    as.coordinator = await sign(org.unitId, 'coordinator');
    as.police = await sign(policeUnit, 'partner_viewer');
    as.traffic = await sign(trafficUnit, 'unit_editor');
    as.analyst = await sign(org.unitId, 'analyst');
    as.outsider = await sign(northUnit, 'coordinator');
    as.stranger = (
      await signedInAs(app, db, other.organisation.id, other.unitId, 'coordinator', {
        'x-trygg-organisation': 'annanstad',
      })
    ).headers;
    const checklist = (await call('GET', '/api/walks/checklist', 'police')).json();
    for (const i of checklist.items) items.set(i.code, i.id);
  }, 120_000);
  afterAll(async () => app?.close());

  it('starts from the CPTED checklist, which coordinators edit and others may not', async () => {
    expect([...items.keys()]).toEqual(
      expect.arrayContaining([
        'belysning_trasig',
        'belysning_blandande',
        'belysning_saknas',
        'vegetation',
        'klotter',
        'inne_utgangar',
      ]),
    );
    expect(items.size).toBe(16);
    const item = {
      code: 'lekplats',
      label: 'Lekplatsens skick',
      label_en: 'State of the playground',
      setting: 'outdoor',
      category: 'skadegorelse',
    };
    const created = await call('POST', '/api/walks/checklist', 'coordinator', item);
    expect([created.statusCode, created.json().category, created.json().sort_order]).toEqual([
      201,
      'skadegorelse',
      170,
    ]);
    expect((await call('POST', '/api/walks/checklist', 'coordinator', item)).statusCode).toBe(409);
    expect((await call('POST', '/api/walks/checklist', 'police', { ...item, code: 'annan' })).statusCode).toBe(403);
    const unknown = await call('POST', '/api/walks/checklist', 'coordinator', {
      ...item,
      code: 'x_y',
      category: 'finns_inte',
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'UNKNOWN_CATEGORY']);
    expect((await call('POST', '/api/walks/checklist', 'coordinator', { ...item, code: 'Inte OK' })).statusCode).toBe(
      400,
    );
    const off = await call('PATCH', `/api/walks/checklist/${created.json().id}`, 'coordinator', {
      active: false,
      label: 'Lekplats',
    });
    expect([off.statusCode, off.json().active, off.json().label]).toEqual([200, false, 'Lekplats']);
    expect((await call('PATCH', `/api/walks/checklist/${created.json().id}`, 'coordinator', {})).statusCode).toBe(400);
    // Rewording names the version it was made from: a second edit from the same list is refused, not lost.
    const reword = (version: number) =>
      app.inject({
        method: 'PATCH',
        url: `/api/walks/checklist/${created.json().id}`,
        headers: { ...as.coordinator, 'if-match': `"${version}"` },
        payload: { label: 'Lekplatsens utrustning', label_en: 'Playground equipment' },
      });
    const version = off.json().version;
    const reworded = await reword(version);
    expect([reworded.statusCode, reworded.json().label, reworded.json().version]).toEqual([
      200,
      'Lekplatsens utrustning',
      version + 1,
    ]);
    const stale = await reword(version);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'CONFLICT']);
    items.set('lekplats', created.json().id);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'walk_checklist_item')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it('plans a walk along a route with invited units and groups; refuses bad input and those who do not plan', async () => {
    const walk = {
      title: 'Trygghetsvandring Söderby',
      unit_id: org.unitId,
      area_id: org.areas.south,
      route: {
        type: 'LineString',
        coordinates: [
          [18.01, 59.27],
          [18.02, 59.271],
          [18.03, 59.272],
        ],
      },
      walk_date: '2026-12-10',
      invited_unit_ids: [policeUnit, trafficUnit],
      groups: ['residents', 'housing_company', 'youth'],
    };
    expect((await call('POST', '/api/walks', 'analyst', walk)).statusCode).toBe(403);
    expect((await call('POST', '/api/walks', 'outsider', walk)).statusCode).toBe(403);
    expect(
      (
        await call('POST', '/api/walks', 'coordinator', {
          ...walk,
          route: { type: 'LineString', coordinates: [[18, 59]] },
        })
      ).statusCode,
    ).toBe(400);
    expect((await call('POST', '/api/walks', 'coordinator', { ...walk, groups: ['aliens'] })).statusCode).toBe(400);
    const unknownArea = await call('POST', '/api/walks', 'coordinator', { ...walk, area_id: randomUUID() });
    expect([unknownArea.statusCode, unknownArea.json().error.details[0].code]).toEqual([400, 'unknown_area']);
    const res = await call('POST', '/api/walks', 'coordinator', walk);
    expect(res.statusCode).toBe(201);
    walkId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'planned',
      area: { name: 'Söderby' },
      groups: walk.groups,
      route: walk.route,
      can_capture: true,
    });
    expect(res.json().invited_units.map((u: { name: string }) => u.name)).toEqual(['Polisen', 'Trafiknämnden']);
    // Invited partners see it; another district and another organisation do not.
    expect((await call('GET', '/api/walks', 'police')).json().walks.map((w: { id: string }) => w.id)).toEqual([walkId]);
    expect((await call('GET', '/api/walks', 'outsider')).json().walks).toEqual([]);
    expect((await call('GET', `/api/walks/${walkId}`, 'outsider')).statusCode).toBe(404);
    expect((await call('GET', `/api/walks/${walkId}`, 'stranger')).statusCode).toBe(404);
    expect((await call('GET', `/api/walks/${walkId}`, 'analyst')).statusCode).toBe(403);
  });

  it('stores an observation once however often the phone resends it, redacting its note', async () => {
    const obs = observation();
    const first = await call('POST', `/api/walks/${walkId}/observations`, 'police', obs);
    expect(first.statusCode).toBe(201);
    expect(first.json().note).not.toContain('070');
    const again = await call('POST', `/api/walks/${walkId}/observations`, 'police', obs);
    expect([again.statusCode, again.json()]).toEqual([200, first.json()]);
    expect(await count()).toBe(1);
    // The first observation starts the walk.
    expect((await call('GET', `/api/walks/${walkId}`, 'police')).json().status).toBe('ongoing');
    // Two sends at once still make one row.
    const twin = observation({ item_id: items.get('vegetation'), severity: 'high' });
    const both = await Promise.all(
      [1, 2].map(() => call('POST', `/api/walks/${walkId}/observations`, 'coordinator', twin)),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await count()).toBe(2);
    const audits = await getDb()
      .db.selectFrom('audit_events')
      .select('entity_id')
      .where('entity_type', '=', 'walk_observation')
      .where('action', '=', 'create')
      .execute();
    expect(audits.map((a) => a.entity_id).sort()).toEqual([obs.id, twin.id].sort());
  });

  it('refuses bad observations with a 4xx and no row', async () => {
    const post = (body: object, who: Who = 'police') => call('POST', `/api/walks/${walkId}/observations`, who, body);
    expect((await post(observation({ id: 'inte-ett-uuid' }))).statusCode).toBe(400);
    expect((await post(observation({ severity: 'extreme' }))).statusCode).toBe(400);
    expect((await post(observation({ lat: 91 }))).statusCode).toBe(400);
    expect((await post(observation({ note: 'x'.repeat(1001) }))).statusCode).toBe(400);
    const inactive = await post(observation({ item_id: items.get('lekplats') }));
    expect([inactive.statusCode, inactive.json().error.details[0].code]).toEqual([400, 'unknown_item']);
    expect((await post(observation(), 'outsider')).statusCode).toBe(404);
    expect((await post(observation(), 'analyst')).statusCode).toBe(403);
    expect(await count()).toBe(2);
  });

  it("keeps a photo without EXIF or GPS, with a thumbnail; a resend replaces it; a phone's HEIC is taken; other files are refused with a code", async () => {
    const obs = (await call('POST', `/api/walks/${walkId}/observations`, 'traffic', observation())).json();
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif?.toString('latin1')).toContain('WalkCam');
    const put = (content: Buffer, who: Who = 'traffic') => {
      const body = multipartUpload('bild.jpg', content, { field: 'photo', type: 'image/jpeg' });
      return app.inject({
        method: 'PUT',
        url: `/api/walks/${walkId}/observations/${obs.id}/photo`,
        headers: { ...as[who], ...body.headers },
        payload: body.payload,
      });
    };
    const res = await put(original);
    expect([res.statusCode, res.json()]).toEqual([200, { width: 1200, height: 900 }]);
    expect((await put(original)).statusCode).toBe(200);
    const rows = await getDb()
      .db.selectFrom('walk_observation_photos')
      .selectAll()
      .where('observation_id', '=', obs.id)
      .execute();
    expect(rows).toHaveLength(1);
    for (const size of ['full', 'thumb']) {
      const got = await call('GET', `/api/walks/${walkId}/observations/${obs.id}/photo?size=${size}`, 'police');
      expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'image/jpeg']);
      const meta = await sharp(got.rawPayload).metadata();
      expect([meta.exif, meta.xmp, meta.icc, meta.iptc]).toEqual([undefined, undefined, undefined, undefined]);
      expect(got.rawPayload.toString('latin1')).not.toMatch(/Exif|WalkCam|GPS/);
      expect(meta.width).toBe(size === 'full' ? 1200 : 320);
    }
    expect((await call('GET', `/api/walks/${walkId}/observations/${obs.id}/photo`, 'outsider')).statusCode).toBe(404);
    const heic = await put(
      await readFile(new URL('../../../tests/fixtures/photos/phone-with-gps.heic', import.meta.url)),
    );
    expect([heic.statusCode, heic.json()]).toEqual([200, { width: 320, height: 240 }]);
    const text = await put(Buffer.from('inte en bild'));
    expect([text.statusCode, text.json().error.details[0].code]).toEqual([415, 'not_a_photo']);
    expect((await put(original, 'outsider')).statusCode).toBe(404);
  });

  it('reports each observation with its responsible unit and turns one into a problem and one into inbox work', async () => {
    const report = (await call('GET', `/api/walks/${walkId}/report`, 'coordinator')).json();
    const byItem = (code: string) =>
      report.observations.filter((o: { item: { code: string } }) => o.item.code === code);
    expect(byItem('klotter').map((o: { responsible_unit: { name: string } }) => o.responsible_unit.name)).toEqual([
      'Trafiknämnden',
      'Trafiknämnden',
    ]);
    expect(byItem('vegetation')[0].responsible_unit.name).toBe('Södra stadsdelsnämnden');

    const [graffiti] = byItem('klotter');
    const routed = await call('POST', `/api/walks/${walkId}/observations/${graffiti.id}/route`, 'coordinator');
    expect(routed.statusCode).toBe(200);
    const inbox = (await call('GET', `/api/inbox?unit_id=${trafficUnit}`, 'traffic')).json();
    expect(
      inbox.items.filter(
        (i: { kind: string; id: string }) => i.kind === 'incident' && i.id === routed.json().incident_id,
      ),
    ).toHaveLength(1);
    expect(
      (await call('POST', `/api/walks/${walkId}/observations/${graffiti.id}/route`, 'coordinator')).statusCode,
    ).toBe(409);

    const [bushes] = byItem('vegetation');
    expect(
      (await call('POST', `/api/walks/${walkId}/observations/${bushes.id}/problem`, 'police', {})).statusCode,
    ).toBe(403);
    const problem = await call('POST', `/api/walks/${walkId}/observations/${bushes.id}/problem`, 'coordinator', {});
    expect(problem.statusCode).toBe(200);
    const created = (await call('GET', `/api/problems/${problem.json().problem_id}`, 'coordinator')).json();
    expect(created.evidence.map((e: { kind: string; ref: string }) => [e.kind, e.ref])).toEqual([
      ['walk_observation', bushes.id],
    ]);
    expect(created.owner_unit_id ?? created.owner_unit?.id).toBe(org.unitId);
    expect(
      (await call('POST', `/api/walks/${walkId}/observations/${bushes.id}/problem`, 'coordinator', {})).statusCode,
    ).toBe(409);
  });

  it('downloads the report as a Swedish PDF with labels, photos and outcomes, for those who see the walk', async () => {
    const res = await call('GET', `/api/walks/${walkId}/report/pdf`, 'police');
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(res.headers['content-disposition']).toBe('attachment; filename="trygghetsvandring-soderby-2026-12-10.pdf"');
    const text = pdfText(res.rawPayload);
    for (const words of [
      'Trygghetsvandring i Söderby',
      '10 december 2026',
      'Polisen',
      'Boende, Bostadsbolag, Unga',
      'Per ansvarig enhet',
      'Klotter (2)',
      'Vegetation som skymmer sikten (1)',
      'Hög allvar',
      'Medel allvar',
      'Skickad som ärende till Trafiknämnden',
      'Blev problemet',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/Nr 1: Klotter/);
    expect(text).not.toMatch(CODE_LIKE);
    expect(text).not.toContain('070');
    // No basemap streets this far south: no OpenStreetMap credit either.
    expect(text).not.toContain('OpenStreetMap');
    expect(res.rawPayload.toString('latin1')).toContain('/Subtype /Image');
    expect((await call('GET', `/api/walks/${walkId}/report/pdf`, 'outsider')).statusCode).toBe(404);
    expect((await call('GET', `/api/walks/${walkId}/report/pdf`, 'stranger')).statusCode).toBe(404);
    expect((await call('GET', `/api/walks/${walkId}/report/pdf`, 'analyst')).statusCode).toBe(403);
    const exports = await getDb()
      .db.selectFrom('audit_events')
      .select(['entity_id'])
      .where('entity_type', '=', 'safety_walk')
      .where('action', '=', 'export')
      .execute();
    expect(exports.map((e) => e.entity_id)).toEqual([walkId]);
  });

  it('finishes the walk: no new observations, but a resend of a stored one still answers with it', async () => {
    const stored = (await call('GET', `/api/walks/${walkId}/observations`, 'police')).json().observations[0];
    const done = await call('POST', `/api/walks/${walkId}/status`, 'police', { status: 'finished' });
    expect([done.statusCode, done.json().status, done.json().can_capture]).toEqual([200, 'finished', false]);
    const late = await call('POST', `/api/walks/${walkId}/observations`, 'police', observation());
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const resend = await call('POST', `/api/walks/${walkId}/observations`, 'police', {
      id: stored.id,
      item_id: stored.item.id,
      lon: stored.lon,
      lat: stored.lat,
      severity: stored.severity,
    });
    expect([resend.statusCode, resend.json().id]).toEqual([200, stored.id]);
    expect((await call('POST', `/api/walks/${walkId}/status`, 'police', { status: 'ongoing' })).statusCode).toBe(409);
  });

  it('asks the next walk in the area whether the observations were fixed, stores and audits the answer, and shows it on both reports', async () => {
    const plan = async (date: string, area: string, route?: number[][]) => {
      const res = await call('POST', '/api/walks', 'coordinator', {
        title: `Återbesök ${date}`,
        unit_id: org.unitId,
        area_id: area,
        walk_date: date,
        invited_unit_ids: [policeUnit],
        ...(route ? { route: { type: 'LineString', coordinates: route } } : {}),
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    // The district around Söderby overlaps it; the route runs through the city centre's streets.
    const next = await plan('2026-12-20', org.areas.southDistrict, [
      [18.064, 59.331],
      [18.07, 59.333],
    ]);
    const earlier = (await call('GET', `/api/walks/${next}/followups`, 'police')).json().observations;
    expect(earlier).toHaveLength(3);
    expect(earlier.every((o: { answer: unknown }) => o.answer === null)).toBe(true);
    const [graffiti] = earlier;
    const url = `/api/walks/${next}/followups/${graffiti.id}`;
    const followups = async () =>
      (await getDb().db.selectFrom('walk_observation_followups').selectAll().execute()).length;

    expect((await call('PUT', url, 'outsider', { outcome: 'fixed' })).statusCode).toBe(404);
    expect((await call('PUT', url, 'stranger', { outcome: 'fixed' })).statusCode).toBe(404);
    expect((await call('PUT', url, 'analyst', { outcome: 'fixed' })).statusCode).toBe(403);
    expect((await call('GET', `/api/walks/${next}/followups`, 'outsider')).statusCode).toBe(404);
    expect((await call('PUT', url, 'police', { outcome: 'maybe' })).statusCode).toBe(400);
    expect(
      (await call('PUT', `/api/walks/${next}/followups/${randomUUID()}`, 'police', { outcome: 'fixed' })).statusCode,
    ).toBe(404);
    expect(await followups()).toBe(0);

    const partly = await call('PUT', url, 'police', { outcome: 'partly', note: 'Hälften kvar, ring 070-123 45 67' });
    expect(partly.statusCode).toBe(200);
    expect(partly.json().answer).toMatchObject({ outcome: 'partly', walk: { id: next } });
    expect(partly.json().answer.note).not.toContain('070');
    expect(partly.json().answer.answered_by).toEqual(expect.any(String));
    const fixed = await call('PUT', url, 'police', { outcome: 'fixed' });
    expect([fixed.statusCode, fixed.json().answer.outcome, fixed.json().answer.note]).toEqual([200, 'fixed', null]);
    expect(await followups()).toBe(1);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'walk_observation_followup')
      .orderBy('occurred_at')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entity_id: graffiti.id },
      { action: 'update', entity_id: graffiti.id },
    ]);

    // The earlier walk's report says what the next walk found; the next walk's report lists its answer.
    const before = (await call('GET', `/api/walks/${walkId}/report`, 'coordinator')).json();
    expect(before.observations.find((o: { id: string }) => o.id === graffiti.id).followups).toMatchObject([
      { outcome: 'fixed', walk: { id: next, title: 'Återbesök 2026-12-20' } },
    ]);
    const after = (await call('GET', `/api/walks/${next}/report`, 'coordinator')).json();
    expect(after.earlier.find((o: { id: string }) => o.id === graffiti.id).answer.outcome).toBe('fixed');
    // A fixed observation is no longer asked about on the walk after.
    const third = await plan('2026-12-30', org.areas.south);
    const open = (await call('GET', `/api/walks/${third}/followups`, 'police')).json().observations;
    expect(open.map((o: { id: string }) => o.id)).not.toContain(graffiti.id);
    expect(open).toHaveLength(2);

    const earlierPdf = pdfText((await call('GET', `/api/walks/${walkId}/report/pdf`, 'coordinator')).rawPayload);
    expect(earlierPdf).toMatch(/Vid vandringen ”Återbesök 2026-12-20” 20 december 2026: Åtgärdad/);
    const nextPdf = pdfText((await call('GET', `/api/walks/${next}/report/pdf`, 'coordinator')).rawPayload);
    expect(nextPdf).toContain('Åtgärdat sedan tidigare vandringar?');
    expect(nextPdf).toContain('Inte bedömd');
    expect(nextPdf).toContain('© OpenStreetMap-bidragsgivare, ODbL');
    expect(nextPdf.replace('Återbesök 2026-12-20', '')).not.toMatch(CODE_LIKE);
  });
});
