import { stringify } from 'csv-stringify/sync';
import { defuseCell } from '../../analysis/text/spreadsheet-cell.js';
import type { AuditEvent, AuditQuery } from '../../domain/audit.js';
import type { ServiceContext } from '../../core/context.js';
import { type AuditFilter, listAuditEvents } from './audit.repo.js';
import { recordAudit } from '../../core/audit.repo.js';

type Row = Awaited<ReturnType<typeof listAuditEvents>>[number];

/** Only what changed: for a create every field is new, for a delete every field goes. */
export function auditChanges(before: unknown, after: unknown): AuditEvent['changes'] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: AuditEvent['changes'] = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key]))
      changes[key] = { before: b[key] ?? null, after: a[key] ?? null };
  }
  return changes;
}

function toEvent(r: Row): AuditEvent {
  return {
    id: r.id,
    occurred_at: new Date(r.occurred_at).toISOString(),
    actor: r.actor,
    action: r.action,
    entity_type: r.entity_type,
    entity_id: r.entity_id,
    changes: auditChanges(r.before, r.after),
    remote_address: r.remote_address,
  };
}

function filterOf(query: Omit<AuditQuery, 'limit' | 'before_id'> & { before_id?: number | undefined }): AuditFilter {
  return {
    actor: query.actor,
    action: query.action,
    entityType: query.entity_type,
    entityId: query.entity_id,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeId: query.before_id,
  };
}

/** A page of the organisation's audit log, newest first. */
export async function searchAudit(ctx: ServiceContext, query: AuditQuery) {
  const rows = await listAuditEvents(ctx.db, ctx.organisation.id, filterOf(query), query.limit + 1);
  const items = rows.slice(0, query.limit).map(toEvent);
  return { items, next_before_id: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

const EXPORT_BATCH = 5000;

/**
 * The whole matching log for a data-protection officer, as CSV or JSON. The export is itself audited,
 * with the filters used, in the same transaction as nothing else: it records who took what out.
 */
export async function exportAudit(
  ctx: ServiceContext,
  query: Omit<AuditQuery, 'limit' | 'before_id'> & { format: 'csv' | 'json' },
) {
  const events: AuditEvent[] = [];
  let beforeId: number | undefined;
  for (;;) {
    const rows = await listAuditEvents(
      ctx.db,
      ctx.organisation.id,
      filterOf({ ...query, before_id: beforeId }),
      EXPORT_BATCH,
    );
    events.push(...rows.map(toEvent));
    if (rows.length < EXPORT_BATCH) break;
    beforeId = rows[rows.length - 1]!.id;
  }
  await recordAudit(ctx.db, {
    organisationId: ctx.organisation.id,
    actor: ctx.actor,
    action: 'export',
    entityType: 'audit_log',
    entityId: null,
    after: { filters: { ...query }, rows: events.length },
    remoteAddress: ctx.remoteAddress,
  });
  if (query.format === 'json') return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(events) };
  const columns = [
    'id',
    'occurred_at',
    'actor',
    'action',
    'entity_type',
    'entity_id',
    'changes',
    'remote_address',
  ] as const;
  const body = stringify(
    events.map((e) => columns.map((c) => defuseCell(c === 'changes' ? JSON.stringify(e.changes) : e[c]))),
    { header: true, columns: [...columns], bom: true },
  );
  return { contentType: 'text/csv; charset=utf-8', body };
}
