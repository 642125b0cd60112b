import { redactedText } from '../../analysis/text/redact.js';
import { assertAndBumpVersion } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type {
  ProgrammeSectionCreate,
  ProgrammeSectionMove,
  ProgrammeSectionUpdate,
  ProgrammeVersion,
} from '../../domain/programmes.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { findUnit } from '../../core/tenancy.repo.js';
import { assertProblemsExist } from '../problems/problems.service.js';
import { orderSections } from './programme-view.js';
import { assertDraft } from './programmes.policy.js';
import {
  deleteSectionRow,
  findSection,
  insertSection,
  listSectionRows,
  nextPosition,
  replaceSectionIndicators,
  updateSectionRow,
} from './programmes.repo.js';
import { getProgrammeVersion, versionRow } from './programmes.service.js';

const invalid = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ path, code, message }] });

/**
 * The start of every change of a section: locks it, then its version (NOT_FOUND unless the caller may see it),
 * which must be a draft; only then is `expected` (If-Match) compared, so a stale copy is 409 CONFLICT, and
 * the section's version raised.
 */
async function draftSection(ctx: ServiceContext, id: string, expected: number | undefined) {
  const section = await lockDraftSection(ctx, id);
  await assertAndBumpVersion(ctx.db, 'programme_sections', 'programme_section', id, section.version, expected);
  return section;
}

/** The section and its version locked (so changes of one version's sections run one at a time), if a draft. */
async function lockDraftSection(ctx: ServiceContext, id: string) {
  const section = await findSection(ctx.db, id, true);
  if (!section) throw new AppError('NOT_FOUND', { details: { entity: 'programme_section', id } });
  const version = await versionRow(ctx, section.version_id, true);
  assertDraft(version.status);
  return section;
}

/** Adds a section at the end of its kind's chapter of a draft; a version has one overarching goal. */
export async function addProgrammeSection(
  ctx: ServiceContext,
  versionId: string,
  input: ProgrammeSectionCreate,
): Promise<ProgrammeVersion> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    assertDraft((await versionRow(tx, versionId, true)).status);
    if (input.kind === 'goal' && (await listSectionRows(trx, [versionId])).some((s) => s.kind === 'goal'))
      throw invalid('kind', 'one_goal', 'a version has one overarching goal; edit it instead');
    if (input.unit_id && !(await findUnit(trx, ctx.organisation.id, input.unit_id)))
      throw invalid('unit_id', 'unknown_unit', 'no such unit');
    await assertProblemsExist(tx, input.indicator_problem_ids, 'indicator_problem_ids');
    const id = await insertSection(trx, {
      organisation_id: ctx.organisation.id,
      version_id: versionId,
      kind: input.kind,
      position: await nextPosition(trx, versionId, input.kind),
      heading: input.heading ? redactedText(input.heading) : null,
      body: redactedText(input.body),
      unit_kind: input.unit_kind ?? null,
      unit_id: input.unit_id ?? null,
    });
    await replaceSectionIndicators(trx, ctx.organisation.id, id, input.indicator_problem_ids);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'programme_section',
      entityId: id,
      after: { ...input, version_id: versionId },
    });
  });
  return getProgrammeVersion(ctx, versionId);
}

/** Changes a draft section's heading, text or indicators; `expected` is the section's version it was edited from. */
export async function updateProgrammeSection(
  ctx: ServiceContext,
  id: string,
  input: ProgrammeSectionUpdate,
  expected?: number,
): Promise<ProgrammeVersion> {
  const versionId = await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const before = await draftSection(tx, id, expected);
    if (input.heading === null && before.kind === 'definition')
      throw invalid('heading', 'term_required', 'a definition names its term');
    if (input.indicator_problem_ids?.length && before.kind !== 'goal' && before.kind !== 'sub_goal')
      throw invalid('indicator_problem_ids', 'not_a_goal', 'only goals are followed up by indicators');
    if (input.indicator_problem_ids) {
      await assertProblemsExist(tx, input.indicator_problem_ids, 'indicator_problem_ids');
      await replaceSectionIndicators(trx, ctx.organisation.id, id, input.indicator_problem_ids);
    }
    await updateSectionRow(trx, id, {
      ...(input.heading !== undefined ? { heading: input.heading === null ? null : redactedText(input.heading) } : {}),
      ...(input.body !== undefined ? { body: redactedText(input.body) } : {}),
    });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'programme_section',
      entityId: id,
      before: { heading: before.heading, body: before.body },
      after: { ...input },
    });
    return before.version_id;
  });
  return getProgrammeVersion(ctx, versionId);
}

/**
 * Removes a section from a draft (earlier versions keep theirs: every version is kept whole); `expected` is
 * the section's version the remover saw.
 */
export async function removeProgrammeSection(
  ctx: ServiceContext,
  id: string,
  expected?: number,
): Promise<ProgrammeVersion> {
  const versionId = await inTransaction(ctx.db, async (trx) => {
    const before = await draftSection({ ...ctx, db: trx }, id, expected);
    await deleteSectionRow(trx, id);
    await auditChange(trx, ctx, {
      action: 'delete',
      entityType: 'programme_section',
      entityId: id,
      before: { kind: before.kind, heading: before.heading, body: before.body, version_id: before.version_id },
    });
    return before.version_id;
  });
  return getProgrammeVersion(ctx, versionId);
}

/**
 * Moves a draft section one place up or down within its chapter, swapping positions with its neighbour. Neither
 * text changes, so neither version is raised: an admin editing either section saves it as before, and moves are
 * relative, taken one at a time under the version's lock. A section already first (or last) is a validation
 * error. The audit records the numbers before and after.
 */
export async function moveProgrammeSection(
  ctx: ServiceContext,
  id: string,
  input: ProgrammeSectionMove,
): Promise<ProgrammeVersion> {
  const versionId = await inTransaction(ctx.db, async (trx) => {
    const moved = await lockDraftSection({ ...ctx, db: trx }, id);
    const chapter = orderSections(await listSectionRows(trx, [moved.version_id])).filter((s) => s.kind === moved.kind);
    const at = chapter.findIndex((s) => s.id === id);
    const neighbour = chapter[input.direction === 'up' ? at - 1 : at + 1];
    if (!neighbour)
      throw invalid('direction', 'at_edge', `the section is already ${input.direction === 'up' ? 'first' : 'last'}`);
    // Through a free position: (version, kind, position) is unique at every statement.
    await updateSectionRow(trx, id, { position: await nextPosition(trx, moved.version_id, moved.kind) });
    await updateSectionRow(trx, neighbour.id, { position: moved.position });
    await updateSectionRow(trx, id, { position: neighbour.position });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'programme_section',
      entityId: id,
      before: { number: chapter[at]!.number },
      after: { number: neighbour.number, direction: input.direction },
    });
    return moved.version_id;
  });
  return getProgrammeVersion(ctx, versionId);
}
