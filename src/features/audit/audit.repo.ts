import type { Db } from '../org/org.repo.js';
import { auditValues } from './audit-values.js';

export interface AuditEntry {
  organisationId: string | null;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'import' | 'export' | 'sign_in' | 'seed' | 'erase';
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  remoteAddress?: string | null | undefined;
}

/** Appends one audit event, free text replaced (`auditValues`); call it inside the transaction of the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      organisation_id: entry.organisationId,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: auditValues(entry.before),
      after: auditValues(entry.after),
      remote_address: entry.remoteAddress ?? null,
    })
    .execute();
}

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
