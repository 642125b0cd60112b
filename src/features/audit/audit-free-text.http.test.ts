import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

/** Free text as a person would write it: retention and erasure clear it from the record, so the log must never hold it. */
const MARK = 'Ring Markör Q7';

describeEachEngine('the audit log keeps no free text', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let as: Record<string, string>;
  const call = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await app.inject({ method, url, headers: as, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    ({ headers: as } = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'coordinator'));
  });
  afterAll(async () => app.close());

  it('records which fields of incidents, problems, measures and annotations changed, never their text', async () => {
    const incident = await call('POST', '/api/incidents', {
      occurred_at: '2026-11-20T21:15:00+01:00',
      category: 'klotter',
      lon: 18.02,
      lat: 59.27,
      description: `${MARK} 1`,
    });
    await call('PATCH', `/api/incidents/${incident.id}/status`, { status: 'in_progress', note: `${MARK} 2` });
    const problem = await call('POST', '/api/problems', {
      owner_unit_id: org.unitId,
      area_id: org.areas.south,
      title: `${MARK} 3`,
      statement: `${MARK} 4`,
      categories: ['klotter'],
    });
    await call('PATCH', `/api/problems/${problem.id}`, { title: `${MARK} 5`, statement: `${MARK} 6` });
    await call('POST', '/api/measures', {
      problem_ids: [problem.id],
      responsible_unit_id: org.unitId,
      title: `${MARK} 7`,
      type: 'situational',
      components: [{ title: `${MARK} 8`, type: 'situational' }],
    });
    const annotation = await call('POST', '/api/situation/annotations', {
      date: '2026-09-29',
      kind: 'campaign',
      text: `${MARK} 9`,
      area_id: org.areas.southDistrict,
    });
    await call('PATCH', `/api/situation/annotations/${annotation.id}`, { text: `${MARK} 10` });

    const rows = await getDb()
      .db.selectFrom('audit_events')
      .select(['entity_type', 'before', 'after'])
      .where('organisation_id', '=', org.organisation.id)
      .execute();
    expect(new Set(rows.map((r) => r.entity_type))).toEqual(
      new Set(['user', 'incident', 'problem', 'measure', 'annotation']),
    );
    expect(JSON.stringify(rows)).not.toContain('Markör');
    const statusChange = rows.find((r) => r.entity_type === 'incident' && r.before);
    expect(statusChange?.after).toMatchObject({ status: 'in_progress', status_note: '[text]' });
  });
});
