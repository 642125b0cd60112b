import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MASKED } from '../../domain/records.js';
import type { ReleaseDraft } from '../../domain/release-review.js';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'diariet' };
const NAMED = 'Anna Svensson på Storgatan 12 ringde 070-123 45 67 om klottret';

describeEachEngine(
  'records requests: a draft is reviewed, then released with the masks applied, logged and audited',
  (getDb) => {
    let app: FastifyInstance;
    let org: TestOrganisation;
    const as = {} as Record<'admin' | 'coordinator' | 'otherAdmin', Record<string, string>>;
    const problems = { open: '', secret: '', named: '' };
    let measure = '';

    const call = (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      who: Record<string, string>,
      payload?: object,
    ) => app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
    const draft = async (body: object) => {
      const res = await call('POST', '/api/records/drafts', as.admin, {
        recipient: 'Sveriges Radio',
        type: 'problem',
        ...body,
      });
      expect(res.statusCode).toBe(201);
      return res.json() as ReleaseDraft;
    };
    const review = async (id: string, body: object, status = 200) => {
      const res = await call('PATCH', `/api/records/drafts/${id}`, as.admin, body);
      expect(res.statusCode, res.body).toBe(status);
      return res;
    };
    /** Masks the name under 21:7 and approves the address: the whole review of a draft of the named problem. */
    const decideNamed = async (d: ReleaseDraft) => {
      const name = d.marks.find((m) => m.text === 'Anna Svensson')!;
      const address = d.marks.find((m) => m.text === 'Storgatan 12')!;
      return (
        await review(d.id, {
          decisions: [
            { id: name.id, decision: 'mask', ground: 'osl-21-7' },
            { id: address.id, decision: 'approve' },
          ],
        })
      ).json() as ReleaseDraft;
    };

    beforeAll(async () => {
      const db = getDb().db;
      org = await createTestOrganisation(db, 'diariet');
      const other = await createTestOrganisation(db, 'annanstad');
      app = await buildApp({
        db,
        engine: getDb().engine,
        config: { bodyLimit: 65_536, defaultOrganisation: 'diariet' },
        webRoot: null,
      });
      as.admin = (await signedInAs(app, db, org.organisation.id, org.unitId, 'admin', ORG)).headers;
      as.coordinator = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', ORG)).headers;
      as.otherAdmin = (
        await signedInAs(app, db, other.organisation.id, other.unitId, 'admin', { 'x-trygg-organisation': 'annanstad' })
      ).headers;
      const problem = async (title: string, statement: string, confidentiality: string) => {
        const res = await call('POST', '/api/problems', as.coordinator, {
          owner_unit_id: org.unitId,
          area_id: org.areas.south,
          title,
          statement,
          categories: ['klotter'],
          confidentiality,
        });
        expect(res.statusCode).toBe(201);
        return res.json().id as string;
      };
      problems.open = await problem(
        '=HYPERLINK("http://evil.example","klicka")',
        "robert'); drop table problems;-- klottrar vid entrén",
        'municipal',
      );
      problems.secret = await problem(
        'Skalskydd vid rådhuset',
        'Kameror saknas på baksidan, larmet går till väktarbolaget',
        'restricted',
      );
      problems.named = await problem('Klotter i trapphuset', NAMED, 'municipal');
      // Text is redacted on the way in; this stands for text stored before that, which the review must still catch.
      await db.updateTable('problems').set({ statement: NAMED }).where('id', '=', problems.named).execute();
      const m = await call('POST', '/api/measures', as.coordinator, {
        problem_ids: [problems.open],
        responsible_unit_id: org.unitId,
        title: 'Bättre belysning',
        type: 'situational',
        components: [
          { title: 'Nya armaturer', type: 'situational' },
          { title: 'Larmrutiner', type: 'surveillance', confidentiality: 'restricted' },
        ],
      });
      expect(m.statusCode).toBe(201);
      measure = m.json().id;
    }, 120_000);
    afterAll(async () => app.close());

    it('marks candidate personal data in a draft: the phone number masked automatically, the name and address to decide', async () => {
      const d = await draft({ request_ref: 'KS 2026/10', ids: [problems.named] });
      expect(d.marks.map((m) => [m.field, m.text, m.kind, m.origin, m.decision, m.ground])).toEqual([
        ['statement', 'Anna Svensson', 'name', 'suggested', null, null],
        ['statement', 'Storgatan 12', 'address', 'suggested', null, null],
        ['statement', '070-123 45 67', 'telefon', 'automatic', 'mask', 'osl-21-7'],
      ]);
      expect(d.undecided).toBe(2);
      expect(d.records[0]!.fields.statement).toBe(NAMED);
    });

    it('refuses the release while a mark is undecided (409 REVIEW_INCOMPLETE), and logs nothing', async () => {
      const d = await draft({ request_ref: 'KS 2026/11', ids: [problems.named] });
      const refused = await call('POST', '/api/records/releases', as.admin, { draft_id: d.id });
      expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'REVIEW_INCOMPLETE']);
      expect(refused.json().error.details.undecided).toBe(2);
      const name = d.marks.find((m) => m.kind === 'name')!;
      await review(d.id, { decisions: [{ id: name.id, decision: 'mask', ground: 'osl-21-7' }] });
      const still = await call('POST', '/api/records/releases', as.admin, { draft_id: d.id });
      expect([still.statusCode, still.json().error.details.undecided]).toEqual([409, 1]);
      expect((await call('GET', '/api/records/releases?request_ref=KS%202026%2F11', as.admin)).json()).toEqual([]);
    });

    it('refuses a mask without a ground, approving an automatic mask, unknown marks and overlapping selections — all or nothing', async () => {
      const d = await draft({ request_ref: 'KS 2026/12', ids: [problems.named] });
      const [name, address, phone] = d.marks;
      expect((await review(d.id, { decisions: [{ id: name!.id, decision: 'mask' }] }, 400)).json().error.code).toBe(
        'VALIDATION_FAILED',
      );
      const bad = await review(
        d.id,
        {
          decisions: [
            { id: address!.id, decision: 'approve' },
            { id: phone!.id, decision: 'approve' },
            { id: 'm99', decision: 'approve' },
          ],
        },
        400,
      );
      expect(bad.json().error.details.map((i: { code: string }) => i.code)).toEqual(['automatic_mask', 'unknown_mark']);
      const overlap = await review(
        d.id,
        { add: [{ record_id: problems.named, field: 'statement', start: 5, end: 20, ground: 'osl-35-1' }] },
        400,
      );
      expect(overlap.json().error.details[0].code).toBe('overlaps');
      const wrongField = await review(
        d.id,
        { add: [{ record_id: problems.named, field: 'stage', start: 0, end: 2, ground: 'osl-35-1' }] },
        400,
      );
      expect(wrongField.json().error.details[0].code).toBe('not_reviewable');
      expect(((await call('GET', `/api/records/drafts/${d.id}`, as.admin)).json() as ReleaseDraft).undecided).toBe(2);
    });

    it('releases a reviewed draft as JSON with the masks applied; the log says who reviewed and how much under which ground, not the text', async () => {
      let d = await draft({ request_ref: 'KS 2026/13', ids: [problems.named, problems.secret] });
      d = await decideNamed(d);
      // The officer masks a span of their own choosing too ("ringde"), then undoes and redoes it.
      const start = NAMED.indexOf('ringde');
      d = (
        await review(d.id, {
          add: [{ record_id: problems.named, field: 'statement', start, end: start + 6, ground: 'osl-35-1' }],
        })
      ).json();
      const own = d.marks.find((m) => m.origin === 'officer')!;
      expect(own).toMatchObject({ text: 'ringde', decision: 'mask', ground: 'osl-35-1', kind: 'selection' });
      d = (
        await review(d.id, {
          remove: [own.id],
          add: [{ record_id: problems.named, field: 'statement', start, end: start + 6, ground: 'osl-35-1' }],
        })
      ).json();
      expect(d.undecided).toBe(0);

      const res = await call('POST', '/api/records/releases', as.admin, { draft_id: d.id });
      expect(res.statusCode).toBe(201);
      const { release, records } = res.json();
      const named = records.find((r: { id: string }) => r.id === problems.named);
      expect(named.fields.statement).toBe(
        '[sekretess, 21 kap. 7 § OSL] på Storgatan 12 [sekretess, 35 kap. 1 § OSL] [sekretess, 21 kap. 7 § OSL] om klottret',
      );
      expect(named.masked).toEqual(['statement']);
      expect(records.find((r: { id: string }) => r.id === problems.secret)).toMatchObject({
        masked: ['title', 'statement'],
        fields: { title: MASKED, statement: MASKED },
      });
      expect(release.review).toMatchObject({
        reviewed_by: [expect.stringMatching(/^admin\./)],
        masks: [
          { ground: 'osl-21-7', count: 2 },
          { ground: 'osl-35-1', count: 1 },
        ],
        approved: 1,
      });
      const log = (await call('GET', '/api/records/releases?request_ref=KS%202026%2F13', as.admin)).json();
      expect(log).toEqual([release]);
      expect(JSON.stringify(log)).not.toMatch(/Anna|Svensson|070-123|ringde/);
      // The draft and its copy of the text are gone; the audit trail holds counts, not text.
      expect((await call('GET', `/api/records/drafts/${d.id}`, as.admin)).statusCode).toBe(404);
      const audit = await getDb()
        .db.selectFrom('audit_events')
        .select(['action', 'entity_type', 'before', 'after'])
        .where((eb) => eb.or([eb('entity_id', '=', d.id), eb('entity_id', '=', release.id)]))
        .execute();
      expect(audit.map((a) => `${a.entity_type}:${a.action}`).sort()).toEqual([
        'records_release:export',
        'records_release_draft:create',
        'records_release_draft:update',
        'records_release_draft:update',
        'records_release_draft:update',
      ]);
      expect(JSON.stringify(audit)).not.toMatch(/Anna|Svensson|070-123|ringde/);
    });

    it('applies the masks in Excel and PDF, in Swedish with labels and local time, formulas defused', async () => {
      for (const format of ['xlsx', 'pdf'] as const) {
        const d = await decideNamed(
          await draft({
            request_ref: `KS 2026/14-${format}`,
            ids: [problems.named, problems.open, problems.secret],
            format,
          }),
        );
        const res = await call('POST', '/api/records/releases', as.admin, { draft_id: d.id });
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-release-id']).toMatch(/^[0-9a-f-]{36}$/);
        let text: string;
        if (format === 'xlsx') {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(res.rawPayload as never);
          const values = book.worksheets.flatMap((ws) => ws.getSheetValues().flat());
          expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
          text = values.filter((v) => typeof v === 'string').join('\n');
          expect(text).toContain(`'=HYPERLINK("http://evil.example","klicka")`);
          expect(book.worksheets[0]!.getRow(1).values).toEqual([
            undefined,
            'Nr',
            'Sekretessnivå',
            'Skapad',
            'Ansvarig enhet',
            'Skede',
            'Rubrik',
            'Problembeskrivning',
            'Tidsmönster',
          ]);
        } else {
          expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
          text = execFileSync('pdftotext', ['-', '-'], { input: res.rawPayload }).toString();
          expect(text).toContain('Maskerade uppgifter och grund för sekretess');
        }
        expect(text).toContain('[sekretess, 21 kap. 7 § OSL]');
        expect(text).toContain('21 kap. 7 § OSL (personuppgifter som inte får lämnas ut enligt dataskyddsreglerna)');
        expect(text).toContain('Storgatan 12');
        expect(text).toContain('Kartläggning');
        expect(text).not.toMatch(/Anna|Svensson|070-123|Skalskydd|Kameror|scanning|restricted|statement/);
        expect(text).not.toContain(problems.named);
        expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
        expect(text).toMatch(/Utlämnat:?\s+\d{4}-\d\d-\d\d \d\d:\d\d/);
      }
    });

    it('masks a restricted component of a measure one by one', async () => {
      const d = await draft({ request_ref: 'KS 2026/18', recipient: 'Granne', type: 'measure', ids: [measure] });
      // Words of the product's own vocabulary (the title's "Bättre", the component's type and status) are no one's name.
      expect(d.marks).toEqual([]);
      const [record] = (await call('POST', '/api/records/releases', as.admin, { draft_id: d.id })).json().records;
      expect(record.masked).toEqual(['components.2']);
      expect(record.fields.components).toBe(`1. Nya armaturer (Situationell/fysisk (CPTED), Planerad)\n2. ${MASKED}`);
    });

    it('shows a draft only to those who may release (403 to others), in its organisation (404 to other organisations); starting one is for admins', async () => {
      const d = await draft({ request_ref: 'KS 2026/15', ids: [problems.named] });
      const body = { decisions: [{ id: d.marks[0]!.id, decision: 'approve' }] };
      for (const [who, status] of [
        [as.coordinator, 403],
        [as.otherAdmin, 404],
      ] as const) {
        expect((await call('GET', `/api/records/drafts/${d.id}`, who)).statusCode).toBe(status);
        expect((await call('PATCH', `/api/records/drafts/${d.id}`, who, body)).statusCode).toBe(status);
        expect((await call('DELETE', `/api/records/drafts/${d.id}`, who)).statusCode).toBe(status);
      }
      expect((await call('POST', '/api/records/releases', as.otherAdmin, { draft_id: d.id })).statusCode).toBe(404);
      expect(
        (
          await call('POST', '/api/records/drafts', as.coordinator, {
            request_ref: 'X',
            recipient: 'Y',
            type: 'problem',
            ids: [problems.open],
          })
        ).statusCode,
      ).toBe(403);
      expect((await call('POST', '/api/records/releases', as.coordinator, { draft_id: d.id })).statusCode).toBe(403);
      expect((await call('GET', '/api/records/releases', as.coordinator)).statusCode).toBe(403);
      expect(((await call('GET', `/api/records/drafts/${d.id}`, as.admin)).json() as ReleaseDraft).undecided).toBe(2);
      expect((await call('DELETE', `/api/records/drafts/${d.id}`, as.admin)).statusCode).toBe(204);
      expect((await call('GET', `/api/records/drafts/${d.id}`, as.admin)).statusCode).toBe(404);
    });

    it('selects by filter; refuses unknown ids and empty results without a draft or a release', async () => {
      const drafts = async () =>
        (
          await getDb()
            .db.selectFrom('records_release_drafts')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      const before = await drafts();
      const unknown = await call('POST', '/api/records/drafts', as.admin, {
        request_ref: 'X',
        recipient: 'Y',
        type: 'problem',
        ids: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details[0]).toMatchObject({
        code: 'unknown_record',
        value: '00000000-0000-4000-8000-000000000000',
      });
      expect(
        (
          await call('POST', '/api/records/drafts', as.admin, {
            request_ref: 'X',
            recipient: 'Y',
            type: 'meeting',
            filter: { from: '2026-01-01' },
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await call('POST', '/api/records/drafts', as.admin, {
            request_ref: 'X',
            recipient: 'Y',
            type: 'problem',
            ids: [problems.open],
            filter: {},
          })
        ).statusCode,
      ).toBe(400);
      expect(await drafts()).toBe(before);
      expect((await draft({ request_ref: 'KS 2026/19', filter: { unit_id: org.unitId } })).records).toHaveLength(3);
    });

    it('keeps the release log append-only', async () => {
      await expect(sql`UPDATE records_releases SET recipient = 'någon annan'`.execute(getDb().db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`DELETE FROM records_releases`.execute(getDb().db)).rejects.toThrow(/append-only/);
    });
  },
);
