import type { ServiceContext } from '../../core/context.js';
import { recordAudit } from '../../core/audit.repo.js';

/** One audit event for a reporting change, in the change's transaction. */
export const auditReporting = (
  ctx: ServiceContext,
  db: ServiceContext['db'],
  entry: { action: 'create' | 'update'; entityType: string; entityId: string; before?: object; after?: object },
) =>
  recordAudit(db, {
    organisationId: ctx.organisation.id,
    actor: ctx.actor,
    remoteAddress: ctx.remoteAddress,
    ...entry,
    before: (entry.before ?? null) as Record<string, unknown> | null,
    after: (entry.after ?? null) as Record<string, unknown> | null,
  });
