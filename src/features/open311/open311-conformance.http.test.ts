import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

/**
 * GeoReport v2 as its text says (http://wiki.open311.org/GeoReport_v2, summarised in shared/reference/open311.md):
 * "404 - service_code or service_request_id provided was not found"; start_date/end_date "may not span more than
 * 90 days"; a request's location is lat & long, or address_string, or address_id.
 */
const xml = new XMLParser({ isArray: (name) => name === 'error' });
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachEngine('Open311 GeoReport v2 conformance', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
  });
  afterAll(async () => app.close());

  let address = 0;
  /** A form post as browsers and form libraries encode it: every field present, empty ones as `name=`. */
  const post = (body: string, format = 'json') =>
    app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: formHeaders,
      payload: body,
      remoteAddress: `10.2.0.${++address}`,
    });
  const count = async () =>
    Number(
      (
        await getDb()
          .db.selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stored = (id: string) =>
    getDb().db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('404 for a service_code that is not found', () => {
    it.each(['ufo', 'UFO!', 'Klotter på väggen'])(
      'POST with service_code %j is 404, says which code, and stores nothing',
      async (code) => {
        const before = await count();
        const body = new URLSearchParams({ service_code: code, lat: '59.27', long: '18.02' }).toString();
        const json = await post(body);
        expect(json.statusCode).toBe(404);
        expect(json.json()).toEqual([
          { code: 404, description: expect.stringContaining(`service_code '${code}' not found`) },
        ]);
        const doc = xml.parse((await post(body, 'xml')).body);
        expect(doc.errors.error[0]).toMatchObject({ code: 404, description: expect.stringContaining('service_code') });
        expect(await count()).toBe(before);
      },
    );
  });

  describe('404 descriptions say what was not found', () => {
    it.each([
      [
        'a service request',
        '/open311/v2/requests/00000000-0000-4000-8000-000000000000.json',
        "service_request_id '00000000-0000-4000-8000-000000000000' not found",
      ],
      ['a service definition', '/open311/v2/services/ufo.json', "service_code 'ufo' not found"],
      ['a jurisdiction', '/open311/v2/services.json?jurisdiction_id=atlantis', "jurisdiction_id 'atlantis' not found"],
      ['a path', '/open311/v2/nothing-here.json', "'/open311/v2/nothing-here.json' not found"],
    ])('names %s', async (_label, url, description) => {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual([{ code: 404, description: expect.stringContaining(description) }]);
    });
  });

  describe('empty parameters count as absent, as form encoders send them', () => {
    it('POST with lat=&long= and an address_string', async () => {
      const res = await post(
        'jurisdiction_id=&api_key=&service_code=klotter&lat=&long=&address_string=S%C3%B6dra+biblioteket&address_id=&email=&device_id=&account_id=&first_name=&last_name=&phone=&description=&media_url=&attribute%5Bnotify%5D=',
      );
      expect(res.statusCode).toBe(201);
      expect(await stored(res.json()[0].service_request_id)).toMatchObject({
        place_id: org.placeId,
        precision: 'place',
      });
    });

    it('POST with lat and long and address_string=', async () => {
      const res = await post('service_code=klotter&lat=59.27&long=18.02&address_string=&jurisdiction_id=');
      expect(res.statusCode).toBe(201);
      expect(await stored(res.json()[0].service_request_id)).toMatchObject({
        precision: 'exact',
        lat: 59.27,
        lon: 18.02,
      });
    });

    it('POST with no location at all is still a 400 that says so', async () => {
      const res = await post('service_code=klotter&lat=&long=&address_string=');
      expect(res.statusCode).toBe(400);
      expect(res.json()[0].description).toMatch(/lat and long, or address_string/);
    });

    it.each([
      '/open311/v2/services.json?jurisdiction_id=',
      '/open311/v2/services/klotter.json?jurisdiction_id=',
      '/open311/v2/requests.json?jurisdiction_id=&service_request_id=&service_code=&start_date=&end_date=&status=&page=&page_size=',
    ])('GET %s', async (url) => {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
    });

    it('GET requests with empty filters answers as without them', async () => {
      await getDb().db.updateTable('incidents').set({ confidentiality: 'public' }).execute();
      const plain = (await app.inject({ url: '/open311/v2/requests.json' })).json();
      const empty = (
        await app.inject({ url: '/open311/v2/requests.json?service_code=&status=&start_date=&end_date=' })
      ).json();
      expect(plain.length).toBeGreaterThan(0);
      expect(empty).toEqual(plain);
    });
  });

  describe('start_date and end_date may not span more than 90 days', () => {
    let january: string;
    let june: string;
    beforeAll(async () => {
      const make = async (reportedAt: string) => {
        const [created] = (await post('service_code=brand&lat=59.27&long=18.02')).json();
        await getDb()
          .db.updateTable('incidents')
          .set({ confidentiality: 'public', reported_at: reportedAt })
          .where('id', '=', created.service_request_id)
          .execute();
        return created.service_request_id as string;
      };
      january = await make('2025-01-10T12:00:00Z');
      june = await make('2025-06-01T12:00:00Z');
    });
    const ids = (res: { json: () => Array<{ service_request_id: string }> }) =>
      res.json().map((r) => r.service_request_id);

    it('refuses a span of more than 90 days with a 400 that says so', async () => {
      const res = await app.inject({
        url: '/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-07-01T00:00:00Z',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description: expect.stringMatching(/more than 90 days/) }]);
      const asXml = xml.parse(
        (
          await app.inject({
            url: '/open311/v2/requests.xml?start_date=2025-01-01T00:00:00Z&end_date=2025-04-02T00:00:00Z',
          })
        ).body,
      );
      expect(asXml.errors.error[0].code).toBe(400);
    });

    it('accepts exactly 90 days', async () => {
      const res = await app.inject({
        url: '/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-04-01T00:00:00Z',
      });
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual([january]);
    });

    it('refuses an end before the start', async () => {
      const res = await app.inject({
        url: '/open311/v2/requests.json?start_date=2025-02-01T00:00:00Z&end_date=2025-01-01T00:00:00Z',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()[0].description).toMatch(/end_date is before start_date/);
    });

    it('gives a start_date alone the 90 days after it, and an end_date alone the 90 days before it', async () => {
      expect(
        ids(await app.inject({ url: '/open311/v2/requests.json?start_date=2025-01-01T00:00:00%2B01:00' })),
      ).toEqual([january]);
      expect(ids(await app.inject({ url: '/open311/v2/requests.json?end_date=2025-06-30T00:00:00Z' }))).toEqual([june]);
    });
  });

  describe('address_string alone', () => {
    it('finds a registered place regardless of case and accents', async () => {
      const res = await post('service_code=klotter&address_string=SODRA+biblioteket');
      expect(res.statusCode).toBe(201);
      expect(await stored(res.json()[0].service_request_id)).toMatchObject({
        place_id: org.placeId,
        precision: 'place',
        lon: 18.02,
        lat: 59.27,
      });
    });

    it.each(['Åbyvägen 12', 'abyvagen 12 B, Stockholm', 'ÅBYVÄGEN'])(
      'places %j on the street Åbyvägen, at street level, keeping the address',
      async (address) => {
        const res = await post(
          new URLSearchParams({
            service_code: 'klotter',
            address_string: address,
            description: 'Tag på elskåpet',
          }).toString(),
        );
        expect(res.statusCode).toBe(201);
        const incident = await stored(res.json()[0].service_request_id);
        // A street is no point: the precision says so, and no H3 cell makes it look like one.
        expect(incident).toMatchObject({
          precision: 'area',
          place_id: null,
          h3_r9: null,
          area_id: org.areas.south,
          description: `Adress: ${address}\nTag på elskåpet`,
        });
        // Åbyvägen runs from about 18.030/59.283 to 18.036/59.296 (OpenStreetMap, the basemap's streets layer).
        expect(incident.lon).toBeGreaterThan(18.028);
        expect(incident.lon).toBeLessThan(18.037);
        expect(incident.lat).toBeGreaterThan(59.28);
        expect(incident.lat).toBeLessThan(59.297);
      },
    );

    it('refuses an address that is neither a place nor a street with a 400 that says so', async () => {
      const before = await count();
      const res = await post('service_code=klotter&address_string=Atlantis+torg+1');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual([
        {
          code: 400,
          description: expect.stringMatching(/'Atlantis torg 1' is neither a registered place nor a street/),
        },
      ]);
      expect(await count()).toBe(before);
    });
  });
});
