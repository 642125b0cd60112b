import type { Db } from '../org/org.repo.js';

export interface AuditEntry {
  organisationId: string | null;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'import' | 'export' | 'sign_in' | 'seed';
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  remoteAddress?: string | null | undefined;
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      organisation_id: entry.organisationId,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      remote_address: entry.remoteAddress ?? null,
    })
    .execute();
}

export function listAuditEvents(db: Db, filter: { entityType?: string; entityId?: string }) {
  let q = db.selectFrom('audit_events').selectAll();
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  return q.orderBy('id').execute();
}
