import type { Insertable } from 'kysely';
import type { ResponsibilityRulesTable } from '../../db/schema.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

export function listRules(db: Db, organisationId: string) {
  return db
    .selectFrom('responsibility_rules as r')
    .leftJoin('incident_categories as c', 'c.id', 'r.category_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.place_type',
      'r.category_id',
      'c.code as category',
      'r.target',
      'r.unit_id',
      'u.name as unit_name',
      'r.note',
    ])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('r.place_type')
    .orderBy('c.code')
    .execute();
}

export async function insertRule(db: Db, row: Insertable<ResponsibilityRulesTable>): Promise<string> {
  return (await db.insertInto('responsibility_rules').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRule(
  db: Db,
  organisationId: string,
  id: string,
  row: Pick<Insertable<ResponsibilityRulesTable>, 'place_type' | 'category_id' | 'target' | 'unit_id' | 'note'>,
): Promise<number> {
  const r = await db
    .updateTable('responsibility_rules')
    .set({ ...row, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteRule(db: Db, organisationId: string, id: string): Promise<number> {
  return Number(
    (
      await db
        .deleteFrom('responsibility_rules')
        .where('organisation_id', '=', organisationId)
        .where('id', '=', id)
        .executeTakeFirst()
    ).numDeletedRows,
  );
}

/** The facts routing needs about one incident: category, place type and owner, and its district's unit. */
export function findRoutingFacts(db: Db, organisationId: string, incidentId: string) {
  return db
    .selectFrom('incidents as i')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .leftJoin('areas as d', 'd.id', 'i.district_id')
    .select([
      'i.id',
      'i.category_id',
      'p.type as place_type',
      'p.owner_unit_id as place_owner',
      'd.owner_unit_id as district_unit',
    ])
    .where('i.organisation_id', '=', organisationId)
    .where('i.id', '=', incidentId)
    .executeTakeFirst();
}

export async function upsertAssignment(
  db: Db,
  row: {
    incident_id: string;
    organisation_id: string;
    unit_id: string;
    rule_id: string | null;
    overridden_by: string | null;
  },
  override: boolean,
): Promise<void> {
  await db
    .insertInto('incident_assignments')
    .values(row)
    .onConflict((oc) =>
      override
        ? oc.column('incident_id').doUpdateSet({
            unit_id: row.unit_id,
            rule_id: null,
            overridden_by: row.overridden_by,
            assigned_at: new Date(),
          })
        : oc.column('incident_id').doNothing(),
    )
    .execute();
}

/** An incident's routing, if the incident is one `access` may see. */
export function findAssignment(db: Db, organisationId: string, incidentId: string, access: TierAccess) {
  return db
    .selectFrom('incident_assignments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .select(['a.incident_id', 'a.unit_id', 'u.name as unit_name', 'a.rule_id', 'a.overridden_by'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.incident_id', '=', incidentId)
    .where(visibleTo(access, 'incident', 'i'))
    .executeTakeFirst();
}

/** A unit's routed incidents that are not closed, with the category's service level when there is one. */
export function listOpenAssigned(db: Db, organisationId: string, unitId: string) {
  return db
    .selectFrom('incident_assignments as a')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .leftJoin('service_levels as s', (j) =>
      j.onRef('s.category_id', '=', 'i.category_id').onRef('s.organisation_id', '=', 'i.organisation_id'),
    )
    .select(['i.id', 'c.code as category', 'c.label_sv', 'i.reported_at', 's.hours', 'p.name as place_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.unit_id', '=', unitId)
    .where('i.status', '<>', 'closed')
    .orderBy('i.reported_at')
    .limit(500)
    .execute();
}

export function listServiceLevels(db: Db, organisationId: string) {
  return db
    .selectFrom('service_levels as s')
    .innerJoin('incident_categories as c', 'c.id', 's.category_id')
    .select(['c.code as category', 's.category_id', 's.hours', 's.rule'])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('c.code')
    .execute();
}

export async function upsertServiceLevel(
  db: Db,
  row: { organisation_id: string; category_id: string; hours: number; rule: string },
): Promise<void> {
  await db
    .insertInto('service_levels')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'category_id']).doUpdateSet({ hours: row.hours, rule: row.rule }),
    )
    .execute();
}

/** Routed incidents of categories with a service level, per unit and category, for the compliance figure. */
export function listComplianceRows(db: Db, organisationId: string, unitId: string | undefined) {
  let q = db
    .selectFrom('incident_assignments as a')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('service_levels as s', (j) =>
      j.onRef('s.category_id', '=', 'i.category_id').onRef('s.organisation_id', '=', 'i.organisation_id'),
    )
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .select([
      'a.unit_id',
      'u.name as unit_name',
      'c.code as category',
      's.hours',
      'i.reported_at',
      'i.closed_at',
      'i.status',
    ])
    .where('a.organisation_id', '=', organisationId);
  if (unitId) q = q.where('a.unit_id', '=', unitId);
  return q.execute();
}

/**
 * The units an incident answers to (reporting, assigned, its district's) and its version, with the incident's
 * row locked for the rest of the caller's transaction; undefined when absent or not visible to `access`.
 */
export function lockIncidentOwners(db: Db, organisationId: string, incidentId: string, access: TierAccess) {
  return db
    .selectFrom('incidents as i')
    .leftJoin('incident_assignments as a', 'a.incident_id', 'i.id')
    .leftJoin('areas as d', 'd.id', 'i.district_id')
    .select([
      'i.version',
      'i.reporting_unit_id',
      'a.unit_id as assigned_unit_id',
      'd.owner_unit_id as district_unit_id',
    ])
    .where('i.organisation_id', '=', organisationId)
    .where('i.id', '=', incidentId)
    .where(visibleTo(access, 'incident', 'i'))
    .forUpdate('i')
    .executeTakeFirst();
}
