import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'protokoll' };
const pdfText = (body: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: body }).toString();

describeEachEngine('meeting protocol: PDF and Excel with participants, ratings and actions', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<'coordinator' | 'analyst' | 'outsider', Record<string, string>>;
  let meetingId = '';

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'protokoll');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'protokoll' },
      webRoot: null,
    });
    const police = await createTestUnit(db, org.organisation.id, 'polisen', 'partner');
    const traffic = await createTestUnit(db, org.organisation.id, 'trafikkontoret', 'specialist');
    const outsider = await createTestUnit(db, org.organisation.id, 'grannar', 'partner');
    const sign = async (unitId: string, role: Parameters<typeof signedInAs>[4]) =>
      (await signedInAs(app, db, org.organisation.id, unitId, role, ORG)).headers;
    as.coordinator = await sign(org.unitId, 'coordinator');
    as.analyst = await sign(org.unitId, 'analyst');
    as.outsider = await sign(outsider, 'partner_viewer');
    const send = (method: 'POST' | 'PUT', url: string, payload: object) =>
      app.inject({ method, url, headers: as.coordinator, payload });
    for (const occurred_at of ['2026-09-30T12:00:00+02:00', '2026-10-01T18:00:00+02:00']) {
      const res = await send('POST', '/api/incidents', { occurred_at, category: 'klotter', lon: 18.02, lat: 59.27 });
      expect(res.statusCode).toBe(201);
    }
    const frozen = await send('POST', '/api/situation/reports', { area_id: org.areas.southDistrict, week: '2026-W40' });
    expect(frozen.statusCode).toBe(201);
    // Confirmed at the meeting, after the freeze: the protocol gives the rating as confirmed.
    const rated = await send('PUT', `/api/situation/districts/${org.areas.southDistrict}/ratings`, {
      week: '2026-W40',
      ratings: [{ neighbourhood_code: 'south', level: 3, comment: 'Oro kring torget' }],
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const meeting = await send('POST', `/api/situation/reports/${frozen.json().report.id}/meeting`, {
      held_at: '2026-10-05T09:30:00+02:00',
      participants: [org.unitId, police, traffic],
      attendees: [
        { name: 'Eva Lind', unit_id: police },
        { name: 'Omar Berg', unit_id: null },
      ],
      notes: 'Gick igenom veckan. Klotter vid torget.',
      actions: [
        { unit_id: traffic, title: 'Byt trasig belysning vid torget', due_date: '2026-10-19' },
        { unit_id: police, title: 'Extra patrull fredag kväll', due_date: '2026-10-09' },
      ],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    meetingId = meeting.json().id;
    expect(meeting.json().attendees).toEqual([
      { name: 'Eva Lind', unit_id: police, unit_name: expect.any(String) },
      { name: 'Omar Berg', unit_id: null, unit_name: null },
    ]);
  }, 120_000);
  afterAll(async () => app.close());

  it('writes a Swedish protocol PDF: numbered headings, participants, confirmed rating, actions with local dates, page numbers', async () => {
    const res = await app.inject({ url: `/api/situation/meetings/${meetingId}/protocol/pdf`, headers: as.coordinator });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/protokoll-.*-2026-W40\.pdf/);
    const text = pdfText(res.rawPayload).replace(/[ \t]+/g, ' ');
    for (const heading of [
      'Protokoll EST-möte vecka 40 2026',
      '1 Deltagare',
      '2 Lägesbilden i korthet',
      '3 Områdesbedömning',
      '4 Anteckningar',
      '5 Beslutade åtgärder',
      '6 Uppföljning av tidigare åtgärder',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Mötet hölls 5 oktober 2026 kl. 09:30');
    expect(text).toContain('Eva Lind');
    expect(text).toContain('Omar Berg');
    expect(text).toContain('polisen');
    expect(text).toMatch(/Söderby\s+2\s+3 oroligt\s+Oro kring torget/);
    expect(text).toMatch(/Extra patrull fredag kväll\s+polisen\s+9 oktober 2026\s+Öppen/);
    expect(text).toMatch(/Byt trasig belysning vid torget\s+trafikkontoret\s+19 oktober 2026/);
    expect(text).toContain('Gick igenom veckan.');
    expect(text).toMatch(/Sida 1 av \d/);
    expect(text).not.toMatch(/2026-10-19|T\d{2}:\d{2}|[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('writes the same protocol as a workbook', async () => {
    const res = await app.inject({
      url: `/api/situation/meetings/${meetingId}/protocol/xlsx`,
      headers: as.coordinator,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (name: string) =>
      (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Möte',
      'Deltagande enheter',
      'Deltagare',
      'Områdesbedömning',
      'Beslutade åtgärder',
      'Tidigare åtgärder',
    ]);
    expect(rows('Deltagare')).toEqual([
      ['Namn', 'Enhet'],
      ['Eva Lind', 'polisen'],
      ['Omar Berg', 'Gäst'],
    ]);
    expect(rows('Beslutade åtgärder').slice(1)).toEqual([
      ['Extra patrull fredag kväll', 'polisen', '9 oktober 2026', 'Öppen'],
      ['Byt trasig belysning vid torget', 'trafikkontoret', '19 oktober 2026', 'Öppen'],
    ]);
    expect(rows('Områdesbedömning')[1]).toEqual(['Söderby', 2, '3 oroligt', 'Oro kring torget', expect.any(String)]);
    expect(rows('Möte')).toContainEqual(['Händelser veckan', 2]);
  });

  it('keeps the notes from analysts and the whole protocol from units outside the meeting', async () => {
    const analyst = await app.inject({ url: `/api/situation/meetings/${meetingId}/protocol/pdf`, headers: as.analyst });
    expect(analyst.statusCode).toBe(200);
    const text = pdfText(analyst.rawPayload);
    expect(text).not.toContain('Gick igenom veckan.');
    expect(text).toContain('Anteckningarna visas inte för din roll.');
    const outsider = await app.inject({
      url: `/api/situation/meetings/${meetingId}/protocol/pdf`,
      headers: as.outsider,
    });
    expect([403, 404]).toContain(outsider.statusCode);
  });

  it('refuses a meeting with an unknown unit for a person, 400 with the path', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/situation/meetings/${meetingId}`,
      headers: as.coordinator,
      payload: { attendees: [{ name: 'X', unit_id: '00000000-0000-4000-8000-000000000000' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('attendees');
  });
});
