import { stringify } from 'csv-stringify/sync';
import { defuseCell } from '../../analysis/text/spreadsheet-cell.js';
import type { AuditEvent, AuditQuery } from '../../domain/audit.js';
import type { ServiceContext } from '../../core/context.js';
import {
  type AuditFilter,
  findActorNames,
  findEntityNames,
  listAuditEvents,
  NAMED_ENTITY_TYPES,
  type NamedEntityType,
} from './audit.repo.js';
import { tierAccess } from '../../core/policy.js';
import { auditChange } from '../../core/audit.repo.js';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isNamed = (type: string): type is NamedEntityType => (NAMED_ENTITY_TYPES as readonly string[]).includes(type);

/**
 * The names a page of events is told with: the actors' account names and the records' titles, one query for
 * the actors and one per kind of record (never one per event). A record the caller may not browse keeps no name.
 */
async function withNames(ctx: ServiceContext, events: AuditEvent[]): Promise<AuditEvent[]> {
  const access = tierAccess(ctx.principal);
  const idsByKind = new Map<NamedEntityType, Set<string>>();
  for (const e of events)
    if (e.entity_id && isNamed(e.entity_type) && UUID.test(e.entity_id))
      idsByKind.set(e.entity_type, (idsByKind.get(e.entity_type) ?? new Set()).add(e.entity_id));
  const actors = await findActorNames(ctx.db, ctx.organisation.id, [...new Set(events.map((e) => e.actor))]);
  const actorName = new Map(actors.map((a) => [a.email, a.name]));
  const entityName = new Map<string, string>();
  for (const [kind, ids] of idsByKind)
    for (const r of await findEntityNames(ctx.db, ctx.organisation.id, access, kind, [...ids]))
      entityName.set(`${kind}:${r.id}`, r.name);
  return events.map((e) => ({
    ...e,
    actor_name: actorName.get(e.actor) ?? null,
    entity_name: e.entity_id ? (entityName.get(`${e.entity_type}:${e.entity_id}`) ?? null) : null,
  }));
}

/** A page of the organisation's audit log, newest first, with the names of actors and records. */
export async function searchAudit(ctx: ServiceContext, query: AuditQuery) {
  const rows = await listAuditEvents(ctx.db, ctx.organisation.id, filterOf(query), query.limit + 1);
  const items = await withNames(ctx, rows.slice(0, query.limit).map(toEvent));
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
  await auditChange(ctx.db, ctx, {
    action: 'export',
    entityType: 'audit_log',
    after: { filters: { ...query }, rows: events.length },
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
