import { redactedText } from '../../analysis/text/redact.js';
import { inTransaction } from '../../db/transaction.js';
import { daysBetween } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { InboxItem } from '../../domain/meetings.js';
import {
  canChangeResponseStatus,
  type ConsultationResponse,
  type ProposalHandling,
  type ResponseDraft,
} from '../../domain/consultations.js';
import type { ServiceContext } from '../../core/context.js';
import { getProgrammeVersion } from '../programmes/programmes.service.js';
import { auditChange } from '../../core/audit.repo.js';
import { answeringUnits, answersForUnit, readsAllResponses, toResponse } from './consultation-view.js';
import {
  findResponse,
  listResponses,
  listStatements,
  putStatement,
  setHandling,
  updateResponseRow,
  type ResponseRow,
} from './consultations.repo.js';

const notFound = (id: string) => new AppError('NOT_FOUND', { details: { entity: 'consultation_response', id } });

/** The response if the caller may read it (its unit's editors and coordinators, and the office), else NOT_FOUND. */
async function readable(ctx: ServiceContext, id: string, forUpdate = false): Promise<ResponseRow> {
  const row = await findResponse(ctx.db, ctx.organisation.id, id, forUpdate);
  if (!row || !(readsAllResponses(ctx.principal) || answersForUnit(ctx.principal, row.unit_id))) throw notFound(id);
  return row;
}

/** The response for writing: only the invited unit answers (FORBIDDEN otherwise), and only while a draft. */
async function writable(ctx: ServiceContext, id: string): Promise<ResponseRow> {
  const row = await readable(ctx, id, true);
  if (!answersForUnit(ctx.principal, row.unit_id))
    throw new AppError('FORBIDDEN', {
      messages: {
        sv: 'Bara den remitterade enheten kan svara på remissen.',
        en: 'Only the unit consulted can answer the consultation.',
      },
    });
  if (row.status !== 'draft')
    throw new AppError('INVALID_TRANSITION', {
      messages: { sv: 'Svaret är redan inskickat och kan inte ändras.', en: 'The response is already submitted.' },
      details: { status: row.status },
    });
  return row;
}

/** One response with its statements. */
export async function getConsultationResponse(
  ctx: ServiceContext,
  id: string,
  now: Date = new Date(),
): Promise<ConsultationResponse> {
  const row = await readable(ctx, id);
  return toResponse(ctx, row, await listStatements(ctx.db, [id]), now);
}

/** The consultations the caller's units are asked to answer, newest deadline first. */
export async function listMyConsultations(
  ctx: ServiceContext,
  now: Date = new Date(),
): Promise<ConsultationResponse[]> {
  const rows = await listResponses(ctx.db, ctx.organisation.id, { unitIds: answeringUnits(ctx.principal) });
  return rows.map((r) => toResponse(ctx, r, [], now));
}

/**
 * The unit's inbox entries: each consultation it has not yet answered while the version is still out on
 * consultation (a version back in draft or adopted has closed the round). Due on the deadline day.
 */
export async function consultationInboxItems(ctx: ServiceContext, unitId: string, day: string): Promise<InboxItem[]> {
  const rows = await listResponses(ctx.db, ctx.organisation.id, { unitIds: [unitId] });
  return rows
    .filter((r) => r.status === 'draft' && r.version_status === 'consultation')
    .map((r) => {
      const daysLeft = daysBetween(day, r.deadline);
      return {
        kind: 'consultation_response' as const,
        id: r.id,
        title: r.version_title,
        due_date: r.deadline,
        days_left: daysLeft,
        overdue: daysLeft < 0,
      };
    });
}

/**
 * Saves a draft: the summary, and per section a statement and a proposed change (both empty removes the
 * section's entry). A section key not in the version consulted is a validation error.
 */
export async function saveConsultationDraft(
  ctx: ServiceContext,
  id: string,
  input: ResponseDraft,
  now: Date = new Date(),
): Promise<ConsultationResponse> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await writable({ ...ctx, db: trx }, id);
    const keys = new Set((await getProgrammeVersion({ ...ctx, db: trx }, row.version_id)).sections.map((s) => s.key));
    const unknown = (input.sections ?? []).findIndex((s) => !keys.has(s.section_key));
    if (unknown >= 0)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: `sections.${unknown}.section_key`, code: 'unknown_section', message: 'no such section' }],
      });
    if (input.summary !== undefined) await updateResponseRow(trx, id, { summary: redactedText(input.summary) });
    for (const s of input.sections ?? [])
      await putStatement(trx, {
        organisation_id: ctx.organisation.id,
        response_id: id,
        section_key: s.section_key,
        statement: redactedText(s.statement),
        proposal: redactedText(s.proposal),
      });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'consultation_response',
      entityId: id,
      after: { summary: input.summary ?? null, sections: input.sections?.length ?? 0 },
    });
  });
  return getConsultationResponse(ctx, id, now);
}

/**
 * Submits the response. After the deadline it is still taken and shown as late: a municipality's office
 * weighs a late answer rather than losing a committee's view over a day, and the late mark tells it so.
 */
export async function submitConsultationResponse(
  ctx: ServiceContext,
  id: string,
  now: Date = new Date(),
): Promise<ConsultationResponse> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await writable({ ...ctx, db: trx }, id);
    if (!canChangeResponseStatus(row.status, 'submitted'))
      throw new AppError('INVALID_TRANSITION', { details: { from: row.status, to: 'submitted' } });
    if (!row.summary)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'summary', code: 'required', message: 'a response is submitted with its summary' }],
      });
    await updateResponseRow(trx, id, { status: 'submitted', submitted_at: now, submitted_by: ctx.actor });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'consultation_response',
      entityId: id,
      before: { status: row.status },
      after: { status: 'submitted' },
    });
  });
  return getConsultationResponse(ctx, id, now);
}

/**
 * Records how the office handled a submitted response's proposal on one section. A draft's proposal is
 * not yet the unit's (INVALID_TRANSITION); a section without a proposal is NOT_FOUND.
 */
export async function handleProposal(
  ctx: ServiceContext,
  id: string,
  sectionKey: string,
  input: ProposalHandling,
  now: Date = new Date(),
): Promise<ConsultationResponse> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await readable({ ...ctx, db: trx }, id, true);
    if (row.status !== 'submitted')
      throw new AppError('INVALID_TRANSITION', {
        messages: {
          sv: 'Ett förslag hanteras först när svaret är inskickat.',
          en: 'A proposal is handled once the response is submitted.',
        },
        details: { status: row.status },
      });
    const before = (await listStatements(trx, [id])).find((s) => s.section_key === sectionKey);
    if (!before?.proposal)
      throw new AppError('NOT_FOUND', { details: { entity: 'consultation_proposal', id: sectionKey } });
    await setHandling(
      trx,
      { response_id: id, section_key: sectionKey },
      { handling: input.handling, handling_reason: redactedText(input.reason), handled_by: ctx.actor, handled_at: now },
    );
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'consultation_response',
      entityId: id,
      before: { section_key: sectionKey, handling: before.handling },
      after: { section_key: sectionKey, handling: input.handling, reason: input.reason ?? null },
    });
  });
  return getConsultationResponse(ctx, id, now);
}
