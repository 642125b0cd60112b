import type { Db } from '../../core/context.js';

/** What the public may see of a report, found by its receipt code. */
export function findPublicReport(db: Db, organisationId: string, receiptCode: string) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('areas as a', 'a.id', 'i.area_id')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .select([
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
    ])
    .where('i.organisation_id', '=', organisationId)
    .where('i.receipt_code', '=', receiptCode)
    .executeTakeFirst();
}
