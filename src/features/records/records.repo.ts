import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Confidentiality, RecordType } from '../../domain/confidentiality.js';
import type { ReleaseReview } from '../../domain/osl-grounds.js';
import type { RecordsFilter, ReleasedRecord } from '../../domain/records.js';
import type { StoredMark } from '../../db/schema/records.js';
import type { Db } from '../../core/context.js';

/** A record as read for a release: flat fields, its tier, and (measures) its components with theirs. */
export type ReleaseRow = Record<string, unknown> & { id: string; confidentiality: Confidentiality };

// Each record type's query has its own tables; the generic part (ids, period, unit) only needs `where`.
type AnyQuery = SelectQueryBuilder<Database, never, ReleaseRow>;

/** Per type: the query, the column of its date (for `from`/`to`) and of its owning unit (for `unit_id`). */
function base(db: Db, type: RecordType): { q: AnyQuery; id: string; date: string; unit: string; org: string } {
  const as = (q: unknown) => q as AnyQuery;
  switch (type) {
    case 'incident':
      return {
        id: 'i.id',
        date: 'i.occurred_at',
        unit: 'i.reporting_unit_id',
        org: 'i.organisation_id',
        q: as(
          db
            .selectFrom('incidents as i')
            .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
            .leftJoin('areas as d', 'd.id', 'i.district_id')
            .select([
              'i.id',
              'i.confidentiality',
              'i.occurred_at',
              'c.code as category',
              'i.status',
              'i.closure_reason',
              'i.source',
              'i.precision',
              'i.lon',
              'i.lat',
              'd.name as district',
              'i.description',
              'i.status_note',
            ]),
        ),
      };
    case 'problem':
      return {
        id: 'p.id',
        date: 'p.created_at',
        unit: 'p.owner_unit_id',
        org: 'p.organisation_id',
        q: as(
          db
            .selectFrom('problems as p')
            .innerJoin('units as u', 'u.id', 'p.owner_unit_id')
            .select([
              'p.id',
              'p.confidentiality',
              'p.created_at',
              'u.name as owner_unit',
              'p.stage',
              'p.title',
              'p.statement',
              'p.time_pattern',
            ]),
        ),
      };
    case 'measure':
      return {
        id: 'm.id',
        date: 'm.created_at',
        unit: 'm.responsible_unit_id',
        org: 'm.organisation_id',
        q: as(
          db
            .selectFrom('measures as m')
            .innerJoin('units as u', 'u.id', 'm.responsible_unit_id')
            .select([
              'm.id',
              'm.confidentiality',
              'm.created_at',
              'u.name as responsible_unit',
              'm.type',
              'm.status',
              'm.period_start',
              'm.period_end',
              'm.cost_estimate_sek',
              'm.title',
              'm.description',
            ]),
        ),
      };
    case 'request':
      return {
        id: 'r.id',
        date: 'r.created_at',
        unit: 'r.from_unit_id',
        org: 'r.organisation_id',
        q: as(
          db
            .selectFrom('contribution_requests as r')
            .innerJoin('units as f', 'f.id', 'r.from_unit_id')
            .innerJoin('units as t', 't.id', 'r.to_unit_id')
            .select([
              'r.id',
              'r.confidentiality',
              'r.created_at',
              'f.name as from_unit',
              't.name as to_unit',
              'r.due_date',
              'r.status',
              'r.what',
              'r.answer',
            ]),
        ),
      };
    case 'meeting':
      return {
        id: 'm.id',
        date: 'm.created_at',
        unit: 'a.owner_unit_id',
        org: 'm.organisation_id',
        q: as(
          db
            .selectFrom('meetings as m')
            .innerJoin('situation_reports as r', 'r.id', 'm.report_id')
            .leftJoin('areas as a', 'a.id', 'r.area_id')
            .select(['m.id', 'm.confidentiality', 'm.created_at', 'r.week', 'a.name as area', 'm.held_at', 'm.notes']),
        ),
      };
    case 'meeting_action':
      return {
        id: 'a.id',
        date: 'a.created_at',
        unit: 'a.unit_id',
        org: 'a.organisation_id',
        q: as(
          db
            .selectFrom('meeting_actions as a')
            .innerJoin('units as u', 'u.id', 'a.unit_id')
            .select([
              'a.id',
              'a.confidentiality',
              'a.created_at',
              'a.meeting_id',
              'u.name as unit',
              'a.due_date',
              'a.status',
              'a.title',
              'a.status_note',
            ]),
        ),
      };
    case 'situation_report':
      return {
        id: 'r.id',
        date: 'r.frozen_at',
        unit: 'a.owner_unit_id',
        org: 'r.organisation_id',
        q: as(
          db
            .selectFrom('situation_reports as r')
            .leftJoin('areas as a', 'a.id', 'r.area_id')
            .select([
              'r.id',
              'r.confidentiality',
              'r.frozen_at',
              'r.week',
              'a.name as area',
              sql<number | null>`(r.snapshot->'totals'->>'count')::int`.as('total'),
              sql<
                string | null
              >`(SELECT string_agg((c->>'code') || ': ' || (c->>'count'), '; ') FROM jsonb_array_elements(r.snapshot->'categories') c)`.as(
                'categories',
              ),
            ]),
        ),
      };
    case 'agreement':
      return {
        id: 'g.id',
        date: 'g.created_at',
        unit: 'g.district_unit_id',
        org: 'g.organisation_id',
        q: as(
          db
            .selectFrom('local_agreements as g')
            .innerJoin('units as d', 'd.id', 'g.district_unit_id')
            .innerJoin('units as p', 'p.id', 'g.partner_unit_id')
            .select([
              'g.id',
              'g.confidentiality',
              'g.created_at',
              'g.kind',
              'd.name as district',
              'p.name as partner',
              'g.period_start',
              'g.period_end',
              'g.title',
              'g.summary',
              'g.approved_public_text',
            ]),
        ),
      };
  }
}

/**
 * The records of one type a release covers, by ids or by filter, oldest first; at most `limit` (the caller
 * asks for one more than it allows, to tell a too-large request).
 */
export async function listReleaseRows(
  db: Db,
  organisationId: string,
  type: RecordType,
  by: { ids?: readonly string[] | undefined; filter?: RecordsFilter | undefined },
  limit: number,
): Promise<ReleaseRow[]> {
  const b = base(db, type);
  let q = b.q.where(sql.ref(b.org), '=', organisationId);
  if (by.ids) q = q.where(sql.ref(b.id), 'in', [...by.ids]);
  if (by.filter?.from) q = q.where(sql.ref(b.date), '>=', new Date(`${by.filter.from}T00:00:00Z`));
  if (by.filter?.to) q = q.where(sql.ref(b.date), '<', new Date(Date.parse(`${by.filter.to}T00:00:00Z`) + 86_400_000));
  if (by.filter?.unit_id) q = q.where(sql.ref(b.unit), '=', by.filter.unit_id);
  return q.orderBy(sql.ref(b.date)).orderBy(sql.ref(b.id)).limit(limit).execute();
}

/** The components of measures, each with its own tier. */
export function listComponentsOf(db: Db, measureIds: readonly string[]) {
  if (!measureIds.length) return Promise.resolve([]);
  return db
    .selectFrom('measure_components')
    .select(['measure_id', 'position', 'title', 'type', 'status', 'confidentiality'])
    .where('measure_id', 'in', measureIds)
    .orderBy('measure_id')
    .orderBy('position')
    .execute();
}

export async function insertRelease(
  db: Db,
  row: {
    organisation_id: string;
    request_ref: string;
    recipient: string;
    record_type: RecordType;
    record_ids: string[];
    masked: Array<{ id: string; fields: string[] }>;
    format: 'json' | 'xlsx' | 'pdf';
    released_by: string;
    draft_id?: string;
    review?: ReleaseReview;
  },
) {
  return db
    .insertInto('records_releases')
    .values({ ...row, record_ids: { ids: row.record_ids }, masked: { records: row.masked } })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listReleases(db: Db, organisationId: string, filter: { requestRef?: string | undefined }) {
  let q = db.selectFrom('records_releases').selectAll().where('organisation_id', '=', organisationId);
  if (filter.requestRef) q = q.where('request_ref', '=', filter.requestRef);
  return q.orderBy('released_at', 'desc').limit(500).execute();
}

/** The names the organisation itself uses (categories, places, areas, units): words in them are not persons' names. */
export async function listOwnNames(db: Db, organisationId: string): Promise<string[]> {
  const [categories, places, areas, units] = await Promise.all([
    db
      .selectFrom('incident_categories')
      .select(['label_sv as name', 'label_en as alt', 'code'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db.selectFrom('places').select('name').where('organisation_id', '=', organisationId).execute(),
    db.selectFrom('areas').select('name').where('organisation_id', '=', organisationId).execute(),
    db.selectFrom('units').select(['name', 'name_en']).where('organisation_id', '=', organisationId).execute(),
  ]);
  return [
    ...categories.flatMap((c) => [c.name, c.alt, c.code]),
    ...places.map((p) => p.name),
    ...areas.map((a) => a.name),
    ...units.flatMap((u) => [u.name, u.name_en ?? '']),
  ];
}

/** Category code → Swedish label, for the released document. */
export async function categoryLabels(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('incident_categories')
    .select(['code', 'label_sv'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.label_sv]));
}

export function insertDraft(
  db: Db,
  row: {
    organisation_id: string;
    request_ref: string;
    recipient: string;
    record_type: RecordType;
    format: 'json' | 'xlsx' | 'pdf';
    records: ReleasedRecord[];
    marks: StoredMark[];
    created_by: string;
  },
) {
  return db
    .insertInto('records_release_drafts')
    .values({ ...row, records: { records: row.records }, marks: { marks: row.marks } })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One draft of the organisation, or undefined; `lock` holds it for the rest of the transaction (one reviewer at a time). */
export function findDraft(db: Db, organisationId: string, id: string, lock = false) {
  const q = db
    .selectFrom('records_release_drafts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function updateDraftMarks(db: Db, id: string, marks: StoredMark[]) {
  return db
    .updateTable('records_release_drafts')
    .set({ marks: { marks }, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('records_release_drafts').where('id', '=', id).execute();
}
