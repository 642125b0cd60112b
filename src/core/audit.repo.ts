import type { Db } from './context.js';
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
