import type { Db, ServiceContext } from './context.js';
import { auditValues } from './audit-values.js';

export interface AuditEntry {
  organisationId: string;
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

/** What a change made in a caller's name records: the organisation, actor and address come from its context. */
export interface ChangeEntry {
  action: AuditEntry['action'];
  entityType: string;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
}

/** One audit event for a change made in `ctx`'s name, in the change's transaction `db`. */
export function auditChange(db: Db, ctx: ServiceContext, entry: ChangeEntry): Promise<void> {
  return recordAudit(db, {
    organisationId: ctx.organisation.id,
    actor: ctx.actor,
    remoteAddress: ctx.remoteAddress,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: (entry.before ?? null) as Record<string, unknown> | null,
    after: (entry.after ?? null) as Record<string, unknown> | null,
  });
}
