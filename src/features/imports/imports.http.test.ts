import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { ServiceContext } from '../../core/context.js';
import {
  countIncidents,
  multipartUpload as upload,
  seedStockholmForImports,
} from '../../../tests/factories/imports.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const GOOD = 'id;datum;kategori;lat;lon;beskrivning\nH1;2026-11-20 18:00;Klotter;59,3293;18,0686;Klotter på fasaden\n';

describeEachEngine('imports API', (getDb) => {
  let app: FastifyInstance;
  let small: FastifyInstance;
  let ctx: ServiceContext;
  let headers: Record<string, string>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
    const config = { bodyLimit: 65_536, defaultOrganisation: 'stockholm' };
    app = await buildApp({ db: getDb().db, engine: getDb().engine, config, webRoot: null });
    small = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { ...config, importMaxBytes: 1000 } as typeof config,
      webRoot: null,
    });
    const unit = await getDb()
      .db.selectFrom('units')
      .select('id')
      .where('organisation_id', '=', ctx.organisation.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    ({ headers } = await signedInAs(app, getDb().db, ctx.organisation.id, unit.id, 'coordinator'));
    ({ headers: analyst } = await signedInAs(app, getDb().db, ctx.organisation.id, unit.id, 'analyst'));
  });
  afterAll(async () => {
    await app.close();
    await small.close();
  });

  const post = (query: string, body: ReturnType<typeof upload>, h = headers, target = app) =>
    target.inject({
      method: 'POST',
      url: `/api/imports?${query}`,
      headers: { ...h, ...body.headers },
      payload: body.payload,
    });

  it('lets only signed-in coordinators and admins import', async () => {
    expect((await post('', upload('a.csv', GOOD), {})).statusCode).toBe(401);
    expect((await post('', upload('a.csv', GOOD), analyst)).statusCode).toBe(403);
  });

  it('validates first (dry run by default), then commits; the format comes from the content, not the name', async () => {
    const before = await countIncidents(ctx.db);
    const dry = await post('', upload('report.xlsx', GOOD));
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      status: 'validated',
      dry_run: true,
      file: { format: 'csv', name: 'report.xlsx' },
      rows: { ok: 1, inserted: 1 },
    });
    expect(await countIncidents(ctx.db)).toBe(before);
    const done = await post('dry_run=false', upload('report.xlsx', GOOD));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', rows: { inserted: 1 } });
    expect(await countIncidents(ctx.db)).toBe(before + 1);
    const run = await app.inject({ url: `/api/imports/${done.json().run_id}`, headers });
    expect(run.json()).toMatchObject({ status: 'committed', abandoned: false, progress: { percent: 100 } });
  });

  it.each([
    ['an empty file', 400, 'EMPTY_FILE', ''],
    ['binary garbage', 400, 'UNREADABLE_FILE', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256))],
    ['a header only', 400, 'HEADER_ONLY', 'id;datum;kategori;lat;lon\n'],
    ['a missing column', 400, 'MISSING_COLUMN', 'id;datum;lat;lon\n1;2026-11-20;59.33;18.06\n'],
    [
      'rows with errors on commit',
      422,
      'IMPORT_HAS_ERRORS',
      'id;datum;kategori;lat;lon\nH9;2026-11-20;Ufo;59,33;18,06\n',
    ],
  ])('answers %s with %i %s in Swedish and English, changing nothing', async (_label, status, code, content) => {
    const before = await countIncidents(ctx.db);
    const res = await post('dry_run=false', upload('x.csv', content));
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, messages: { sv: expect.any(String), en: expect.any(String) } });
    expect(await countIncidents(ctx.db)).toBe(before);
  });

  it('refuses an upload above the size limit and a body that is not multipart', async () => {
    const big = await post('', upload('big.csv', `${GOOD}${'x'.repeat(2000)}`), headers, small);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const json = await app.inject({ method: 'POST', url: '/api/imports', headers, payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
  });

  it.each([
    ['no boundary in the body', 'multipart/form-data; boundary=xyz', 'nothing here looks like a part'],
    [
      'a part cut off',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
    ],
    ['no boundary parameter', 'multipart/form-data', '--xyz\r\n'],
  ])('refuses a malformed multipart body (%s) with 400', async (_, contentType, payload) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...headers, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'file', code: 'malformed_multipart' }],
    });
  });

  it('runs in the background with wait=false and reports progress until done', async () => {
    const res = await post(
      'dry_run=false&wait=false',
      upload('bg.csv', GOOD.replace('H1', 'H2').replace('18:00', '19:00')),
    );
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    let run = (await app.inject({ url: `/api/imports/${id}`, headers })).json();
    for (let i = 0; i < 100 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await app.inject({ url: `/api/imports/${id}`, headers })).json();
    }
    expect(run).toMatchObject({ id, status: 'committed', report: { rows: { inserted: 1 } } });
  });

  it('lists exactly the incidents of one import run with ?import_run_id', async () => {
    const header = 'id;datum;kategori;lat;lon\n';
    const first = await post(
      'dry_run=false',
      upload(
        'run-a.csv',
        `${header}RUN-A1;2026-10-01 09:00;Klotter;59,3350;18,0600\nRUN-A2;2026-10-02 09:00;Skadegörelse;59,3180;18,0750\n`,
      ),
    );
    const second = await post(
      'dry_run=false',
      upload('run-b.csv', `${header}RUN-B1;2026-10-03 09:00;Klotter;59,3420;18,0450\n`),
    );
    expect([first.json().rows.inserted, second.json().rows.inserted]).toEqual([2, 1]);
    const listed = async (runId: string) => {
      const res = await app.inject({ url: `/api/incidents?import_run_id=${runId}`, headers });
      expect(res.statusCode).toBe(200);
      return res
        .json()
        .items.map((i: { source_ref: string }) => i.source_ref)
        .sort();
    };
    expect(await listed(first.json().run_id)).toEqual(['RUN-A1', 'RUN-A2']);
    expect(await listed(second.json().run_id)).toEqual(['RUN-B1']);
    expect(await listed('00000000-0000-4000-8000-000000000000')).toEqual([]);
    const malformed = await app.inject({ url: '/api/incidents?import_run_id=not-a-uuid', headers });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'import_run_id' }] });
  });

  it('saves, lists and replaces named column-mapping profiles', async () => {
    const profile = {
      name: 'trafikkontoret',
      source_label: 'Trafikkontorets felanmälan',
      format: 'csv',
      columns: { occurred_at: 'Registrerad', category: 'Ärendetyp', x: 'E', y: 'N', source_ref: 'Ärende' },
      options: { crs: 'EPSG:3011' },
      category_map: { 'Gatubelysning ur funktion': 'trasig_belysning' },
    };
    const created = await app.inject({ method: 'POST', url: '/api/import-profiles', headers, payload: profile });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'trafikkontoret',
      options: { crs: 'EPSG:3011', date_order: 'dmy' },
      category_map: profile.category_map,
    });
    expect(
      (await app.inject({ method: 'POST', url: '/api/import-profiles', headers, payload: profile })).statusCode,
    ).toBe(409);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/import-profiles',
      headers,
      payload: { ...profile, name: 'x', category_map: { a: 'nope' } },
    });
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_CATEGORY', details: [{ path: 'category_map.a' }] });
    const id = created.json().id;
    const replaced = await app.inject({
      method: 'PUT',
      url: `/api/import-profiles/${id}`,
      headers,
      payload: { ...profile, category_map: { Klotterklagomål: 'klotter' } },
    });
    expect(replaced.json().category_map).toEqual({ Klotterklagomål: 'klotter' });
    const list = await app.inject({ url: '/api/import-profiles', headers });
    expect(list.json().map((p: { name: string }) => p.name)).toContain('trafikkontoret');

    const file = 'Ärende;Registrerad;Ärendetyp;E;N\nT1;2026-11-02 07:30;Klotterklagomål;153369,673;6579457,649\n';
    const res = await post('dry_run=false&profile=trafikkontoret', upload('tk.csv', file));
    expect(res.json()).toMatchObject({
      status: 'committed',
      profile: 'trafikkontoret',
      rows: { inserted: 1 },
      columns: { x: 'E', y: 'N' },
    });
  });

  it('refuses a profile whose words hold personal data, storing nothing', async () => {
    const count = async () => (await app.inject({ url: '/api/import-profiles', headers })).json().length;
    const before = await count();
    const base = { name: 'hyresgäster', source_label: 'Felanmälan', columns: { category: 'Typ' } };
    const tries = [
      [{ ...base, name: 'Anna 19811218-9876' }, 'name'],
      [{ ...base, source_label: 'Ring 070-123 45 67' }, 'source_label'],
      [{ ...base, columns: { category: 'anna@example.se' } }, 'columns'],
      [{ ...base, category_map: { 'Klotter ABC123': 'klotter' } }, 'category_map'],
    ] as const;
    for (const [payload, path] of tries) {
      const res = await app.inject({ method: 'POST', url: '/api/import-profiles', headers, payload });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path, code: 'personal_data' }] });
      expect(res.body).not.toMatch(/9876|45 67|anna@|ABC123/);
    }
    const saved = await app.inject({ method: 'POST', url: '/api/import-profiles', headers, payload: base });
    expect(saved.statusCode).toBe(201);
    const renamed = await app.inject({
      method: 'PUT',
      url: `/api/import-profiles/${saved.json().id}`,
      headers,
      payload: { ...base, name: 'Ring 08-123 456 78' },
    });
    expect(renamed.statusCode).toBe(400);
    expect(await count()).toBe(before + 1);
    expect((await app.inject({ url: `/api/import-profiles`, headers })).body).not.toContain('08-123');
  });
});
