import { auditChange } from '../../core/audit.repo.js';
import type { ServiceContext } from '../../core/context.js';
import { redactedText } from '../../analysis/text/redact.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { EarlierObservation, FollowUpAnswer, FollowUpInput } from '../../domain/walks.js';
import { assertCaptures } from './walk-access.js';
import {
  type EarlierObservationRow,
  findFollowup,
  listEarlierObservationRows,
  listFollowupRows,
  overlappingAreaIds,
  upsertFollowup,
} from './walks.repo.js';
import { toObservation, walkWithRow } from './walks.service.js';

const iso = (d: Date | string) => new Date(d).toISOString();

function toEarlier(
  r: EarlierObservationRow,
  walk: { id: string; title: string; walk_date: string },
): EarlierObservation {
  return {
    ...toObservation(r),
    earlier_walk: { id: r.walk_id, title: r.earlier_title, walk_date: r.earlier_date },
    answer: r.outcome
      ? {
          walk,
          outcome: r.outcome,
          note: r.answer_note,
          answered_by: r.answered_by,
          answered_at: iso(r.answered_at!),
        }
      : null,
  };
}

/** Earlier walks' observations for a walk whose row and access are already checked. */
export async function earlierObservationsOf(
  ctx: ServiceContext,
  walk: { id: string; title: string; walk_date: string; area_id: string },
): Promise<EarlierObservation[]> {
  const areas = await overlappingAreaIds(ctx.db, ctx.organisation.id, walk.area_id);
  const rows = await listEarlierObservationRows(ctx.db, ctx.organisation.id, walk.id, areas);
  return rows.map((r) => toEarlier(r, walk));
}

/**
 * "Åtgärdad?": the observations of earlier walks in the same area, its parent or its children that no walk
 * has found fixed, and those this walk has answered; for whoever sees this walk.
 */
export async function listEarlierObservations(
  ctx: ServiceContext,
  walkId: string,
): Promise<{ observations: EarlierObservation[] }> {
  const { row } = await walkWithRow(ctx, walkId);
  return { observations: await earlierObservationsOf(ctx, row) };
}

/** What later walks answered about each of these observations, by observation id. */
export async function followupsByObservation(
  ctx: ServiceContext,
  observationIds: readonly string[],
): Promise<Map<string, FollowUpAnswer[]>> {
  const rows = await listFollowupRows(ctx.db, ctx.organisation.id, observationIds);
  const by = new Map<string, FollowUpAnswer[]>();
  for (const r of rows)
    by.set(r.observation_id, [
      ...(by.get(r.observation_id) ?? []),
      {
        walk: { id: r.walk_id, title: r.title, walk_date: r.walk_date },
        outcome: r.outcome,
        note: r.note,
        answered_by: r.answered_by,
        answered_at: iso(r.answered_at),
      },
    ]);
  return by;
}

/**
 * Records whether an earlier walk's observation is fixed, as this walk found it; a second answer replaces
 * the first. Whoever may note observations on this walk may answer, on the walk and after it (the report).
 */
export async function answerFollowUp(
  ctx: ServiceContext,
  walkId: string,
  observationId: string,
  input: FollowUpInput,
): Promise<EarlierObservation> {
  const { row, units } = await walkWithRow(ctx, walkId);
  assertCaptures(ctx, units);
  const find = async () => (await earlierObservationsOf(ctx, row)).find((o) => o.id === observationId);
  if (!(await find())) throw new AppError('NOT_FOUND', { details: { entity: 'walk_observation', id: observationId } });
  const note = input.note ? redactedText(input.note) || null : null;
  await inTransaction(ctx.db, async (trx) => {
    const before = await findFollowup(trx, observationId, walkId);
    if (before?.outcome === input.outcome && before.note === note) return;
    await upsertFollowup(trx, {
      observation_id: observationId,
      walk_id: walkId,
      organisation_id: ctx.organisation.id,
      outcome: input.outcome,
      note,
      answered_by: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
    });
    await auditChange(trx, ctx, {
      action: before ? 'update' : 'create',
      entityType: 'walk_observation_followup',
      entityId: observationId,
      before: before ? { walk_id: walkId, ...before } : null,
      after: { walk_id: walkId, outcome: input.outcome, note },
    });
  });
  return (await find())!;
}
