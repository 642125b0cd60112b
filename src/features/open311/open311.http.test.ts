import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

/** Field names of the GeoReport v2 objects, as the specification lists them. */
const SPEC = {
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  request: [
    'service_request_id',
    'status',
    'status_notes',
    'service_name',
    'service_code',
    'description',
    'agency_responsible',
    'service_notice',
    'requested_datetime',
    'updated_datetime',
    'expected_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
  attribute: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'],
  postResponse: ['service_request_id', 'service_notice', 'account_id'],
};

const xml = new XMLParser({
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachEngine('Open311 GeoReport v2', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let staff: Record<string, string>;

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    ({ headers: staff } = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'coordinator'));
  });
  afterAll(async () => app.close());

  let address = 0;
  const post = (fields: Record<string, string>, format = 'json') =>
    app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: formHeaders,
      payload: form(fields),
      remoteAddress: `10.1.0.${++address}`,
    });
  /** Open311 shows the public tier only; these tests publish the requests they read back. */
  const publish = (id: string) =>
    getDb().db.updateTable('incidents').set({ confidentiality: 'public' }).where('id', '=', id).execute();

  it('lists services as a bare JSON array and as XML, with exactly the spec’s fields', async () => {
    const json = await app.inject({ url: '/open311/v2/services.json?jurisdiction_id=testkommun' });
    expect(json.statusCode).toBe(200);
    expect(Array.isArray(json.json())).toBe(true);
    const klotter = json.json().find((s: { service_code: string }) => s.service_code === 'klotter');
    expect(Object.keys(klotter).sort()).toEqual([...SPEC.service].sort());
    expect(klotter).toMatchObject({ service_name: 'Klotter', metadata: true, type: 'realtime' });

    const res = await app.inject({ url: '/open311/v2/services.xml' });
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    const doc = xml.parse(res.body);
    expect(doc.services.service.length).toBe(json.json().length);
    expect(Object.keys(doc.services.service[0]).sort()).toEqual([...SPEC.service].sort());
  });

  it('defines the opt-in attribute for updates', async () => {
    const def = (await app.inject({ url: '/open311/v2/services/klotter.json' })).json();
    expect(def.service_code).toBe('klotter');
    expect(Object.keys(def.attributes[0]).sort()).toEqual([...SPEC.attribute].sort());
    const doc = xml.parse((await app.inject({ url: '/open311/v2/services/klotter.xml' })).body);
    expect(
      doc.service_definition.attributes.attribute[0].values.value.map((v: { key: string }) => String(v.key)),
    ).toEqual(['true', 'false']);
  });

  it('creates a request from a form post, keeps the e-mail only with the opt-in, and drops names and phone', async () => {
    const res = await post({
      service_code: 'klotter',
      lat: '59.27',
      long: '18.02',
      description: 'Tag på dörren, ring 070-123 45 67',
      email: 'boende@example.se',
      first_name: 'Anna',
      last_name: 'Andersson',
      phone: '0701234567',
    });
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(Object.keys(created).sort()).toEqual([...SPEC.postResponse].sort());
    const optIn = (
      await post({
        service_code: 'klotter',
        lat: '59.27',
        long: '18.02',
        email: 'boende@example.se',
        'attribute[notify]': 'true',
      })
    ).json()[0];

    const contacts = await getDb().db.selectFrom('reporter_contacts').select(['incident_id', 'email']).execute();
    expect(contacts).toEqual([{ incident_id: optIn.service_request_id, email: 'boende@example.se' }]);
    const stored = await getDb()
      .db.selectFrom('incidents')
      .selectAll()
      .where('id', '=', created.service_request_id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      source: 'open311',
      description: 'Tag på dörren, ring [telefon]',
      area_id: org.areas.south,
    });
    expect(JSON.stringify(stored)).not.toMatch(/Anna|Andersson|0701234567/);
  });

  it('returns a request with GET’s field names (address, not address_string) and only open/closed status', async () => {
    const [created] = (await post({ service_code: 'brand', address_string: 'Södra biblioteket' })).json();
    await publish(created.service_request_id);
    await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${created.service_request_id}/status`,
      headers: staff,
      payload: { status: 'in_progress' },
    });
    const [request] = (
      await app.inject({ url: `/open311/v2/requests/${created.service_request_id}.json`, headers: staff })
    ).json();
    expect(Object.keys(request).sort()).toEqual([...SPEC.request].sort());
    expect(request).toMatchObject({
      status: 'open',
      status_notes: 'Under handläggning',
      address: 'Södra biblioteket',
      service_code: 'brand',
      lat: 59.27,
      long: 18.02,
    });
    expect(request.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);

    await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${created.service_request_id}/status`,
      headers: staff,
      payload: {
        status: 'closed',
        closure_reason: 'not_ours',
        forwarded_to_unit_id: org.unitId,
        note: 'Till Trafikverket',
      },
    });
    const doc = xml.parse(
      (await app.inject({ url: `/open311/v2/requests/${created.service_request_id}.xml`, headers: staff })).body,
    );
    expect(doc.service_requests.request[0]).toMatchObject({
      status: 'closed',
      status_notes: 'Inte stadens ansvar – vidarebefordrat',
    });
  });

  it('shows no free text and only rounded coordinates, to staff as to the public', async () => {
    const [created] = (
      await post({ service_code: 'klotter', lat: '59.27123', long: '18.02345', description: 'Tag vid porten' })
    ).json();
    await publish(created.service_request_id);
    const [publicView] = (await app.inject({ url: `/open311/v2/requests/${created.service_request_id}.json` })).json();
    expect(publicView).toMatchObject({ description: null, lat: 59.271, long: 18.023 });
    const [staffView] = (
      await app.inject({ url: `/open311/v2/requests/${created.service_request_id}.json`, headers: staff })
    ).json();
    expect(staffView).toEqual(publicView);
  });

  it('filters requests by status, service code and id list', async () => {
    await getDb().db.updateTable('incidents').set({ confidentiality: 'public' }).execute();
    const closed = (await app.inject({ url: '/open311/v2/requests.json?status=closed' })).json();
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    const klotter = (await app.inject({ url: '/open311/v2/requests.json?service_code=klotter' })).json();
    expect(klotter.length).toBe(3);
    const ids = klotter.map((r: { service_request_id: string }) => r.service_request_id).join(',');
    const byIds = (
      await app.inject({ url: `/open311/v2/requests.json?service_request_id=${ids}&service_code=brand` })
    ).json();
    expect(byIds).toHaveLength(3);
    const old = (await app.inject({ url: '/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z' })).json();
    expect(old).toEqual([]);
  });

  describe('errors in the spec’s format', () => {
    it.each([
      ['an unknown service', { service_code: 'ufo', lat: '59.27', long: '18.02' }, 404],
      ['no location', { service_code: 'klotter' }, 400],
      ['an unknown address', { service_code: 'klotter', address_string: 'Atlantis torg 1' }, 400],
      ['a point outside the jurisdiction', { service_code: 'klotter', lat: '57.7', long: '11.97' }, 400],
      [
        'an unknown jurisdiction',
        { service_code: 'klotter', lat: '59.27', long: '18.02', jurisdiction_id: 'atlantis' },
        404,
      ],
    ])('refuses %s', async (_label, fields, status) => {
      const before = (
        await getDb()
          .db.selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      const json = await post(fields);
      expect(json.statusCode).toBe(status);
      expect(json.json()).toEqual([{ code: status, description: expect.any(String) }]);
      const asXml = xml.parse((await post(fields, 'xml')).body);
      expect(asXml.errors.error[0].code).toBe(status);
      const after = (
        await getDb()
          .db.selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      expect(after).toBe(before);
    });

    it('answers unknown requests and services with 404', async () => {
      expect(
        (await app.inject({ url: '/open311/v2/requests/00000000-0000-4000-8000-000000000000.json' })).statusCode,
      ).toBe(404);
      expect((await app.inject({ url: '/open311/v2/services/ufo.xml' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/open311/v2/requests.yaml' })).statusCode).toBe(400);
    });
  });
});
