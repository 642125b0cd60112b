import type { Db } from '../../core/context.js';

/** What the public may see of a report, found by its receipt code, with its category's service level. */
export function findPublicReport(db: Db, organisationId: string, receiptCode: string) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('areas as a', 'a.id', 'i.area_id')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .leftJoin('service_levels as sl', (j) =>
      j.onRef('sl.category_id', '=', 'i.category_id').onRef('sl.organisation_id', '=', 'i.organisation_id'),
    )
    .leftJoin('incident_photos as ph', 'ph.incident_id', 'i.id')
    .select([
      'i.id',
      'i.receipt_code',
      'c.code',
      'c.label_sv',
      'c.label_en',
      'i.status',
      'i.closure_reason',
      'i.reported_at',
      'i.updated_at',
      'a.name as area_name',
      'p.name as place_name',
      'i.lon',
      'i.lat',
      'sl.hours',
      'sl.rule',
      'ph.id as photo_id',
    ])
    .where('i.organisation_id', '=', organisationId)
    .where('i.receipt_code', '=', receiptCode)
    .executeTakeFirst();
}

/** The audited changes of an incident's status fields, oldest first (before/after hold codes, never text). */
export function listStatusAudit(db: Db, organisationId: string, incidentId: string) {
  return db
    .selectFrom('audit_events')
    .select(['occurred_at', 'before', 'after'])
    .where('organisation_id', '=', organisationId)
    .where('entity_type', '=', 'incident')
    .where('entity_id', '=', incidentId)
    .where('action', '=', 'update')
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/** Replies to the reporter of an incident, oldest first. */
export function listPublicUpdates(db: Db, organisationId: string, incidentId: string) {
  return db
    .selectFrom('incident_public_updates')
    .select(['id', 'body', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertPublicUpdate(
  db: Db,
  row: { organisation_id: string; incident_id: string; body: string; created_by: string | null },
) {
  return db.insertInto('incident_public_updates').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

/** Keeps a report's photo; false when it already has one (the unique incident_id decides, race-free). */
export async function insertPhoto(
  db: Db,
  row: {
    organisation_id: string;
    incident_id: string;
    width: number;
    height: number;
    image: Uint8Array;
    thumbnail: Uint8Array;
  },
): Promise<string | undefined> {
  const r = await db
    .insertInto('incident_photos')
    .values({ ...row, content_type: 'image/jpeg' })
    .onConflict((oc) => oc.column('incident_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/** An incident's photo, the full image or the thumbnail. */
export function findPhoto(db: Db, organisationId: string, incidentId: string, size: 'full' | 'thumb') {
  return db
    .selectFrom('incident_photos')
    .select(['content_type', size === 'thumb' ? 'thumbnail as data' : 'image as data'])
    .where('organisation_id', '=', organisationId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
}

/** The receipt code and photo size of an incident (staff view of the resident's side). */
export function findResidentFacts(db: Db, organisationId: string, incidentId: string) {
  return db
    .selectFrom('incidents as i')
    .leftJoin('incident_photos as ph', 'ph.incident_id', 'i.id')
    .select(['i.receipt_code', 'ph.width', 'ph.height'])
    .where('i.organisation_id', '=', organisationId)
    .where('i.id', '=', incidentId)
    .executeTakeFirst();
}
