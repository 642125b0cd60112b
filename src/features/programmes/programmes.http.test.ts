import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'programdokument' };
const GOAL = 'Stockholm ska vara en trygg, säker och välskött stad att bo, vistas och verka i.';

describeEachEngine('programme versions: status, editing, access, audit and comparison', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<'admin' | 'editor' | 'analyst', Record<string, string>>;
  let adopted = '';
  let draft = '';
  let subGoal = '';

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who: Record<string, string>,
    payload?: object,
  ) => app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
  const audits = async (entityId: string) =>
    getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'entity_type', 'actor'])
      .where('entity_id', '=', entityId)
      .execute();

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'programdokument');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'programdokument' },
      webRoot: null,
    });
    const office = await createTestUnit(db, org.organisation.id, 'stadsledningskontoret', 'specialist');
    as.admin = (await signedInAs(app, db, org.organisation.id, office, 'admin', ORG)).headers;
    as.editor = (await signedInAs(app, db, org.organisation.id, org.unitId, 'unit_editor', ORG)).headers;
    as.analyst = (await signedInAs(app, db, org.organisation.id, org.unitId, 'analyst', ORG)).headers;

    const created = await call('POST', '/api/programmes', as.admin, {
      name: 'Program för trygghet',
      title: 'Program för trygghet 2018–2021',
      period_from: 2018,
      period_to: 2021,
    });
    expect(created.statusCode).toBe(201);
    adopted = created.json().id;
    for (const section of [
      { kind: 'goal', body: GOAL },
      { kind: 'sub_goal', heading: 'Trygga offentliga miljöer', body: 'Offentliga miljöer ska upplevas trygga.' },
      { kind: 'responsibility', unit_kind: 'district', body: 'Stadsdelsnämnderna samordnar det lokala arbetet.' },
      { kind: 'definition', heading: 'Offentlig miljö', body: 'Gator, torg och parker.' },
    ])
      expect((await call('POST', `/api/programme-versions/${adopted}/sections`, as.admin, section)).statusCode).toBe(
        201,
      );
    const adopt = await call('POST', `/api/programme-versions/${adopted}/status`, as.admin, {
      status: 'adopted',
      decision_ref: 'KS 2017/1000',
      adopted_on: '2018-03-01',
    });
    expect(adopt.statusCode).toBe(200);
  });
  afterAll(async () => app?.close());

  it('refuses to edit an adopted version, and refuses invalid status moves with 409', async () => {
    const v = (await call('GET', `/api/programme-versions/${adopted}`, as.analyst)).json();
    const section = v.sections.find((s: { kind: string }) => s.kind === 'sub_goal');
    const edit = await call('PATCH', `/api/programme-sections/${section.id}`, as.admin, { body: 'Annat.' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('INVALID_TRANSITION');
    const back = await call('POST', `/api/programme-versions/${adopted}/status`, as.admin, { status: 'draft' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('copies a draft from the adopted version, with its numbered sections', async () => {
    const res = await call('POST', `/api/programme-versions/${adopted}/drafts`, as.admin, {
      title: 'Program för trygghet 2020–2023',
      period_from: 2020,
      period_to: 2023,
    });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    draft = v.id;
    expect(v.status).toBe('draft');
    expect(v.replaces).toMatchObject({ id: adopted, status: 'adopted' });
    expect(v.sections.map((s: { number: string }) => s.number)).toEqual(['1', '2.1', '3.1', '4.1']);
    subGoal = v.sections[1].id;
    expect((await audits(draft)).map((a) => a.action)).toContain('create');
  });

  it('lets an admin edit a draft section, audited, and refuses a unit editor', async () => {
    const refused = await call('PATCH', `/api/programme-sections/${subGoal}`, as.editor, { body: 'Inte min sak.' });
    expect(refused.statusCode).toBe(403);
    const refusedDraft = await call('POST', `/api/programme-versions/${adopted}/drafts`, as.editor, {
      title: 'X',
      period_from: 2020,
      period_to: 2023,
    });
    expect(refusedDraft.statusCode).toBe(403);
    const res = await call('PATCH', `/api/programme-sections/${subGoal}`, as.admin, {
      body: 'Offentliga miljöer inomhus och utomhus ska upplevas trygga.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sections[1].body).toContain('inomhus och utomhus');
    expect(await audits(subGoal)).toEqual([
      expect.objectContaining({ action: 'update', entity_type: 'programme_section' }),
    ]);
    const added = await call('POST', `/api/programme-versions/${draft}/sections`, as.admin, {
      kind: 'sub_goal',
      heading: 'Minskad brottslighet',
      body: 'Brottsligheten ska minska. Frågor: ring 070-123 45 67.',
    });
    // A programme is public: personal data never goes into its text.
    expect(added.json().sections[2].body).toBe('Brottsligheten ska minska. Frågor: ring [telefon].');
    expect(added.json().sections.map((s: { number: string }) => s.number)).toEqual(['1', '2.1', '2.2', '3.1', '4.1']);
  });

  it('refuses an edit made from an older copy of a section with 409 and a message, so no edit is lost', async () => {
    const section = () =>
      call('GET', `/api/programme-versions/${draft}`, as.admin).then(
        (r) => r.json().sections.find((s: { id: string }) => s.id === subGoal) as { body: string; version: number },
      );
    const seen = await section();
    const edit = (version: number | string, body: string) =>
      call('PATCH', `/api/programme-sections/${subGoal}`, { ...as.admin, 'if-match': `"${version}"` }, { body });
    // Two admins opened the same copy; both save from it at once: exactly one edit is made.
    const both = await Promise.all([
      edit(seen.version, 'Första admins text.'),
      edit(seen.version, 'Andra admins text.'),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const stale = both.find((r) => r.statusCode === 409)!.json().error;
    expect([stale.code, stale.messages.sv]).toEqual([
      'CONFLICT',
      'Någon annan har ändrat uppgiften sedan du öppnade den. Ladda om och gör din ändring igen.',
    ]);
    const now = await section();
    expect(now.version).toBe(seen.version + 1);
    expect(['Första admins text.', 'Andra admins text.']).toContain(now.body);
    expect(
      (await call('DELETE', `/api/programme-sections/${subGoal}`, { ...as.admin, 'if-match': `"${seen.version}"` }))
        .statusCode,
    ).toBe(409);
    expect((await edit('x', 'Fel.')).statusCode).toBe(400);
    const fresh = await edit(now.version, 'Offentliga miljöer inomhus och utomhus ska upplevas trygga.');
    expect([fresh.statusCode, (await section()).version]).toEqual([200, now.version + 1]);
  });

  it('compares the two versions section by section', async () => {
    const res = await call('GET', `/api/programme-versions/compare?from=${adopted}&to=${draft}`, as.analyst);
    expect(res.statusCode).toBe(200);
    const changes = res.json().sections.map((s: { number_to: string; change: string }) => `${s.number_to} ${s.change}`);
    expect(changes).toEqual(['1 unchanged', '2.1 changed', '2.2 added', '3.1 unchanged', '4.1 unchanged']);
    const changed = res.json().sections[1].body;
    expect(changed).toContainEqual({ op: 'added', text: 'inomhus och utomhus ' });
  });

  it('moves a draft section up or down within its chapter, persisted and audited, for admins only', async () => {
    const move = (id: string, direction: string, who = as.admin) =>
      call('POST', `/api/programme-sections/${id}/move`, who, { direction });
    const order = async () =>
      (await call('GET', `/api/programme-versions/${draft}`, as.admin))
        .json()
        .sections.map((s: { number: string; heading: string | null }) => `${s.number} ${s.heading ?? ''}`.trim());
    const before = (await call('GET', `/api/programme-versions/${draft}`, as.admin)).json();
    const second = before.sections.find((s: { heading: string | null }) => s.heading === 'Minskad brottslighet');
    expect((await move(second.id, 'up', as.editor)).statusCode).toBe(403);
    expect((await move(subGoal, 'up')).json().error.details).toEqual([
      expect.objectContaining({ path: 'direction', code: 'at_edge' }),
    ]);
    expect((await move(second.id, 'sideways')).statusCode).toBe(400);
    const moved = await move(second.id, 'up');
    expect(moved.statusCode).toBe(200);
    // Stored: the page read afterwards has the new order; the texts and versions are the sections' own still.
    expect(await order()).toEqual([
      '1',
      '2.1 Minskad brottslighet',
      '2.2 Trygga offentliga miljöer',
      '3.1',
      '4.1 Offentlig miljö',
    ]);
    const after = moved.json().sections.find((s: { id: string }) => s.id === second.id);
    expect([after.body, after.version]).toEqual([second.body, second.version]);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', second.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ before: { number: '2.2' }, after: { number: '2.1', direction: 'up' } }),
    ]);
    // Back down again, and an adopted version's sections do not move.
    expect((await move(second.id, 'down')).statusCode).toBe(200);
    expect((await order())[1]).toBe('2.1 Trygga offentliga miljöer');
    const adoptedGoal = (await call('GET', `/api/programme-versions/${adopted}`, as.admin))
      .json()
      .sections.find((s: { kind: string }) => s.kind === 'sub_goal');
    expect((await move(adoptedGoal.id, 'down')).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('shows the public only adopted and replaced versions, never a draft', async () => {
    const list = await call('GET', '/api/public/programmes', {});
    expect(list.statusCode).toBe(200);
    const ids = list.json().flatMap((p: { versions: { id: string }[] }) => p.versions.map((v) => v.id));
    expect(ids).toEqual([adopted]);
    expect((await call('GET', `/api/public/programme-versions/${draft}`, {})).statusCode).toBe(404);
    expect((await call('GET', `/api/public/programme-versions/${adopted}`, {})).statusCode).toBe(200);
    expect((await call('GET', `/api/programme-versions/${draft}`, {})).statusCode).toBe(401);
    // Staff see the draft beside the adopted version.
    const staff = (await call('GET', '/api/programmes', as.analyst)).json();
    expect(staff[0].versions.map((v: { id: string }) => v.id).sort()).toEqual([adopted, draft].sort());
  });

  it('adopting the draft replaces the version in force, audited, and the public then sees both', async () => {
    const res = await call('POST', `/api/programme-versions/${draft}/status`, as.admin, {
      status: 'adopted',
      decision_ref: 'KS 2020/1939',
      adopted_on: '2020-06-15',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'adopted', decision_ref: 'KS 2020/1939', adopted_on: '2020-06-15' });
    const old = (await call('GET', `/api/public/programme-versions/${adopted}`, {})).json();
    expect(old.status).toBe('replaced');
    expect(old.replaced_by).toEqual([expect.objectContaining({ id: draft })]);
    expect((await audits(adopted)).filter((a) => a.action === 'update')).toHaveLength(2);
    const statuses = (await call('GET', '/api/public/programmes', {}))
      .json()[0]
      .versions.map((v: { status: string }) => v.status);
    expect(statuses).toEqual(['adopted', 'replaced']);
  });
});
