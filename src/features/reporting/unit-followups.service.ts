import { redactedText } from '../../analysis/text/redact.js';
import { assertAndBumpVersion } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext } from '../../core/context.js';
import { SYSTEM } from '../../domain/auth.js';
import { AppError } from '../../domain/errors.js';
import { type FollowupDraft, periodDays, type UnitFollowup } from '../../domain/reporting.js';
import { listProgrammeGoals } from '../programmes/programmes.service.js';
import { drawFigures } from './followup-figures.js';
import { reportingUnits, toPeriod, unitStatuses, periodRow } from './reporting-periods.service.js';
import { assertReadsFollowup, assertWritesFollowup, writesFollowup } from './reporting.policy.js';
import { auditReporting } from './reporting-audit.js';
import {
  findFollowup,
  insertFollowup,
  listGoalComments,
  type PeriodRow,
  putGoalComment,
  updateFollowupRow,
} from './reporting.repo.js';

/** The period's programme goals (none when no version was adopted when it opened). */
export async function periodGoals(ctx: ServiceContext, row: PeriodRow) {
  return row.programme_version_id ? listProgrammeGoals({ ...ctx, principal: SYSTEM }, row.programme_version_id) : [];
}

/** The period and the unit, if the unit is one that reports in it (else NOT_FOUND). */
async function periodAndUnit(ctx: ServiceContext, periodId: string, unitId: string, now: Date, forUpdate = false) {
  const row = await periodRow(ctx, periodId, forUpdate);
  const unit = (await reportingUnits(ctx, row, now)).find((u) => u.id === unitId);
  if (!unit) throw new AppError('NOT_FOUND', { details: { entity: 'unit', id: unitId } });
  return { row, unit };
}

/**
 * A unit's follow-up for a period: its text, and the figures — frozen as submitted, else drawn from its records
 * now. Its editors and coordinators read it at any time; others only once it is submitted.
 */
export async function getUnitFollowup(
  ctx: ServiceContext,
  periodId: string,
  unitId: string,
  now: Date = new Date(),
): Promise<UnitFollowup> {
  const { row, unit } = await periodAndUnit(ctx, periodId, unitId, now);
  const followup = await findFollowup(ctx.db, periodId, unitId);
  assertReadsFollowup(ctx.principal, unitId, followup?.status === 'submitted');
  const [status] = unitStatuses(ctx, row, [unit], followup ? [followup] : [], now);
  const comments = followup ? await listGoalComments(ctx.db, [followup.id]) : [];
  const figures =
    followup?.status === 'submitted' && followup.figures
      ? followup.figures
      : (await drawFigures(ctx, [unitId], periodDays(row.year, row.tertial), now)).get(unitId)!;
  return {
    id: followup?.id ?? null,
    version: followup?.version ?? 0,
    period: toPeriod(ctx, row),
    unit: { id: unit.id, name: unit.name },
    kind: unit.kind,
    status: followup?.status ?? null,
    state: status!.state,
    summary: followup?.summary ?? null,
    goals: (await periodGoals(ctx, row)).map((g) => ({
      section_key: g.key,
      number: g.number,
      heading: g.heading,
      body: g.body,
      comment: comments.find((c) => c.section_key === g.key)?.comment ?? null,
    })),
    figures,
    submitted_at: status!.submitted_at,
    editable: row.status === 'open' && followup?.status !== 'submitted' && writesFollowup(ctx.principal, unitId),
  };
}

/** The follow-up for writing: the unit's editors only (FORBIDDEN), in an open period, while a draft (INVALID_TRANSITION). */
async function writable(ctx: ServiceContext, periodId: string, unitId: string, now: Date) {
  assertWritesFollowup(ctx.principal, unitId);
  const { row } = await periodAndUnit(ctx, periodId, unitId, now, true);
  if (row.status !== 'open')
    throw new AppError('INVALID_TRANSITION', {
      messages: { sv: 'Perioden är stängd för rapportering.', en: 'The period is closed for reporting.' },
      details: { status: row.status },
    });
  const followup = await findFollowup(ctx.db, periodId, unitId, true);
  if (followup?.status === 'submitted')
    throw new AppError('INVALID_TRANSITION', {
      messages: {
        sv: 'Uppföljningen är redan inskickad och kan inte ändras.',
        en: 'The follow-up is already submitted and cannot be changed.',
      },
      details: { status: followup.status },
    });
  return { row, followup };
}

/**
 * Saves the unit's text as a draft (begun on its first save): the summary and a comment per goal of the period's
 * programme version; an empty comment removes the goal's. A goal not in that version is a validation error.
 * `expected` (If-Match) is the version the writer opened — 0 for a draft not yet begun — and a draft saved by
 * someone else since is 409 CONFLICT (reason stale), so two editors never overwrite each other unawares.
 */
export async function saveFollowupDraft(
  ctx: ServiceContext,
  periodId: string,
  unitId: string,
  input: FollowupDraft,
  now: Date = new Date(),
  expected?: number,
): Promise<UnitFollowup> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const { row, followup } = await writable(tx, periodId, unitId, now);
    const keys = new Set((await periodGoals(tx, row)).map((g) => g.key));
    const unknown = (input.goals ?? []).findIndex((g) => !keys.has(g.section_key));
    if (unknown >= 0)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            path: `goals.${unknown}.section_key`,
            code: 'unknown_goal',
            message: "not a goal of the period's programme",
          },
        ],
      });
    const id = followup?.id ?? (await insertFollowup(trx, ctx.organisation.id, periodId, unitId));
    // A draft not yet begun is version 0: a writer who opened it then, and finds it begun by another, is stale.
    await assertAndBumpVersion(trx, 'unit_followups', 'unit_followup', id, followup?.version ?? 0, expected);
    if (input.summary !== undefined) await updateFollowupRow(trx, id, { summary: redactedText(input.summary) });
    for (const g of input.goals ?? [])
      await putGoalComment(trx, {
        organisation_id: ctx.organisation.id,
        followup_id: id,
        section_key: g.section_key,
        comment: redactedText(g.comment),
      });
    await auditReporting(ctx, trx, {
      action: followup ? 'update' : 'create',
      entityType: 'unit_followup',
      entityId: id,
      after: { period_id: periodId, unit_id: unitId, summary: input.summary ?? null, goals: input.goals?.length ?? 0 },
    });
  });
  return getUnitFollowup(ctx, periodId, unitId, now);
}

/**
 * Submits the follow-up: the figures are drawn once more and stored with it, and from then on it is frozen. After
 * the deadline it is still taken, and marked late — the committee would rather have a late report than none.
 */
export async function submitFollowup(
  ctx: ServiceContext,
  periodId: string,
  unitId: string,
  now: Date = new Date(),
): Promise<UnitFollowup> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const { row, followup } = await writable(tx, periodId, unitId, now);
    if (!followup?.summary)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'summary', code: 'required', message: 'a follow-up is submitted with its summary' }],
      });
    const figures = (await drawFigures(tx, [unitId], periodDays(row.year, row.tertial), now)).get(unitId)!;
    await updateFollowupRow(trx, followup.id, {
      status: 'submitted',
      figures,
      submitted_at: now,
      submitted_by: ctx.actor,
    });
    await auditReporting(ctx, trx, {
      action: 'update',
      entityType: 'unit_followup',
      entityId: followup.id,
      before: { status: 'draft' },
      after: { status: 'submitted', totals: figures.totals },
    });
  });
  return getUnitFollowup(ctx, periodId, unitId, now);
}
