import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { monthsBefore, runRetention } from '../gdpr/gdpr.service.js';
import { multipartUpload } from '../../../tests/factories/imports.factory.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { photoWithGps } from '../../../tests/factories/photos.factory.js';

const report = { category: 'trasig_belysning', lon: 18.021, lat: 59.271 };
let address = 0;
const nextAddress = () => `10.7.0.${++address}`;

const phonePhoto = () => photoWithGps({ width: 2400, height: 1800, make: 'TestCam' });

describeEachEngine('the resident hears back: photo, history, replies, receipt lookup', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let editor: Record<string, string>;
  let analyst: Record<string, string>;
  let outsider: Record<string, string>;

  const file = async (extra: object = {}, slug = 'hora') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: nextAddress(),
      headers: { 'x-trygg-organisation': slug },
      payload: { ...report, place_id: (slug === 'hora' ? org : other).placeId, ...extra },
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json().receipt_code as string;
    const { id } = await getDb()
      .db.selectFrom('incidents')
      .select('id')
      .where('receipt_code', '=', receipt)
      .executeTakeFirstOrThrow();
    return { receipt, id };
  };
  const upload = (receipt: string, content: Buffer, field = 'photo') => {
    const body = multipartUpload('bild.jpg', content, { field, type: 'image/jpeg' });
    return app.inject({
      method: 'POST',
      url: `/api/public/reports/${receipt}/photo`,
      remoteAddress: nextAddress(),
      headers: { 'x-trygg-organisation': 'hora', ...body.headers },
      payload: body.payload,
    });
  };
  const follow = (receipt: string) =>
    app.inject({
      url: `/api/public/reports/${receipt}`,
      remoteAddress: nextAddress(),
      headers: { 'x-trygg-organisation': 'hora' },
    });
  const reply = (id: string, body: string, headers = editor) =>
    app.inject({ method: 'POST', url: `/api/incidents/${id}/public-updates`, headers, payload: { body } });
  const confirm = async (incidentId: string) => {
    const { body } = await getDb()
      .db.selectFrom('outbox_messages')
      .select('body')
      .where('incident_id', '=', incidentId)
      .where('kind', '=', 'contact_confirmation')
      .executeTakeFirstOrThrow();
    const token = /\/report\/confirm#([\w-]+)/.exec(body)![1];
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/contacts/confirm',
      remoteAddress: nextAddress(),
      headers: { 'x-trygg-organisation': 'hora' },
      payload: { token },
    });
    expect(res.statusCode).toBe(204);
  };

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'hora');
    other = await createTestOrganisation(db, 'annan');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'hora', publicUrl: 'https://trygg.example' },
      webRoot: null,
    });
    const category = await db
      .selectFrom('incident_categories')
      .select('id')
      .where('organisation_id', '=', org.organisation.id)
      .where('code', '=', 'trasig_belysning')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('service_levels')
      .values({
        organisation_id: org.organisation.id,
        category_id: category.id,
        hours: 72,
        rule: 'Trasig belysning åtgärdas inom tre dygn.',
      })
      .execute();
    const as = async (o: TestOrganisation, role: 'unit_editor' | 'analyst') =>
      (await signedInAs(app, db, o.organisation.id, o.unitId, role, { 'x-trygg-organisation': o.organisation.slug }))
        .headers;
    editor = await as(org, 'unit_editor');
    analyst = await as(org, 'analyst');
    outsider = await as(other, 'unit_editor');
  }, 120_000);
  afterAll(async () => app.close());

  it('keeps a photo resized and without EXIF or GPS, with a thumbnail, shown to the receipt holder and staff', async () => {
    const { receipt, id } = await file();
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    expect(before.exif?.toString('latin1')).toContain('TestCam');
    expect(before.exif!.includes(Buffer.from([0x88, 0x25])) || before.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(
      true,
    );

    const res = await upload(receipt, original);
    expect([res.statusCode, res.json()]).toEqual([201, { width: 1600, height: 1200 }]);

    const stored = await getDb()
      .db.selectFrom('incident_photos')
      .selectAll()
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow();
    for (const [bytes, width] of [
      [stored.image, 1600],
      [stored.thumbnail, 320],
    ] as const) {
      const meta = await sharp(Buffer.from(bytes)).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width });
      expect([meta.exif, meta.xmp, meta.icc, meta.iptc]).toEqual([undefined, undefined, undefined, undefined]);
      expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/Exif|TestCam|GPS/);
    }
    // The report's point stays the one chosen on the map, not the photo's.
    expect((await follow(receipt)).json()).toMatchObject({ lon: 18.021, lat: 59.271, has_photo: true });

    const publicPhoto = await app.inject({
      url: `/api/public/reports/${receipt}/photo?size=thumb`,
      headers: { 'x-trygg-organisation': 'hora' },
      remoteAddress: nextAddress(),
    });
    expect([publicPhoto.statusCode, publicPhoto.headers['content-type'], publicPhoto.headers['cache-control']]).toEqual(
      [200, 'image/jpeg', 'private, no-store'],
    );
    expect(publicPhoto.rawPayload.equals(Buffer.from(stored.thumbnail))).toBe(true);
    const staffPhoto = await app.inject({ url: `/api/incidents/${id}/photo`, headers: editor });
    expect(staffPhoto.rawPayload.equals(Buffer.from(stored.image))).toBe(true);
    // Analysts work with aggregates: a photo is like free text to them.
    expect((await app.inject({ url: `/api/incidents/${id}/photo`, headers: analyst })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/incidents/${id}/photo`, headers: outsider })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/incidents/${id}/photo` })).statusCode).toBe(401);

    const again = await upload(receipt, original);
    expect([again.statusCode, again.json().error.details[0].code]).toEqual([409, 'photo_closed']);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_type', '=', 'incident_photo')
      .where('entity_id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'create', after: { incident_id: id, width: 1600, height: 1200 } });
  });

  it("keeps a phone's HEIC photo (HEVC) as an upright JPEG without its EXIF or GPS", async () => {
    const { receipt, id } = await file();
    // Made with libheif's heif-enc from a 320×240 JPEG (blue top-left quarter on red) carrying camera and GPS
    // EXIF, as an iPhone writes it: HEVC-coded, the EXIF kept in the file.
    const heic = await readFile(new URL('../../../tests/fixtures/photos/phone-with-gps.heic', import.meta.url));
    const before = await sharp(heic).metadata();
    expect([before.format, before.compression, before.exif?.toString('latin1')]).toEqual([
      'heif',
      'hevc',
      expect.stringContaining('GPS-phone'),
    ]);

    const res = await upload(receipt, heic);
    expect([res.statusCode, res.json()]).toEqual([201, { width: 320, height: 240 }]);
    const stored = await getDb()
      .db.selectFrom('incident_photos')
      .selectAll()
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow();
    const image = Buffer.from(stored.image);
    const meta = await sharp(image).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.xmp]).toEqual([
      'jpeg',
      320,
      240,
      undefined,
      undefined,
    ]);
    expect(image.toString('latin1')).not.toMatch(/Exif|TestCam|GPS/);
    const pixel = async (left: number, top: number) =>
      [...(await sharp(image).extract({ left, top, width: 1, height: 1 }).raw().toBuffer())].slice(0, 3);
    const [topLeft, bottomRight] = [await pixel(40, 30), await pixel(280, 200)];
    expect(topLeft[2]).toBeGreaterThan(150);
    expect(topLeft[0]).toBeLessThan(80);
    expect(bottomRight[0]).toBeGreaterThan(150);
    expect(bottomRight[2]).toBeLessThan(80);
  });

  it('refuses other files and oversize photos with a code and a Swedish and English message', async () => {
    const { receipt, id } = await file();
    const text = await upload(receipt, Buffer.from('inte en bild'));
    expect([text.statusCode, text.json().error.details[0].code]).toEqual([415, 'not_a_photo']);
    expect(text.json().error.messages).toEqual({
      sv: 'Fotot måste vara en JPEG-, PNG- eller HEIC-bild.',
      en: 'The photo must be a JPEG, PNG or HEIC image.',
    });
    const big = await upload(receipt, Buffer.alloc(10 * 1024 * 1024 + 1, 0xff));
    expect([big.statusCode, big.json().error.messages.sv]).toEqual([413, 'Fotot får vara högst 10 MB.']);
    const wrongField = await upload(receipt, await phonePhoto(), 'file');
    expect([wrongField.statusCode, wrongField.json().error.details[0].path]).toEqual([400, 'photo']);
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#ffffff80' } })
      .png()
      .toBuffer();
    expect([(await upload(receipt, png)).statusCode]).toEqual([201]);
    const stored = await getDb()
      .db.selectFrom('incident_photos')
      .select(['content_type', 'width'])
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ content_type: 'image/jpeg', width: 40 });
  });

  it('shows the status history, redacted replies and the expected handling time; e-mails the confirmed reporter', async () => {
    const { receipt, id } = await file({ notify: true, email: 'boende@example.se' });
    await confirm(id);
    const receiptMail = await getDb()
      .db.selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'body'])
      .where('incident_id', '=', id)
      .where('kind', '=', 'receipt')
      .executeTakeFirstOrThrow();
    expect(receiptMail.recipient).toBe('boende@example.se');
    expect(receiptMail.body).toContain(`https://trygg.example/follow/${receipt}`);

    const setStatus = (payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/incidents/${id}/status`, headers: editor, payload });
    expect((await setStatus({ status: 'in_progress', note: 'Intern: elektriker Berg bokad' })).statusCode).toBe(200);
    const answered = await reply(id, 'Vi byter lampan i veckan. Frågor? Ring Anna på 070-123 45 67.');
    expect(answered.statusCode).toBe(201);
    expect(answered.json().updates).toEqual([
      {
        id: expect.any(String),
        body: 'Vi byter lampan i veckan. Frågor? Ring Anna på [telefon].',
        created_at: expect.any(String),
      },
    ]);
    expect(answered.json().updates[0].body).not.toContain('070');
    expect((await setStatus({ status: 'closed', closure_reason: 'fixed' })).statusCode).toBe(200);

    const mail = await getDb()
      .db.selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'body'])
      .where('incident_id', '=', id)
      .where('kind', '=', 'public_update')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ recipient: 'boende@example.se', subject: `Svar om din anmälan ${receipt}` });
    expect(mail[0]!.body).toContain('Vi byter lampan i veckan.');
    expect(mail[0]!.body).not.toContain('070');

    const view = (await follow(receipt)).json();
    expect(
      view.history.map((s: { status: string; closure_reason: string | null }) => [s.status, s.closure_reason]),
    ).toEqual([
      ['new', null],
      ['in_progress', null],
      ['closed', 'fixed'],
    ]);
    expect(view.updates).toEqual([{ body: answered.json().updates[0].body, created_at: expect.any(String) }]);
    expect(view.handling).toEqual({
      hours: 72,
      rule: 'Trasig belysning åtgärdas inom tre dygn.',
      due_at: new Date(new Date(view.reported_at).getTime() + 72 * 3_600_000).toISOString(),
    });
    // Staff notes never reach the reporter.
    expect(JSON.stringify(view)).not.toContain('elektriker Berg');
  });

  it('queues no mail for a reporter without a confirmed address, and refuses replies from those who may not', async () => {
    const { receipt, id } = await file({ notify: true, email: 'obekraftad@example.se' });
    expect((await reply(id, 'Tack, vi tittar på det.')).statusCode).toBe(201);
    const mails = await getDb().db.selectFrom('outbox_messages').select('kind').where('incident_id', '=', id).execute();
    expect(mails.map((m) => m.kind)).toEqual(['contact_confirmation']);
    expect((await follow(receipt)).json().updates).toHaveLength(1);

    expect((await reply(id, 'Hej', analyst)).statusCode).toBe(403);
    expect((await reply(id, 'Hej', outsider)).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: `/api/incidents/${id}/public-updates`, payload: { body: 'x' } }))
        .statusCode,
    ).toBe(401);
    expect((await reply(id, '   ')).statusCode).toBe(400);
    const staffIncident = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: editor,
      payload: { ...report, occurred_at: new Date().toISOString(), precision: 'exact' },
    });
    expect(staffIncident.statusCode).toBe(201);
    const noReporter = await reply(staffIncident.json().id, 'Hej');
    expect([noReporter.statusCode, noReporter.json().error.details[0].code]).toEqual([409, 'no_reporter']);
  });

  it('finds a report by its receipt code for staff of its organisation only, and shows the code, not the id', async () => {
    const { receipt, id } = await file();
    const found = await app.inject({ url: `/api/incidents/by-receipt/${receipt}`, headers: editor });
    expect([found.statusCode, found.json().id]).toEqual([200, id]);
    expect((await app.inject({ url: `/api/incidents/${id}/resident`, headers: editor })).json()).toEqual({
      receipt_code: receipt,
      photo: null,
      updates: [],
    });
    expect((await app.inject({ url: `/api/incidents/by-receipt/${receipt}`, headers: outsider })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/incidents/${id}/resident`, headers: outsider })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/incidents/by-receipt/${receipt}` })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/incidents/by-receipt/TR-AAAA-BBBB', headers: editor })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/incidents/by-receipt/nope', headers: editor })).statusCode).toBe(400);
    // Another organisation's report is unknown to this one's follow page too.
    const elsewhere = await file({}, 'annan');
    expect((await follow(elsewhere.receipt)).statusCode).toBe(404);
  });

  it('deletes photos and replies with the free text of reports older than 24 months, and keeps newer ones', async () => {
    const db = getDb().db;
    const old = await file();
    const recent = await file();
    for (const r of [old, recent]) {
      expect((await upload(r.receipt, await phonePhoto())).statusCode).toBe(201);
      expect((await reply(r.id, 'Tack för anmälan.')).statusCode).toBe(201);
    }
    const now = new Date();
    await db
      .updateTable('incidents')
      .set({ reported_at: monthsBefore(now, 25) })
      .where('id', '=', old.id)
      .execute();
    const left = async (table: 'incident_photos' | 'incident_public_updates') =>
      (await db.selectFrom(table).select('incident_id').where('incident_id', 'in', [old.id, recent.id]).execute())
        .map((r) => r.incident_id)
        .sort();
    const ctx = testContext(db, org.organisation);
    const dry = await runRetention(ctx, { dryRun: true, now });
    expect(dry.results.find((r) => r.target === 'incident_free_text')!.affected).toBeGreaterThanOrEqual(2);
    expect(await left('incident_photos')).toEqual([old.id, recent.id].sort());
    await runRetention(ctx, { dryRun: false, now });
    expect([await left('incident_photos'), await left('incident_public_updates')]).toEqual([[recent.id], [recent.id]]);
    expect((await follow(old.receipt)).json()).toMatchObject({ has_photo: false, updates: [] });
  });
});
