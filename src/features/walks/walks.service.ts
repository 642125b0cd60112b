import { auditChange } from '../../core/audit.repo.js';
import type { ServiceContext } from '../../core/context.js';
import { findArea, findUnitsOfOrganisation } from '../../core/tenancy.repo.js';
import { redactedText } from '../../analysis/text/redact.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { Observation, ObservationCreate, Walk, WalkCreate, WalkStatus } from '../../domain/walks.js';
import { assertCaptures, assertPlans, canCaptureWalk, canSeeWalk, walkUnitFilter } from './walk-access.js';
import {
  findObservation,
  findObservationOwner,
  findWalk,
  insertObservation,
  insertWalk,
  listChecklistRows,
  listInvitedUnits,
  listObservationRows,
  listWalkRows,
  lockWalk,
  type ObservationRow,
  setWalkStatus,
  type WalkRow,
} from './walks.repo.js';

const invalid = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ path, code, message }] });

const notFound = (entity: string, id: string) => new AppError('NOT_FOUND', { details: { entity, id } });

/** A walk as the API shows it; `invited` are the units invited besides the organiser. */
function toWalk(ctx: ServiceContext, row: WalkRow, invited: { id: string; name: string }[]): Walk {
  return {
    id: row.id,
    title: row.title,
    unit: { id: row.unit_id, name: row.unit_name },
    area: { id: row.area_id, name: row.area_name },
    route: row.route,
    walk_date: row.walk_date,
    status: row.status,
    invited_units: invited,
    groups: row.groups.groups as Walk['groups'],
    observation_count: Number(row.observation_count ?? 0),
    can_capture: row.status !== 'finished' && canCaptureWalk(ctx, walkUnits(row, invited)),
  };
}

const walkUnits = (row: WalkRow, invited: { id: string }[]) => ({
  unit_id: row.unit_id,
  invited: invited.map((u) => u.id),
});

/** The walk with its row and invited units, or NOT_FOUND when the caller may not see it. */
export async function walkWithRow(ctx: ServiceContext, id: string) {
  const row = await findWalk(ctx.db, ctx.organisation.id, id);
  const invited = row ? await listInvitedUnits(ctx.db, [id]) : [];
  if (!row || !canSeeWalk(ctx, walkUnits(row, invited))) throw notFound('walk', id);
  return { row, walk: toWalk(ctx, row, invited), units: walkUnits(row, invited) };
}

/** One walk the caller takes part in (or any, for admins). */
export async function getWalk(ctx: ServiceContext, id: string): Promise<Walk> {
  return (await walkWithRow(ctx, id)).walk;
}

/** The walks of the caller's units, newest first (all for admins). */
export async function listWalks(ctx: ServiceContext): Promise<{ walks: Walk[] }> {
  const rows = await listWalkRows(ctx.db, ctx.organisation.id, walkUnitFilter(ctx));
  const invited = await listInvitedUnits(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    walks: rows.map((r) =>
      toWalk(
        ctx,
        r,
        invited.filter((u) => u.walk_id === r.id).map((u) => ({ id: u.id, name: u.name })),
      ),
    ),
  };
}

/** Plans a walk for a unit the caller edits for, in one of the organisation's areas, with units invited. */
export async function createWalk(ctx: ServiceContext, input: WalkCreate): Promise<Walk> {
  const org = ctx.organisation.id;
  const invitedIds = [...new Set(input.invited_unit_ids)].filter((u) => u !== input.unit_id);
  const known = await findUnitsOfOrganisation(ctx.db, org, [input.unit_id, ...invitedIds]);
  if (!known.some((u) => u.id === input.unit_id)) throw invalid('unit_id', 'unknown_unit', 'no such unit');
  const knownIds = new Set(known.map((u) => u.id));
  const unknown = invitedIds.findIndex((id) => !knownIds.has(id));
  if (unknown >= 0) throw invalid(`invited_unit_ids.${unknown}`, 'unknown_unit', 'no such unit');
  assertPlans(ctx, input.unit_id);
  if (!(await findArea(ctx.db, org, input.area_id))) throw invalid('area_id', 'unknown_area', 'no such area');
  const id = await inTransaction(ctx.db, async (trx) => {
    const walkId = await insertWalk(
      trx,
      {
        organisation_id: org,
        title: redactedText(input.title),
        unit_id: input.unit_id,
        area_id: input.area_id,
        route: input.route ?? null,
        walk_date: input.walk_date,
        groups: { groups: [...new Set(input.groups)] },
        created_by: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      },
      invitedIds,
    );
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'safety_walk',
      entityId: walkId,
      after: { ...input, route: input.route ? `${input.route.coordinates.length} points` : null },
    });
    return walkId;
  });
  return getWalk(ctx, id);
}

/** planned → ongoing → finished (or planned → finished); a finished walk stays finished. */
const NEXT: Record<WalkStatus, readonly WalkStatus[]> = {
  planned: ['ongoing', 'finished'],
  ongoing: ['finished'],
  finished: [],
};

/** Starts or finishes a walk; whoever walks it may (the capture page's "Avsluta vandringen"). */
export async function changeWalkStatus(ctx: ServiceContext, id: string, status: WalkStatus): Promise<Walk> {
  const { units } = await walkWithRow(ctx, id);
  assertCaptures(ctx, units);
  await inTransaction(ctx.db, async (trx) => {
    const locked = await lockWalk(trx, ctx.organisation.id, id);
    if (!locked) throw notFound('walk', id);
    if (locked.status === status) return;
    if (!NEXT[locked.status].includes(status))
      throw new AppError('INVALID_TRANSITION', { details: { from: locked.status, to: status } });
    await setWalkStatus(trx, id, status);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'safety_walk',
      entityId: id,
      before: { status: locked.status },
      after: { status },
    });
  });
  return getWalk(ctx, id);
}

export function toObservation(r: ObservationRow): Observation {
  return {
    id: r.id,
    walk_id: r.walk_id,
    item: { id: r.item_id, code: r.item_code, label: r.item_label, label_en: r.item_label_en },
    lon: r.lon,
    lat: r.lat,
    severity: r.severity,
    note: r.note,
    photo: r.photo_width && r.photo_height ? { width: r.photo_width, height: r.photo_height } : null,
    observed_at: new Date(r.observed_at).toISOString(),
    problem_id: r.problem_id,
    incident_id: r.incident_id,
  };
}

/** The walk's observations in the order they were noted. */
export async function listObservations(ctx: ServiceContext, walkId: string): Promise<{ observations: Observation[] }> {
  await walkWithRow(ctx, walkId);
  const rows = await listObservationRows(ctx.db, ctx.organisation.id, walkId);
  return { observations: rows.map(toObservation) };
}

/** The observation if it is this walk's, else NOT_FOUND (one of another walk or organisation included). */
export async function observationOfWalk(ctx: ServiceContext, walkId: string, id: string) {
  const row = await findObservation(ctx.db, ctx.organisation.id, id);
  if (!row || row.walk_id !== walkId) throw notFound('walk_observation', id);
  return row;
}

/**
 * Notes an observation on the walk. The id is the phone's: when it is already this walk's observation (a
 * resend from the offline queue, a retry after a lost answer) the stored one is returned with `created:
 * false` and nothing is written. The first observation starts a planned walk; a finished walk takes none.
 */
export async function addObservation(
  ctx: ServiceContext,
  walkId: string,
  input: ObservationCreate,
): Promise<{ observation: Observation; created: boolean }> {
  const { units } = await walkWithRow(ctx, walkId);
  assertCaptures(ctx, units);
  const existing = async () => {
    const owner = await findObservationOwner(ctx.db, input.id);
    if (!owner) return null;
    if (owner.organisation_id !== ctx.organisation.id || owner.walk_id !== walkId)
      throw new AppError('CONFLICT', {
        details: [{ path: 'id', code: 'id_taken', message: 'this id names another observation' }],
      });
    return toObservation((await findObservation(ctx.db, ctx.organisation.id, input.id))!);
  };
  const before = await existing();
  if (before) return { observation: before, created: false };
  const item = (await listChecklistRows(ctx.db, ctx.organisation.id)).find((i) => i.id === input.item_id);
  if (!item?.active) throw invalid('item_id', 'unknown_item', 'no such checklist item in use');
  const created = await inTransaction(ctx.db, async (trx) => {
    const walk = await lockWalk(trx, ctx.organisation.id, walkId);
    if (!walk) throw notFound('walk', walkId);
    if (walk.status === 'finished')
      throw new AppError('INVALID_TRANSITION', {
        messages: {
          sv: 'Vandringen är avslutad och tar inte emot fler iakttagelser.',
          en: 'The walk is finished and takes no more observations.',
        },
        details: { from: 'finished', to: 'finished', reason: 'walk finished' },
      });
    const note = input.note ? redactedText(input.note) : null;
    const inserted = await insertObservation(trx, {
      id: input.id,
      organisation_id: ctx.organisation.id,
      walk_id: walkId,
      item_id: input.item_id,
      lon: input.lon,
      lat: input.lat,
      severity: input.severity,
      note: note || null,
      ...(input.observed_at ? { observed_at: new Date(input.observed_at) } : {}),
      problem_id: null,
      incident_id: null,
      created_by: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
    });
    if (!inserted) return false;
    if (walk.status === 'planned') await setWalkStatus(trx, walkId, 'ongoing');
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'walk_observation',
      entityId: input.id,
      after: { walk_id: walkId, item: item.code, severity: input.severity, note },
    });
    return true;
  });
  // Lost a race with the same id sent twice at once: the other request stored it.
  const observation = created
    ? toObservation((await findObservation(ctx.db, ctx.organisation.id, input.id))!)
    : await existing();
  if (!observation) throw notFound('walk_observation', input.id);
  return { observation, created };
}
