import { execFileSync } from 'node:child_process';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation, createTestUnit } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'motet' };
const incident = { occurred_at: '2026-09-30T12:00:00+02:00', category: 'klotter', lon: 18.02, lat: 59.27 };

describeEachEngine('situation API: freeze, meeting, actions, inbox, exports, access', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as: Record<
    'coordinator' | 'otherCoordinator' | 'traffic' | 'police' | 'analyst' | 'admin',
    Record<string, string>
  > = {} as never;
  const units: Record<'other' | 'traffic' | 'police', string> = {} as never;
  let reportId = '';
  let meetingId = '';

  const unit = async (slug: string, kind: 'district' | 'specialist' | 'partner') =>
    createTestUnit(getDb().db, org.organisation.id, slug, kind);
  const get = (url: string, who: Record<string, string>) => app.inject({ url, headers: who });
  const send = (
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    who: Record<string, string>,
    payload?: object,
  ) => app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'motet');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'motet' },
      webRoot: null,
    });
    units.other = await unit('sdn-other', 'district');
    units.traffic = await unit('trafiknamnden', 'specialist');
    units.police = await unit('polisen', 'partner');
    const sign = async (unitId: string, role: Parameters<typeof signedInAs>[4]) =>
      (await signedInAs(app, db, org.organisation.id, unitId, role, ORG)).headers;
    as.coordinator = await sign(org.unitId, 'coordinator');
    as.otherCoordinator = await sign(units.other, 'coordinator');
    as.traffic = await sign(units.traffic, 'unit_editor');
    as.police = await sign(units.police, 'partner_viewer');
    as.analyst = await sign(org.unitId, 'analyst');
    as.admin = await sign(units.other, 'admin');
    for (const occurred_at of ['2026-09-30T12:00:00+02:00', '2026-10-01T18:00:00+02:00', '2026-09-23T12:00:00+02:00']) {
      expect((await send('POST', '/api/incidents', as.coordinator, { ...incident, occurred_at })).statusCode).toBe(201);
    }
  }, 120_000);
  afterAll(async () => app.close());

  it.each(['2026-W54', '2026-47', '2021-W53', 'W47'])('refuses the week %s with 400 and a code', async (week) => {
    const res = await get(`/api/situation/report?area_id=${org.areas.southDistrict}&week=${week}`, as.coordinator);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details[0].path).toBe('week');
  });

  it('serves the live report to staff and analysts, not to partners', async () => {
    const res = await get(`/api/situation/report?area_id=${org.areas.southDistrict}&week=2026-W40`, as.analyst);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json().totals.count).toBe(2);
    expect((await get(`/api/situation/report?week=2026-W40`, as.police)).statusCode).toBe(403);
  });

  it('sends the report compressed as the client accepts (br, gzip or plain), the same JSON every way', async () => {
    const url = `/api/situation/report?area_id=${org.areas.southDistrict}&week=2026-W40`;
    const plain = await get(url, as.analyst);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip;q=1, br;q=0.5', 'gzip', gunzipSync],
    ] as const) {
      // Twice: the second answer comes from the bytes compressed for the first.
      for (let i = 0; i < 2; i++) {
        const res = await get(url, { ...as.analyst, 'accept-encoding': accept });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(decode(res.rawPayload).toString('utf8')).toBe(plain.body);
      }
    }
    expect((await get(url, { ...as.analyst, 'accept-encoding': 'identity' })).body).toBe(plain.body);
  });

  it('filters the report by category group and source, for a district and for the whole city', async () => {
    // Week 2026-W45: 3 graffiti (property) from staff, 2 violence from residents, 1 threat from the police.
    for (const [category, source, n] of [
      ['klotter', 'staff', 3],
      ['vald', 'resident', 2],
      ['hot', 'police', 1],
    ] as const) {
      for (let i = 0; i < n; i++) {
        expect(
          (
            await send('POST', '/api/incidents', as.coordinator, {
              ...incident,
              occurred_at: '2026-11-04T12:00:00+01:00',
              category,
              source,
            })
          ).statusCode,
        ).toBe(201);
      }
    }
    const report = async (query: string, who = as.coordinator) => {
      const res = await get(`/api/situation/report?week=2026-W45${query}`, who);
      expect(res.statusCode).toBe(200);
      return res.json() as {
        totals: { count: number };
        categories: Array<{ code: string; count: number }>;
        trend: Array<{ week: string; count: number }>;
        filters: unknown;
      };
    };
    const district = `&area_id=${org.areas.southDistrict}`;
    expect((await report(district)).totals.count).toBe(6);
    const violence = await report(`${district}&category_group=violence`);
    expect(violence.totals.count).toBe(3);
    expect(violence.categories.map((c) => [c.code, c.count])).toEqual([
      ['vald', 2],
      ['hot', 1],
    ]);
    expect(violence.filters).toEqual({ category_group: ['violence'], source: null });
    expect(violence.trend.find((t) => t.week === '2026-W45')!.count).toBe(3);
    expect((await report(`${district}&source=staff`)).totals.count).toBe(3);
    expect((await report(`${district}&category_group=violence&source=police`)).totals.count).toBe(1);
    expect((await report(`${district}&category_group=violence,property&source=staff,resident`)).totals.count).toBe(5);
    expect((await report('&category_group=violence&source=resident', as.admin)).totals.count).toBe(2);
    const bad = await get(`/api/situation/report?week=2026-W45${district}&source=rumour`, as.coordinator);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^source/);
  });

  it("lets only this district's coordinator (or an admin) freeze, rate and set thresholds", async () => {
    const body = { area_id: org.areas.southDistrict, week: '2026-W40' };
    expect((await send('POST', '/api/situation/reports', as.otherCoordinator, body)).statusCode).toBe(403);
    expect(
      (
        await send('PUT', `/api/situation/districts/${org.areas.southDistrict}/thresholds`, as.otherCoordinator, {
          viss_oro_from: 1,
          oroligt_from: 2,
          allvarligt_from: 3,
          violence_weight: 2,
          rise_raises_level: false,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await send('POST', '/api/situation/reports', as.coordinator, { area_id: null, week: '2026-W40' })).statusCode,
    ).toBe(403);
    expect((await send('POST', '/api/situation/reports', as.analyst, body)).statusCode).toBe(403);
  });

  it('sets thresholds and confirms ratings, which the report then shows', async () => {
    const t = await send('PUT', `/api/situation/districts/${org.areas.southDistrict}/thresholds`, as.coordinator, {
      viss_oro_from: 1,
      oroligt_from: 2,
      allvarligt_from: 10,
      violence_weight: 2,
      rise_raises_level: false,
    });
    expect(t.json()).toMatchObject({ district_code: 'south-district', oroligt_from: 2, customised: true });
    const bad = await send('PUT', `/api/situation/districts/${org.areas.southDistrict}/thresholds`, as.coordinator, {
      viss_oro_from: 5,
      oroligt_from: 2,
      allvarligt_from: 10,
      violence_weight: 2,
      rise_raises_level: false,
    });
    expect(bad.statusCode).toBe(400);
    const confirmed = await send('PUT', `/api/situation/districts/${org.areas.southDistrict}/ratings`, as.coordinator, {
      week: '2026-W40',
      ratings: [{ neighbourhood_code: 'south', level: 2, comment: 'lugnare än förslaget' }],
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()[0].rating).toMatchObject({
      proposed: 3,
      confirmed: { level: 2, comment: 'lugnare än förslaget' },
    });
    const wrong = await send('PUT', `/api/situation/districts/${org.areas.southDistrict}/ratings`, as.coordinator, {
      week: '2026-W40',
      ratings: [{ neighbourhood_code: 'north', level: 1 }],
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('freezes a report that late reports do not change, and shows them as a difference', async () => {
    const frozen = await send('POST', '/api/situation/reports', as.coordinator, {
      area_id: org.areas.southDistrict,
      week: '2026-W40',
    });
    expect(frozen.statusCode).toBe(201);
    reportId = frozen.json().report.id;
    expect(frozen.json().frozen.totals.count).toBe(2);
    expect(
      (
        await send('POST', '/api/situation/reports', as.coordinator, {
          area_id: org.areas.southDistrict,
          week: '2026-W40',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await send('POST', '/api/incidents', as.coordinator, { ...incident, occurred_at: '2026-10-03T09:00:00+02:00' }))
        .statusCode,
    ).toBe(201);
    const view = (await get(`/api/situation/reports/${reportId}`, as.coordinator)).json();
    expect(view.frozen.totals.count).toBe(2);
    expect(view.current.totals.count).toBe(3);
    expect(view.diff.total).toEqual({ frozen: 2, current: 3, difference: 1 });
    expect(view.diff.categories.find((c: { code: string }) => c.code === 'klotter')).toMatchObject({ difference: 1 });
    expect(view.diff.reported_after_freeze).toBe(1);
  });

  it('records a meeting with redacted notes and actions; analysts see no notes, partners only their meetings', async () => {
    // Not shared with the police until they take part in its meeting: reported as absent (confidentiality tiers).
    expect((await get(`/api/situation/reports/${reportId}`, as.police)).statusCode).toBe(404);
    const res = await send('POST', `/api/situation/reports/${reportId}/meeting`, as.coordinator, {
      held_at: '2026-10-06T09:00:00+02:00',
      participants: [org.unitId, units.police, units.traffic],
      notes: 'Polisen rapporterar oro vid torget. Kontakt 070-123 45 67.',
      actions: [
        { unit_id: units.traffic, title: 'Laga belysningen vid torget', due_date: '2026-10-01' },
        { unit_id: units.traffic, title: 'Se över buskage', due_date: '2099-01-01' },
      ],
    });
    expect(res.statusCode).toBe(201);
    meetingId = res.json().id;
    expect(res.json().notes).toBe('Polisen rapporterar oro vid torget. Kontakt [telefon].');
    expect(res.json().actions).toHaveLength(2);
    expect((await get(`/api/situation/meetings/${meetingId}`, as.analyst)).json().notes).toBeNull();
    expect((await get(`/api/situation/reports/${reportId}`, as.police)).statusCode).toBe(200);
    expect(
      (await send('PATCH', `/api/situation/meetings/${meetingId}`, as.otherCoordinator, { notes: 'x' })).statusCode,
    ).toBe(403);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select('entity_type')
      .where('organisation_id', '=', org.organisation.id)
      .execute();
    expect(audit.map((a) => a.entity_type)).toEqual(
      expect.arrayContaining(['situation_report', 'meeting', 'meeting_action', 'area_rating', 'rating_thresholds']),
    );
  });

  it("puts the actions in the assignee unit's inbox, flags overdue ones and drops done ones", async () => {
    const inbox = await get(`/api/inbox?unit_id=${units.traffic}`, as.traffic);
    expect(inbox.statusCode).toBe(200);
    const items = inbox.json().items;
    expect(items.map((i: { kind: string; title: string; overdue: boolean }) => [i.kind, i.title, i.overdue])).toEqual([
      ['meeting_action', 'Laga belysningen vid torget', true],
      ['meeting_action', 'Se över buskage', false],
    ]);
    expect(items[0].days_left).toBeLessThan(0);
    expect(items[0].meeting).toMatchObject({ week: '2026-W40', area_name: 'Söder' });
    expect((await get(`/api/inbox?unit_id=${units.traffic}`, as.police)).statusCode).toBe(403);
    expect(
      (await send('PATCH', `/api/situation/actions/${items[1].id}`, as.police, { status: 'done' })).statusCode,
    ).toBe(403);
    const done = await send('PATCH', `/api/situation/actions/${items[1].id}`, as.traffic, {
      status: 'done',
      note: 'Klippt',
    });
    expect(done.json()).toMatchObject({ status: 'done', status_note: 'Klippt' });
    expect((await get(`/api/inbox?unit_id=${units.traffic}`, as.traffic)).json().items).toHaveLength(1);
  });

  it("lists last week's actions and their status in next week's report", async () => {
    const next = (
      await get(`/api/situation/report?area_id=${org.areas.southDistrict}&week=2026-W41`, as.coordinator)
    ).json();
    expect(
      next.previous_actions.map((a: { title: string; status: string; overdue: boolean; meeting_week: string }) => [
        a.title,
        a.status,
        a.overdue,
        a.meeting_week,
      ]),
    ).toEqual([
      ['Laga belysningen vid torget', 'open', true, '2026-W40'],
      ['Se över buskage', 'done', false, '2026-W40'],
    ]);
  });

  it('keeps annotations on the timeline (create, edit, delete), for its district only', async () => {
    const created = await send('POST', '/api/situation/annotations', as.coordinator, {
      date: '2026-09-29',
      kind: 'new_app',
      text: '=HYPERLINK("http://x") ny app',
      area_id: org.areas.southDistrict,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ week: '2026-W40', kind: 'new_app' });
    expect(
      (
        await send('POST', '/api/situation/annotations', as.otherCoordinator, {
          date: '2026-09-29',
          kind: 'campaign',
          text: 'x',
          area_id: org.areas.southDistrict,
        })
      ).statusCode,
    ).toBe(403);
    const extra = (
      await send('POST', '/api/situation/annotations', as.admin, {
        date: '2026-09-30',
        kind: 'campaign',
        text: 'Kampanj i hela staden',
      })
    ).json();
    expect(
      (await send('PATCH', `/api/situation/annotations/${extra.id}`, as.admin, { text: 'Kampanj' })).json().text,
    ).toBe('Kampanj');
    expect((await send('DELETE', `/api/situation/annotations/${extra.id}`, as.admin)).statusCode).toBe(204);
    const list = (await get(`/api/situation/annotations?area_id=${org.areas.southDistrict}`, as.analyst)).json();
    expect(list.map((a: { kind: string }) => a.kind)).toEqual(['new_app']);
  });

  it('exports the report as a valid A4 PDF in Swedish and as Excel with one sheet per table', async () => {
    const pdf = await get(`/api/situation/report/pdf?area_id=${org.areas.southDistrict}&week=2026-W41`, as.coordinator);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', ['-'], { input: pdf.rawPayload }).toString();
    expect(info).toMatch(/Pages:\s+3/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString();
    for (const s of [
      'Lägesbild vecka 41 2026',
      'Stadsdelsområde Söder',
      'Söderby',
      'Områdesbedömning',
      'Klotter',
      'Stöld/inbrott',
      'Årshjul',
      'Laga belysningen vid torget',
      'Ovanligt för platsen',
    ]) {
      expect(text).toContain(s);
    }
    const xlsx = await get(`/api/situation/reports/${reportId}/xlsx`, as.coordinator);
    expect(xlsx.headers['content-disposition']).toContain('lagesbild-south-district-2026-W40-fryst.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Översikt',
      'Stadsdelar',
      'Kategorier',
      'Hotspots',
      'Ovanligt för platsen',
      'Platser',
      'Tid',
      'Trend',
      'Årshjul',
      'Anteckningar',
      'Åtgärder',
      'Förklaringar',
    ]);
    expect(book.getWorksheet('Stadsdelar')!.getRow(2).getCell(2).value).toBe(2);
    const live = new ExcelJS.Workbook();
    await live.xlsx.load(
      (await get(`/api/situation/report/xlsx?area_id=${org.areas.southDistrict}&week=2026-W40`, as.coordinator))
        .rawPayload as never,
    );
    expect(live.getWorksheet('Anteckningar')!.getRow(2).getCell(4).value).toBe('\'=HYPERLINK("http://x") ny app');
  });
});
