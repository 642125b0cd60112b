import { redactedText } from '../../analysis/text/redact.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import {
  canChangeProgrammeStatus,
  type Programme,
  type ProgrammeCreate,
  type ProgrammeDiff,
  type ProgrammeDraftCreate,
  type ProgrammeStatusChange,
  type ProgrammeVersion,
  type ProgrammeVersionUpdate,
} from '../../domain/programmes.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { ANONYMOUS } from '../../domain/auth.js';
import { diffVersions } from './programme-diff.js';
import { orderSections, toSummary, toVersion } from './programme-view.js';
import { assertDraft, readableStatuses } from './programmes.policy.js';
import {
  findVersion,
  insertProgramme,
  insertSection,
  insertVersion,
  listProgrammeRows,
  listSectionIndicators,
  listSectionRows,
  listVersionRows,
  replaceSectionIndicators,
  updateVersionRow,
  type VersionRow,
} from './programmes.repo.js';

/** The version if the caller may see it (the public: adopted and replaced ones only), else NOT_FOUND. */
export async function versionRow(ctx: ServiceContext, id: string, forUpdate = false): Promise<VersionRow> {
  const row = await findVersion(ctx.db, ctx.organisation.id, id, forUpdate);
  const statuses = readableStatuses(ctx.principal);
  if (!row || (statuses && !statuses.includes(row.status)))
    throw new AppError('NOT_FOUND', { details: { entity: 'programme_version', id } });
  return row;
}

/** Programmes with the versions the caller may see, newest period first; programmes with none are left out for the public. */
export async function listProgrammes(ctx: ServiceContext): Promise<Programme[]> {
  const statuses = readableStatuses(ctx.principal);
  const [programmes, versions] = await Promise.all([
    listProgrammeRows(ctx.db, ctx.organisation.id),
    listVersionRows(ctx.db, ctx.organisation.id, statuses),
  ]);
  const byId = new Map(versions.map((v) => [v.id, v]));
  return programmes
    .map((p) => ({
      id: p.id,
      name: p.name,
      versions: versions.filter((v) => v.programme_id === p.id).map((v) => toSummary(v, byId)),
    }))
    .filter((p) => !statuses || p.versions.length > 0);
}

/** One version in full, with its goals' indicators for staff. */
export async function getProgrammeVersion(ctx: ServiceContext, id: string): Promise<ProgrammeVersion> {
  const row = await versionRow(ctx, id);
  const statuses = readableStatuses(ctx.principal);
  const visible = await listVersionRows(ctx.db, ctx.organisation.id, statuses);
  return toVersion(ctx, row, visible, statuses === undefined);
}

/** Starts a programme with its first, empty draft. */
export async function createProgramme(ctx: ServiceContext, input: ProgrammeCreate): Promise<ProgrammeVersion> {
  const id = await inTransaction(ctx.db, async (trx) => {
    const programmeId = await insertProgramme(trx, ctx.organisation.id, redactedText(input.name), ctx.actor);
    const versionId = await insertVersion(trx, {
      organisation_id: ctx.organisation.id,
      programme_id: programmeId,
      title: redactedText(input.title),
      period_from: input.period_from,
      period_to: input.period_to,
      replaces_version_id: null,
      decision_ref: null,
      adopted_on: null,
      created_by: ctx.actor,
    });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'programme',
      entityId: programmeId,
      after: { ...input },
    });
    return versionId;
  });
  return getProgrammeVersion(ctx, id);
}

/**
 * A new draft copied from a version, section by section (same keys, so the two can be compared), with
 * the goals' indicators; it replaces that version once adopted.
 */
export async function createProgrammeDraft(
  ctx: ServiceContext,
  fromId: string,
  input: ProgrammeDraftCreate,
): Promise<ProgrammeVersion> {
  const id = await inTransaction(ctx.db, async (trx) => {
    const from = await versionRow({ ...ctx, db: trx }, fromId);
    const versionId = await insertVersion(trx, {
      organisation_id: ctx.organisation.id,
      programme_id: from.programme_id,
      title: redactedText(input.title),
      period_from: input.period_from,
      period_to: input.period_to,
      replaces_version_id: from.id,
      decision_ref: null,
      adopted_on: null,
      created_by: ctx.actor,
    });
    const sections = await listSectionRows(trx, [from.id]);
    const links = await listSectionIndicators(
      trx,
      sections.map((s) => s.id),
    );
    for (const s of sections) {
      const copy = await insertSection(trx, {
        organisation_id: ctx.organisation.id,
        version_id: versionId,
        section_key: s.section_key,
        kind: s.kind,
        position: s.position,
        heading: s.heading,
        body: s.body,
        unit_kind: s.unit_kind,
        unit_id: s.unit_id,
      });
      await replaceSectionIndicators(
        trx,
        ctx.organisation.id,
        copy,
        links.filter((l) => l.section_id === s.id).map((l) => l.problem_id),
      );
    }
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'programme_version',
      entityId: versionId,
      after: { ...input, copied_from: from.id, sections: sections.length },
    });
    return versionId;
  });
  return getProgrammeVersion(ctx, id);
}

/** Changes a draft's title or period. */
export async function updateProgrammeVersion(
  ctx: ServiceContext,
  id: string,
  input: ProgrammeVersionUpdate,
): Promise<ProgrammeVersion> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await versionRow({ ...ctx, db: trx }, id, true);
    assertDraft(before.status);
    if ((input.period_to ?? before.period_to) < (input.period_from ?? before.period_from))
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'period_to', code: 'before_start', message: 'period_to before period_from' }],
      });
    await updateVersionRow(trx, id, { ...input, ...(input.title ? { title: redactedText(input.title) } : {}) });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'programme_version',
      entityId: id,
      before: { title: before.title, period_from: before.period_from, period_to: before.period_to },
      after: { ...input },
    });
  });
  return getProgrammeVersion(ctx, id);
}

/**
 * Moves a version on (see PROGRAMME_TRANSITIONS; anything else is INVALID_TRANSITION). Adoption records the
 * decision and, when the version replaces one in force, marks that one replaced in the same transaction.
 */
export async function changeProgrammeStatus(
  ctx: ServiceContext,
  id: string,
  input: ProgrammeStatusChange,
): Promise<ProgrammeVersion> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const before = await versionRow(tx, id, true);
    if (!canChangeProgrammeStatus(before.status, input.status))
      throw new AppError('INVALID_TRANSITION', { details: { from: before.status, to: input.status } });
    if (input.status === 'adopted' && !(await listSectionRows(trx, [id])).some((s) => s.kind === 'goal'))
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'status', code: 'no_goal', message: 'a programme is adopted with its overarching goal' }],
      });
    await updateVersionRow(trx, id, {
      status: input.status,
      ...(input.status === 'adopted' ? { decision_ref: input.decision_ref!, adopted_on: input.adopted_on! } : {}),
    });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'programme_version',
      entityId: id,
      before: { status: before.status },
      after: { ...input },
    });
    if (input.status !== 'adopted' || !before.replaces_version_id) return;
    const replaced = await versionRow(tx, before.replaces_version_id, true);
    if (replaced.status !== 'adopted') return;
    await updateVersionRow(trx, replaced.id, { status: 'replaced' });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'programme_version',
      entityId: replaced.id,
      before: { status: 'adopted' },
      after: { status: 'replaced', replaced_by: id },
    });
  });
  return getProgrammeVersion(ctx, id);
}

/** Two versions the caller may see, compared section by section (see diffVersions). */
export async function compareProgrammeVersions(
  ctx: ServiceContext,
  fromId: string,
  toId: string,
): Promise<ProgrammeDiff> {
  const [from, to] = await Promise.all([versionRow(ctx, fromId), versionRow(ctx, toId)]);
  const [a, b] = await Promise.all([toVersion(ctx, from, [], false), toVersion(ctx, to, [], false)]);
  return diffVersions(a, b);
}

/** The public's reading: as an anonymous visitor sees it, whoever asks (a signed-in page showing the public view too). */
const asPublic = (ctx: ServiceContext): ServiceContext => ({ ...ctx, principal: ANONYMOUS });

/** Programmes with their adopted and replaced versions only. */
export const listPublicProgrammes = (ctx: ServiceContext) => listProgrammes(asPublic(ctx));
/** An adopted or replaced version; a draft or one on consultation is NOT_FOUND. */
export const getPublicProgrammeVersion = (ctx: ServiceContext, id: string) => getProgrammeVersion(asPublic(ctx), id);
/** Two adopted or replaced versions compared. */
export const comparePublicProgrammeVersions = (ctx: ServiceContext, fromId: string, toId: string) =>
  compareProgrammeVersions(asPublic(ctx), fromId, toId);

/** A goal or sub-goal of a version, with the problems whose indicators follow it up. */
export interface ProgrammeGoal {
  key: string;
  number: string;
  heading: string | null;
  body: string;
  problem_ids: string[];
}

/**
 * A version's goals and sub-goals in document order with their indicators' problems, without computing any
 * value: what a follow-up is reported against (the reporting cycle draws the values itself, per period).
 */
export async function listProgrammeGoals(ctx: ServiceContext, versionId: string): Promise<ProgrammeGoal[]> {
  await versionRow(ctx, versionId);
  const goals = orderSections(await listSectionRows(ctx.db, [versionId])).filter(
    (s) => s.kind === 'goal' || s.kind === 'sub_goal',
  );
  const links = await listSectionIndicators(
    ctx.db,
    goals.map((g) => g.id),
  );
  return goals.map((g) => ({
    key: g.section_key,
    number: g.number,
    heading: g.heading,
    body: g.body,
    problem_ids: links.filter((l) => l.section_id === g.id).map((l) => l.problem_id),
  }));
}
