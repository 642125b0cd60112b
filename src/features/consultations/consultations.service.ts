import { findUnitsOfOrganisation } from '../../core/tenancy.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { ConsultationRound, ConsultationRoundSummary, ConsultationSend } from '../../domain/consultations.js';
import type { ServiceContext } from '../../core/context.js';
import { today } from '../../domain/calendar/index.js';
import { changeProgrammeStatus, versionRow } from '../programmes/programmes.service.js';
import { auditChange } from '../../core/audit.repo.js';
import { dayOf, toResponse } from './consultation-view.js';
import {
  findRound,
  insertResponses,
  insertRound,
  listResponses,
  listRoundsOfVersion,
  listStatements,
} from './consultations.repo.js';

/**
 * Sends a draft on consultation to the chosen units with a deadline day: the version moves to status
 * consultation by the programme's own state machine (a version not a draft is INVALID_TRANSITION), and each
 * unit gets an empty draft response. A deadline before today is refused; `now` is the moment of sending
 * (the seed sends its historical round at the time it went out).
 */
export async function sendOnConsultation(
  ctx: ServiceContext,
  versionId: string,
  input: ConsultationSend,
  now: Date = new Date(),
): Promise<ConsultationRound> {
  const unitIds = [...new Set(input.unit_ids)];
  if (input.deadline < today(ctx.organisation.timeZone, now))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'deadline', code: 'in_the_past', message: 'the deadline is today or later' }],
    });
  const id = await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const units = await findUnitsOfOrganisation(trx, ctx.organisation.id, unitIds);
    if (units.length !== unitIds.length)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'unit_ids', code: 'unknown_unit', message: 'every unit asked is one of ours' }],
      });
    await changeProgrammeStatus(tx, versionId, { status: 'consultation' });
    const roundId = await insertRound(trx, {
      organisation_id: ctx.organisation.id,
      version_id: versionId,
      deadline: input.deadline,
      sent_at: now,
      sent_by: ctx.actor,
    });
    await insertResponses(trx, ctx.organisation.id, roundId, unitIds);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'consultation_round',
      entityId: roundId,
      after: { version_id: versionId, unit_ids: unitIds, deadline: input.deadline },
    });
    return roundId;
  });
  return getConsultationRound(ctx, id, now);
}

/**
 * A round for the coordinating office: every invited unit's response with its state (answered, late,
 * pending, overdue) at `now`, and their statements by section key for the side-by-side view.
 */
export async function getConsultationRound(
  ctx: ServiceContext,
  id: string,
  now: Date = new Date(),
): Promise<ConsultationRound> {
  const round = await findRound(ctx.db, ctx.organisation.id, id);
  if (!round) throw new AppError('NOT_FOUND', { details: { entity: 'consultation_round', id } });
  const responses = await listResponses(ctx.db, ctx.organisation.id, { roundIds: [id] });
  const statements = await listStatements(
    ctx.db,
    responses.filter((r) => r.status === 'submitted').map((r) => r.id),
  );
  return {
    id: round.id,
    version: { id: round.version_id, title: round.version_title },
    deadline: round.deadline,
    sent_on: dayOf(ctx, new Date(round.sent_at)),
    // A draft is the unit's own until submitted: the office sees that it is not in, not what it says.
    responses: responses.map((r) =>
      r.status === 'submitted'
        ? toResponse(ctx, r, statements, now)
        : { ...toResponse(ctx, r, [], now), summary: null },
    ),
  };
}

/** A version's rounds, newest first, with how many invited units have answered and how many are overdue. */
export async function listConsultationRounds(
  ctx: ServiceContext,
  versionId: string,
  now: Date = new Date(),
): Promise<ConsultationRoundSummary[]> {
  await versionRow(ctx, versionId);
  const rounds = await listRoundsOfVersion(ctx.db, ctx.organisation.id, versionId);
  const responses = await listResponses(ctx.db, ctx.organisation.id, { roundIds: rounds.map((r) => r.id) });
  return rounds.map((round) => {
    const states = responses.filter((r) => r.round_id === round.id).map((r) => toResponse(ctx, r, [], now).state);
    return {
      id: round.id,
      deadline: round.deadline,
      sent_on: dayOf(ctx, new Date(round.sent_at)),
      invited: states.length,
      answered: states.filter((s) => s === 'answered' || s === 'answered_late').length,
      overdue: states.filter((s) => s === 'overdue').length,
    };
  });
}
