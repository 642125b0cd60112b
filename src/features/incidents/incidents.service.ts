import { publicResolution, publicWindow, suppressSmallCells } from '../../analysis/stats/disclosure.js';
import { redactPersonalData } from '../../analysis/text/redact.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import type {
  HexbinQuery,
  Incident,
  IncidentConfidentialityUpdate,
  IncidentCreate,
  IncidentListQuery,
  IncidentStatusUpdate,
} from '../../domain/incidents.js';
import { bumpVersion, lockRow } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { heavyReadContext, type ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { freeTextGate } from '../auth/free-text.js';
import { checkPolicy, tierAccess } from '../../core/policy.js';
import { DEFAULT_CONFIDENTIALITY } from '../../domain/confidentiality.js';
import { getAreaIndex } from '../org/area-index.service.js';
import { findUnit } from '../../core/tenancy.repo.js';
import { queueStatusChangeMessage } from '../outbox/outbox.service.js';
import { lockIncidentForChange } from '../responsibility/responsibility.service.js';
import { type AdmissionIssue, admitIncident } from './admission.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { incidentRow, writeIncidents } from './incident-writer.js';
import {
  countByCell,
  countIncidents,
  findCategoryByCode,
  type IncidentFilter,
  findIncident,
  findIncidentByReceipt,
  findPlaceForIncident,
  findZone,
  type IncidentRecord,
  listIncidents as listIncidentRows,
  updateIncidentConfidentiality as updateTierRow,
  updateIncidentStatus as updateStatusRow,
} from './incidents.repo.js';

function invalid(
  path: string,
  code: string,
  message: string,
  errorCode: ConstructorParameters<typeof AppError>[0] = 'VALIDATION_FAILED',
): AppError {
  const details: FieldIssue[] = [{ path, code, message }];
  return new AppError(errorCode, { details });
}

/** An admission issue as the API answers it. */
function refusal(problem: AdmissionIssue, input: IncidentCreate): AppError {
  switch (problem.code) {
    case 'unknown_category':
      return invalid('category', 'unknown_category', `unknown category '${input.category}'`, 'UNKNOWN_CATEGORY');
    case 'inactive_category':
      return invalid(
        'category',
        'inactive_category',
        `category '${input.category}' is no longer in use`,
        'INACTIVE_CATEGORY',
      );
    case 'in_future':
      return invalid('occurred_at', 'in_future', 'occurred_at is in the future', 'OCCURRED_IN_FUTURE');
    case 'outside_organisation':
    case 'invalid_coordinates':
    case 'swapped_coordinates':
      return new AppError('OUTSIDE_ORGANISATION', {
        details: [
          {
            path: 'lon',
            code: 'outside_organisation',
            message: 'the point lies outside the organisation’s areas at that time',
          },
          {
            path: 'lat',
            code: 'outside_organisation',
            message: 'the point lies outside the organisation’s areas at that time',
          },
        ] satisfies FieldIssue[],
      });
    case 'text_too_long':
      return invalid('description', 'text_too_long', 'the description is too long');
  }
}

/**
 * Records a new incident: admits it (`admitIncident`: category, time, place in its areas, redacted text),
 * checks its references, stores and routes it, audits it.
 * `receiptCode` is given by the public form so an anonymous reporter can follow the report.
 */
export async function createIncident(
  ctx: ServiceContext,
  input: IncidentCreate,
  options: { receiptCode?: string } = {},
): Promise<Incident> {
  const organisationId = ctx.organisation.id;
  return inTransaction(ctx.db, async (trx) => {
    const category = await findCategoryByCode(trx, organisationId, input.category);
    const admission = admitIncident(
      {
        occurredAt: new Date(input.occurred_at),
        category: input.category,
        point: { lon: input.lon, lat: input.lat },
        precision: input.precision,
        description: input.description ?? null,
      },
      {
        areas: await getAreaIndex(trx, organisationId),
        timeZone: ctx.organisation.timeZone,
        category: (code) => (category?.code === code ? category : null),
        now: Date.now(),
      },
    );
    const issues = admission.ok ? [] : admission.issues;
    // Refused in the order the API has always answered: category and time before references, the place after.
    const early = issues.find((i) => i.field === 'category' || i.field === 'occurred_at');
    if (early) throw refusal(early, input);
    if (input.place_id && !(await findPlaceForIncident(trx, organisationId, input.place_id))) {
      throw invalid('place_id', 'unknown_place', 'no such place');
    }
    if (input.zone_id) {
      const zone = await findZone(trx, input.zone_id);
      if (!zone || zone.place_id !== input.place_id)
        throw invalid('zone_id', 'zone_mismatch', 'the zone does not belong to the place', 'PLACE_ZONE_MISMATCH');
    }
    if (input.reporting_unit_id && !(await findUnit(trx, organisationId, input.reporting_unit_id))) {
      throw invalid('reporting_unit_id', 'unknown_unit', 'no such unit');
    }
    if (!admission.ok) throw refusal(admission.issues[0]!, input);

    // A reference is an id, compared as given: one holding personal data is refused rather than redacted into another's.
    if (input.source_ref && redactPersonalData(input.source_ref).count > 0) {
      throw invalid(
        'source_ref',
        'personal_data',
        'the reference contains personal data (an identity number, phone number, e-mail address or licence plate)',
      );
    }
    const row = incidentRow(organisationId, admission.incident, {
      place_id: input.place_id ?? null,
      zone_id: input.zone_id ?? null,
      source: input.source,
      source_ref: input.source_ref ?? null,
      reporting_unit_id: input.reporting_unit_id ?? null,
      closure_reason: null,
      status_note: null,
      receipt_code: options.receiptCode ?? null,
      confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY.incident,
    });
    // Routed in the same transaction: a report is never stored without landing in someone's inbox.
    const [id] = await writeIncidents({ db: trx, organisation: ctx.organisation }, [row], 'route').catch(
      (e: unknown) => {
        if (isUniqueViolation(e))
          throw invalid('source_ref', 'duplicate', 'an incident with this source reference exists', 'CONFLICT');
        throw e;
      },
    );
    const created = toIncident((await findIncident(trx, organisationId, id!))!);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'incident',
      entityId: id,
      after: created as unknown as Record<string, unknown>,
    });
    return forViewer(ctx, created);
  });
}

/** Free text can hold sensitive detail; callers without a need (analysts, the public) get the rest only. */
function forViewer(ctx: ServiceContext, incident: Incident): Incident {
  return freeTextGate(ctx.principal).shown('incident', incident);
}

/** One incident, or NOT_FOUND. */
export async function getIncident(ctx: ServiceContext, id: string): Promise<Incident> {
  // A record the caller may not see is reported as absent, not forbidden: its existence can be sensitive too.
  const row = await findIncident(ctx.db, ctx.organisation.id, id, tierAccess(ctx.principal));
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'incident', id } });
  return forViewer(ctx, toIncident(row));
}

/** A page of incidents, newest first, with the cursor for the next page. */
export async function listIncidents(
  caller: ServiceContext,
  query: IncidentListQuery,
): Promise<{ items: Incident[]; next_cursor: string | null }> {
  const ctx = heavyReadContext(caller);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listIncidentRows(
    ctx.db,
    ctx.organisation.id,
    query,
    { limit: query.limit + 1, ...(after ? { after } : {}) },
    tierAccess(ctx.principal),
  );
  const items = rows.slice(0, query.limit).map((r) => forViewer(ctx, toIncident(r)));
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return { items, next_cursor: last ? encodeCursor({ occurredAt: last.occurred_at, id: last.id }) : null };
}

/**
 * Incident counts per H3 cell for the map. Those who may read incidents get the cells asked for; anyone else
 * the public figures (analysis/stats/disclosure.ts): resolution 8 at the finest, whole weeks, no cell under k.
 */
export async function incidentHexbins(caller: ServiceContext, query: HexbinQuery) {
  const ctx = heavyReadContext(caller);
  if (checkPolicy(ctx.principal, 'incidents:read') === 'ok') return countByCell(ctx.db, ctx.organisation.id, query);
  const coarse = {
    ...query,
    resolution: publicResolution(query.resolution),
    ...publicWindow(query, ctx.organisation.timeZone),
  };
  return suppressSmallCells(await countByCell(ctx.db, ctx.organisation.id, coarse));
}

/** How many incidents match a filter (no paging, no text): for indicators computed from data. */
export async function countMatchingIncidents(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  filter: IncidentFilter,
): Promise<number> {
  return countIncidents(ctx.db, ctx.organisation.id, filter);
}

/**
 * Moves an incident to a new status; closing needs a reason, and 'not_ours' the unit it was forwarded to.
 * Only those who work it may (`lockIncidentForChange`); with `expectedVersion` (If-Match) a change made by
 * someone else in between is refused (CONFLICT). Audited with before and after; a reporter who asked for
 * updates gets a message in the same transaction.
 */
export async function updateIncidentStatus(
  ctx: ServiceContext,
  id: string,
  update: IncidentStatusUpdate,
  expectedVersion?: number,
): Promise<Incident> {
  const organisationId = ctx.organisation.id;
  if (update.forwarded_to_unit_id && !(await findUnit(ctx.db, organisationId, update.forwarded_to_unit_id))) {
    throw invalid('forwarded_to_unit_id', 'unknown_unit', 'no such unit in the organisation');
  }
  return inTransaction(ctx.db, async (trx) => {
    await lockIncidentForChange({ ...ctx, db: trx }, id, 'status', expectedVersion);
    const before = (await findIncident(trx, organisationId, id))!;
    return changeStatus({ ...ctx, db: trx }, before, {
      status: update.status,
      closure_reason: update.closure_reason ?? null,
      status_note: update.note ? redactPersonalData(update.note).text : null,
      forwarded_to_unit_id: update.forwarded_to_unit_id ?? null,
      // Kept for service-level compliance: how long the responsible unit took.
      closed_at: update.status === 'closed' ? (before.status === 'closed' ? before.closed_at : new Date()) : null,
    });
  });
}

/**
 * Moves an incident to another confidentiality tier: those who work it (`lockIncidentForChange`). Refused
 * with CONFLICT when the tier is no longer `from` (changed by someone else meanwhile), or the version no
 * longer `expectedVersion`; audited with before and after. The answer is the incident as changed, even when
 * the new tier hides it from the caller from now on.
 */
export async function updateIncidentConfidentiality(
  ctx: ServiceContext,
  id: string,
  update: IncidentConfidentialityUpdate,
  expectedVersion?: number,
): Promise<Incident> {
  const organisationId = ctx.organisation.id;
  return inTransaction(ctx.db, async (trx) => {
    await lockIncidentForChange({ ...ctx, db: trx }, id, 'confidentiality', expectedVersion);
    const before = (await findIncident(trx, organisationId, id))!;
    if (before.confidentiality !== update.from)
      throw invalid('from', 'stale', `the tier is now '${before.confidentiality}', not '${update.from}'`, 'CONFLICT');
    await updateTierRow(trx, organisationId, id, update.confidentiality);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'incident',
      entityId: id,
      before: { confidentiality: before.confidentiality },
      after: { confidentiality: update.confidentiality },
    });
    return forViewer(ctx, toIncident((await findIncident(trx, organisationId, id))!));
  });
}

/** The incident a receipt code belongs to, when the caller may see it (NOT_FOUND otherwise). */
export async function getIncidentByReceipt(ctx: ServiceContext, receiptCode: string): Promise<Incident> {
  const found = await findIncidentByReceipt(ctx.db, ctx.organisation.id, receiptCode);
  if (!found) throw new AppError('NOT_FOUND', { details: { receipt_code: receiptCode } });
  return getIncident(ctx, found.id);
}

/**
 * A reporter reopens their closed report with its receipt code: back to 'new' (and into the responsible
 * unit's inbox) with the reason as the status note. Anything but a closed report is INVALID_TRANSITION.
 */
export async function reopenIncidentByReceipt(
  ctx: ServiceContext,
  receiptCode: string,
  reason: string,
): Promise<Incident> {
  return inTransaction(ctx.db, async (trx) => {
    const found = await findIncidentByReceipt(trx, ctx.organisation.id, receiptCode);
    const locked = found && (await lockRow(trx, 'incidents', ctx.organisation.id, found.id));
    const before = locked && (await findIncident(trx, ctx.organisation.id, found.id));
    if (!before) throw new AppError('NOT_FOUND', { details: { receipt_code: receiptCode } });
    if (before.status !== 'closed')
      throw new AppError('INVALID_TRANSITION', {
        details: { entity: 'incident', from: before.status, to: 'new', reason: 'only a closed report can be reopened' },
      });
    await bumpVersion(trx, 'incidents', before.id);
    return changeStatus({ ...ctx, db: trx }, before, {
      status: 'new',
      closure_reason: null,
      forwarded_to_unit_id: null,
      closed_at: null,
      status_note: `Återöppnad av den som rapporterade: ${redactPersonalData(reason).text}`,
    });
  });
}

/** Writes a status change in the caller's transaction, audits it and queues the reporter's message. */
async function changeStatus(
  ctx: ServiceContext,
  before: IncidentRecord,
  change: Parameters<typeof updateStatusRow>[3],
): Promise<Incident> {
  const organisationId = ctx.organisation.id;
  await updateStatusRow(ctx.db, organisationId, before.id, change);
  const after = toIncident((await findIncident(ctx.db, organisationId, before.id))!);
  const pick = (i: {
    status: string;
    closure_reason: string | null;
    status_note: string | null;
    forwarded_to_unit_id: string | null;
  }) => ({
    status: i.status,
    closure_reason: i.closure_reason,
    status_note: i.status_note,
    forwarded_to_unit_id: i.forwarded_to_unit_id,
  });
  await auditChange(ctx.db, ctx, {
    action: 'update',
    entityType: 'incident',
    entityId: before.id,
    before: pick(before),
    after: pick(after),
  });
  // A note alone is not news to the reporter; a new status or reason is.
  if (after.status !== before.status || after.closure_reason !== before.closure_reason)
    await queueStatusChangeMessage(ctx, before.id);
  return forViewer(ctx, after);
}

/** The API shape of a stored incident. */
export function toIncident(row: IncidentRecord): Incident {
  return {
    id: row.id,
    occurred_at: new Date(row.occurred_at).toISOString(),
    reported_at: new Date(row.reported_at).toISOString(),
    category: row.category,
    lon: row.lon,
    lat: row.lat,
    precision: row.precision,
    h3:
      row.h3_r7 && row.h3_r8 && row.h3_r9 && row.h3_r10
        ? { r7: row.h3_r7, r8: row.h3_r8, r9: row.h3_r9, r10: row.h3_r10 }
        : null,
    area_id: row.area_id,
    district_id: row.district_id,
    place_id: row.place_id,
    zone_id: row.zone_id,
    description: row.description,
    redaction_count: row.redaction_count,
    source: row.source,
    source_ref: row.source_ref,
    reporting_unit_id: row.reporting_unit_id,
    status: row.status,
    closure_reason: row.closure_reason,
    status_note: row.status_note,
    forwarded_to_unit_id: row.forwarded_to_unit_id,
    generated: row.source === 'demo',
    confidentiality: row.confidentiality,
    version: row.version,
  };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}
