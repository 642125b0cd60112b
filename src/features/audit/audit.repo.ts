import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
}

/** Newest first; page with `beforeId` (the id is the append order). */
export function listAuditEvents(db: Db, organisationId: string, filter: AuditFilter, limit: number) {
  let q = db.selectFrom('audit_events').selectAll().where('organisation_id', '=', organisationId);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.from) q = q.where('occurred_at', '>=', filter.from);
  if (filter.to) q = q.where('occurred_at', '<', filter.to);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Names of the organisation's accounts by e-mail (the audit log's actor), in one query. */
export function findActorNames(db: Db, organisationId: string, emails: readonly string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['email', 'display_name as name'])
    .where('organisation_id', '=', organisationId)
    .where('email', 'in', emails)
    .execute();
}

/** The kinds of record whose audit events are told with the record's name. */
export const NAMED_ENTITY_TYPES = ['user', 'problem', 'measure', 'agreement', 'meeting_action'] as const;
export type NamedEntityType = (typeof NAMED_ENTITY_TYPES)[number];

/**
 * The names (titles) of the records of one kind among `ids`, one query per kind; records the caller may not
 * browse (`visibleTo`, their confidentiality tier) are left out, so their titles never reach the log's reader.
 */
export function findEntityNames(
  db: Db,
  organisationId: string,
  access: TierAccess,
  kind: NamedEntityType,
  ids: readonly string[],
): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return Promise.resolve([]);
  switch (kind) {
    case 'user':
      return db
        .selectFrom('users')
        .select(['id', 'display_name as name'])
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', ids)
        .execute();
    case 'problem':
      return db
        .selectFrom('problems as p')
        .select(['p.id', 'p.title as name'])
        .where('p.organisation_id', '=', organisationId)
        .where('p.id', 'in', ids)
        .where(visibleTo(access, 'problem', 'p'))
        .execute();
    case 'measure':
      return db
        .selectFrom('measures as m')
        .select(['m.id', 'm.title as name'])
        .where('m.organisation_id', '=', organisationId)
        .where('m.id', 'in', ids)
        .where(visibleTo(access, 'measure', 'm'))
        .execute();
    case 'agreement':
      return db
        .selectFrom('local_agreements as g')
        .select(['g.id', 'g.title as name'])
        .where('g.organisation_id', '=', organisationId)
        .where('g.id', 'in', ids)
        .where(visibleTo(access, 'agreement', 'g'))
        .execute();
    case 'meeting_action':
      return db
        .selectFrom('meeting_actions as a')
        .select(['a.id', 'a.title as name'])
        .where('a.organisation_id', '=', organisationId)
        .where('a.id', 'in', ids)
        .where(visibleTo(access, 'meeting_action', 'a'))
        .execute();
  }
}
