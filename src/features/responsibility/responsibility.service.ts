import { assertAndBumpVersion } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { daysBetween, localDay } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { InboxItem } from '../../domain/meetings.js';
import type {
  Assignment,
  ResponsibilityRule,
  ResponsibilityRuleInput,
  ServiceLevel,
} from '../../domain/responsibility.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { assertWorksIncident, tierAccess } from '../../core/policy.js';
import { findCategoriesByCode, findUnit } from '../../core/tenancy.repo.js';
import {
  deleteRule,
  findAssignment,
  findRoutingFacts,
  insertRule,
  lockIncidentOwners,
  listComplianceRows,
  listOpenAssigned,
  listRules,
  listServiceLevels,
  updateRule,
  upsertAssignment,
  upsertServiceLevel,
} from './responsibility.repo.js';
import { routeIncident } from './routing.js';

const HOUR_MS = 3_600_000;

/** The matrix, by place type and category. */
export async function listResponsibilityRules(ctx: ServiceContext): Promise<ResponsibilityRule[]> {
  return (await listRules(ctx.db, ctx.organisation.id)).map((r) => ({
    id: r.id,
    place_type: r.place_type,
    category: r.category,
    target: r.target,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
    note: r.note,
  }));
}

async function ruleRow(ctx: ServiceContext, input: ResponsibilityRuleInput) {
  let categoryId: string | null = null;
  if (input.category) {
    const [c] = await findCategoriesByCode(ctx.db, ctx.organisation.id, [input.category]);
    if (!c)
      throw new AppError('UNKNOWN_CATEGORY', {
        details: [{ path: 'category', code: 'unknown_category', message: `unknown category '${input.category}'` }],
      });
    categoryId = c.id;
  }
  if (input.unit_id && !(await findUnit(ctx.db, ctx.organisation.id, input.unit_id))) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'unit_id', code: 'unknown_unit', message: 'no such unit' }],
    });
  }
  return {
    place_type: input.place_type,
    category_id: categoryId,
    target: input.target,
    unit_id: input.unit_id,
    note: input.note ?? null,
  };
}

const conflict = (e: unknown) => {
  if ((e as { code?: string }).code === '23505')
    throw new AppError('CONFLICT', {
      details: { entity: 'responsibility_rule', reason: 'a rule for this place type and category exists' },
    });
  throw e;
};

/** Adds a rule (admins); one per place type and category. */
export async function createResponsibilityRule(
  ctx: ServiceContext,
  input: ResponsibilityRuleInput,
): Promise<ResponsibilityRule> {
  const row = await ruleRow(ctx, input);
  const id = await inTransaction(ctx.db, async (trx) => {
    const ruleId = await insertRule(trx, { organisation_id: ctx.organisation.id, ...row }).catch(conflict);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'responsibility_rule',
      entityId: ruleId,
      after: row,
    });
    return ruleId;
  });
  return (await listResponsibilityRules(ctx)).find((r) => r.id === id)!;
}

/** Replaces a rule (admins). Incidents routed before keep their unit. */
export async function updateResponsibilityRule(
  ctx: ServiceContext,
  id: string,
  input: ResponsibilityRuleInput,
): Promise<ResponsibilityRule> {
  const row = await ruleRow(ctx, input);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await updateRule(trx, ctx.organisation.id, id, row).catch(conflict)))
      throw new AppError('NOT_FOUND', { details: { entity: 'responsibility_rule', id } });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'responsibility_rule',
      entityId: id,
      after: row,
    });
  });
  return (await listResponsibilityRules(ctx)).find((r) => r.id === id)!;
}

/** Removes a rule (admins). */
export async function deleteResponsibilityRule(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await deleteRule(trx, ctx.organisation.id, id)))
      throw new AppError('NOT_FOUND', { details: { entity: 'responsibility_rule', id } });
    await auditChange(trx, ctx, {
      action: 'delete',
      entityType: 'responsibility_rule',
      entityId: id,
    });
  });
}

/**
 * Routes a new incident to the responsible unit's inbox by the matrix. Called by the incident service in
 * the creating transaction; an existing (possibly overridden) assignment is kept. Bulk imports and the
 * demo seed do not route: their rows are history, not work to do.
 */
export async function assignIncident(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  incidentId: string,
): Promise<string | null> {
  const facts = await findRoutingFacts(ctx.db, ctx.organisation.id, incidentId);
  if (!facts) return null;
  const rules = (await listRules(ctx.db, ctx.organisation.id)).map((r) => ({
    id: r.id,
    placeType: r.place_type,
    categoryId: r.category_id,
    target: r.target,
    unitId: r.unit_id,
  }));
  const routed = routeIncident(rules, {
    categoryId: facts.category_id,
    districtUnitId: facts.district_unit,
    place: facts.place_type ? { type: facts.place_type, ownerUnitId: facts.place_owner } : null,
  });
  if (!routed) return null;
  await upsertAssignment(
    ctx.db,
    {
      incident_id: incidentId,
      organisation_id: ctx.organisation.id,
      unit_id: routed.unitId,
      rule_id: routed.ruleId,
      overridden_by: null,
    },
    false,
  );
  return routed.unitId;
}

/** Who an incident is routed to, or NOT_FOUND when nobody is or the caller may not see the incident. */
export async function getAssignment(ctx: ServiceContext, incidentId: string): Promise<Assignment> {
  const a = await findAssignment(ctx.db, ctx.organisation.id, incidentId, tierAccess(ctx.principal));
  if (!a) throw new AppError('NOT_FOUND', { details: { entity: 'incident_assignment', incident_id: incidentId } });
  return {
    incident_id: a.incident_id,
    unit: { id: a.unit_id, name: a.unit_name },
    rule_id: a.rule_id,
    overridden_by: a.overridden_by,
  };
}

/**
 * Locks an incident for a change in the caller's transaction and checks that the caller may make it
 * (`worksIncident`: its assigned or reporting unit, its district's coordinators, admins) and that
 * `expectedVersion` (If-Match), when given, is still the stored one. NOT_FOUND when the caller may not see it.
 */
export async function lockIncidentForChange(
  ctx: ServiceContext,
  incidentId: string,
  what: string,
  expectedVersion?: number,
): Promise<void> {
  const owners = await lockIncidentOwners(ctx.db, ctx.organisation.id, incidentId, tierAccess(ctx.principal));
  if (!owners) throw new AppError('NOT_FOUND', { details: { entity: 'incident', id: incidentId } });
  assertWorksIncident(
    ctx.principal,
    {
      assignedUnitId: owners.assigned_unit_id,
      reportingUnitId: owners.reporting_unit_id,
      districtUnitId: owners.district_unit_id,
    },
    what,
  );
  await assertAndBumpVersion(ctx.db, 'incidents', 'incident', incidentId, owners.version, expectedVersion);
}

/** Moves an incident to another unit's inbox by hand: those who work the incident (`lockIncidentForChange`). */
export async function overrideAssignment(
  ctx: ServiceContext,
  incidentId: string,
  unitId: string,
  expectedVersion?: number,
): Promise<Assignment> {
  if (!(await findUnit(ctx.db, ctx.organisation.id, unitId)))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'unit_id', code: 'unknown_unit', message: 'no such unit' }],
    });
  await inTransaction(ctx.db, async (trx) => {
    await lockIncidentForChange({ ...ctx, db: trx }, incidentId, 'assignment', expectedVersion);
    const before = await findAssignment(trx, ctx.organisation.id, incidentId, tierAccess(ctx.principal));
    await upsertAssignment(
      trx,
      {
        incident_id: incidentId,
        organisation_id: ctx.organisation.id,
        unit_id: unitId,
        rule_id: null,
        overridden_by: ctx.actor,
      },
      true,
    );
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'incident_assignment',
      entityId: incidentId,
      before: { unit_id: before?.unit_id ?? null },
      after: { unit_id: unitId },
    });
  });
  return getAssignment(ctx, incidentId);
}

/** Inbox source: a unit's routed open incidents, with time left against the category's service level. */
export async function incidentInboxItems(ctx: ServiceContext, unitId: string, day: string): Promise<InboxItem[]> {
  const now = Date.now();
  return (await listOpenAssigned(ctx.db, ctx.organisation.id, unitId)).map((r) => {
    const reported = new Date(r.reported_at);
    const deadline = r.hours === null ? reported : new Date(reported.getTime() + r.hours * HOUR_MS);
    const dueDate = localDay(deadline, ctx.organisation.timeZone);
    const daysLeft = daysBetween(day, dueDate);
    const hoursLeft = r.hours === null ? null : Math.round(((deadline.getTime() - now) / HOUR_MS) * 10) / 10;
    return {
      kind: 'incident' as const,
      id: r.id,
      title: r.place_name ? `${r.label_sv}, ${r.place_name}` : r.label_sv,
      due_date: dueDate,
      days_left: daysLeft,
      overdue: hoursLeft !== null && hoursLeft < 0,
      category: r.category,
      reported_at: reported.toISOString(),
      hours_left: hoursLeft,
      place_name: r.place_name,
    };
  });
}

/** The response rules per category. */
export async function listServiceLevelRules(ctx: ServiceContext): Promise<ServiceLevel[]> {
  return (await listServiceLevels(ctx.db, ctx.organisation.id)).map(({ category_id: _, ...s }) => s);
}

/** Sets a category's response rule (admins). */
export async function setServiceLevel(
  ctx: ServiceContext,
  category: string,
  input: { hours: number; rule: string },
): Promise<ServiceLevel> {
  const [c] = await findCategoriesByCode(ctx.db, ctx.organisation.id, [category]);
  if (!c) throw new AppError('UNKNOWN_CATEGORY', { details: { category } });
  await inTransaction(ctx.db, async (trx) => {
    await upsertServiceLevel(trx, { organisation_id: ctx.organisation.id, category_id: c.id, ...input });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'service_level',
      entityId: category,
      after: input,
    });
  });
  return { category, ...input };
}

/** Per unit and category: closed within the service level / closed, and open ones already late. */
export async function serviceLevelCompliance(ctx: ServiceContext, unitId?: string) {
  const rows = await listComplianceRows(ctx.db, ctx.organisation.id, unitId);
  const groups = new Map<
    string,
    {
      unit_id: string;
      unit_name: string;
      category: string;
      hours: number;
      closed: number;
      within: number;
      open_late: number;
    }
  >();
  const now = Date.now();
  for (const r of rows) {
    const key = `${r.unit_id}|${r.category}`;
    const g = groups.get(key) ?? {
      unit_id: r.unit_id,
      unit_name: r.unit_name,
      category: r.category,
      hours: r.hours,
      closed: 0,
      within: 0,
      open_late: 0,
    };
    const deadline = new Date(r.reported_at).getTime() + r.hours * HOUR_MS;
    if (r.status === 'closed' && r.closed_at) {
      g.closed++;
      if (new Date(r.closed_at).getTime() <= deadline) g.within++;
    } else if (r.status !== 'closed' && now > deadline) g.open_late++;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, share: g.closed ? g.within / g.closed : null }))
    .sort((a, b) => a.unit_name.localeCompare(b.unit_name) || a.category.localeCompare(b.category));
}

/**
 * The unit the matrix names for something noted in the street environment of a district (a safety walk's
 * observation), per category code; `null` as code means no category (the district's, by the fallback).
 */
export async function streetResponsibility(
  ctx: ServiceContext,
  districtUnitId: string | null,
  categoryCodes: readonly (string | null)[],
): Promise<Map<string | null, { id: string; name: string } | null>> {
  const rules = (await listRules(ctx.db, ctx.organisation.id)).map((r) => ({
    id: r.id,
    placeType: r.place_type,
    categoryId: r.category,
    target: r.target,
    unitId: r.unit_id,
  }));
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await findUnit(ctx.db, ctx.organisation.id, id))?.name ?? '');
    return names.get(id)!;
  };
  const result = new Map<string | null, { id: string; name: string } | null>();
  for (const code of new Set(categoryCodes)) {
    // Codes stand in for ids on both sides: the router compares them only with each other.
    const routed = routeIncident(rules, { categoryId: code ?? '', place: null, districtUnitId });
    result.set(code, routed ? { id: routed.unitId, name: await nameOf(routed.unitId) } : null);
  }
  return result;
}
