import { redactedText } from '../../analysis/text/redact.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import {
  canChangeLawDocumentStatus,
  LAW_DOCUMENT_KIND_LABELS,
  type LawDocumentAdopt,
  type LawDocumentGenerate,
  type LawDocumentListQuery,
  type LawDocumentRevise,
  type LawDocumentVersion,
  type LawDocumentVersionSummary,
} from '../../domain/law-documents.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { findOrganisationName } from '../../core/tenancy.repo.js';
import { draftSections } from './law-document-drafts.js';
import { assertWritesLawDocument, readableLawStatuses } from './law-documents.policy.js';
import {
  findAdoptedLawVersion,
  findDistrictArea,
  findLawVersion,
  findUnit,
  insertLawVersion,
  listLawSections,
  listLawVersionRows,
  type LawVersionRow,
  nextVersionNumber,
  updateLawVersionStatus,
} from './law-documents.repo.js';

/** One audit event for a document version. */
const auditVersion = (
  ctx: ServiceContext,
  db: ServiceContext['db'],
  id: string,
  action: 'create' | 'update',
  after: object,
  before?: object,
) => auditChange(db, ctx, { action, entityType: 'law_document_version', entityId: id, after, before });

function toSummary(row: LawVersionRow): LawDocumentVersionSummary {
  return {
    id: row.id,
    kind: row.kind,
    district: row.district_id ? { id: row.district_id, name: row.district_name ?? '' } : null,
    version: row.version,
    title: row.title,
    status: row.status,
    decision_ref: row.decision_ref,
    adopted_on: row.adopted_on,
    created_by: row.created_by,
    created_at: new Date(row.created_at).toISOString(),
    based_on: row.based_on_version,
  };
}

/** The version if the caller may read it (the public: adopted ones only), else NOT_FOUND. */
async function readableRow(ctx: ServiceContext, id: string, forUpdate = false): Promise<LawVersionRow> {
  const row = await findLawVersion(ctx.db, ctx.organisation.id, id, forUpdate);
  const statuses = readableLawStatuses(ctx.principal);
  if (!row || (statuses && !statuses.includes(row.status)))
    throw new AppError('NOT_FOUND', { details: { entity: 'law_document_version', id } });
  return row;
}

/** A district's documents (or the city's), every version the caller may read, newest first per kind. */
export async function listLawDocuments(
  ctx: ServiceContext,
  query: LawDocumentListQuery,
): Promise<LawDocumentVersionSummary[]> {
  const rows = await listLawVersionRows(
    ctx.db,
    ctx.organisation.id,
    query.district_id ?? null,
    readableLawStatuses(ctx.principal),
  );
  return rows.map(toSummary);
}

/** One version with its numbered sections. */
export async function getLawDocument(ctx: ServiceContext, id: string): Promise<LawDocumentVersion> {
  const row = await readableRow(ctx, id);
  const sections = await listLawSections(ctx.db, id);
  return {
    ...toSummary(row),
    sections: sections.map((s) => ({
      position: s.position,
      number: String(s.position + 1),
      heading: s.heading,
      body: s.body,
      figures: s.figures,
    })),
  };
}

/** The scope's name: the district's (which must be a district unit) or the city's. */
async function scopeName(ctx: ServiceContext, districtId: string | null): Promise<string> {
  if (districtId === null) return findOrganisationName(ctx.db, ctx.organisation.id);
  const unit = await findUnit(ctx.db, ctx.organisation.id, districtId);
  if (unit?.kind !== 'district') throw new AppError('NOT_FOUND', { details: { entity: 'district', id: districtId } });
  // Documents name the district as people do (the stadsdelsområde), not the nämnd that owns it.
  return (await findDistrictArea(ctx.db, ctx.organisation.id, districtId))?.name ?? unit.name;
}

/** Drafts a new version of a document from the data as it is now (the next number, status draft). */
export async function generateLawDocument(
  ctx: ServiceContext,
  input: LawDocumentGenerate,
): Promise<LawDocumentVersion> {
  assertWritesLawDocument(ctx.principal, input.district_id);
  const name = await scopeName(ctx, input.district_id);
  const sections = await draftSections(ctx, input.kind, { districtId: input.district_id, name });
  const id = await inTransaction(ctx.db, async (trx) => {
    const version = await nextVersionNumber(trx, ctx.organisation.id, input.kind, input.district_id);
    const versionId = await insertLawVersion(
      trx,
      {
        organisation_id: ctx.organisation.id,
        kind: input.kind,
        district_id: input.district_id,
        version,
        title: `${LAW_DOCUMENT_KIND_LABELS[input.kind].sv} ${name}`,
        based_on_version: null,
        created_by: ctx.actor,
      },
      // Drawn from records their own services redacted on write; redacting again would read dates as phone numbers.
      sections,
    );
    await auditVersion(ctx, trx, versionId, 'create', {
      ...input,
      version,
      generated: true,
      sections: sections.length,
    });
    return versionId;
  });
  return getLawDocument(ctx, id);
}

/** Saves edited sections as a new draft version; the sections not named are copied as they were. */
export async function reviseLawDocument(
  ctx: ServiceContext,
  id: string,
  input: LawDocumentRevise,
): Promise<LawDocumentVersion> {
  const newId = await inTransaction(ctx.db, async (trx) => {
    const from = await readableRow({ ...ctx, db: trx }, id);
    assertWritesLawDocument(ctx.principal, from.district_id);
    const sections = await listLawSections(trx, id);
    const missing = input.sections.filter((e) => !sections.some((s) => s.position === e.position));
    if (missing.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        details: missing.map((m) => ({
          path: 'sections',
          code: 'unknown_section',
          message: `no section ${m.position + 1}`,
        })),
      });
    const edited = sections.map((s) => {
      const e = input.sections.find((x) => x.position === s.position);
      return e
        ? { heading: redactedText(e.heading ?? s.heading), body: redactedText(e.body), figures: s.figures }
        : { heading: s.heading, body: s.body, figures: s.figures };
    });
    const version = await nextVersionNumber(trx, ctx.organisation.id, from.kind, from.district_id);
    const versionId = await insertLawVersion(
      trx,
      {
        organisation_id: ctx.organisation.id,
        kind: from.kind,
        district_id: from.district_id,
        version,
        title: from.title,
        based_on_version: from.version,
        created_by: ctx.actor,
      },
      edited,
    );
    await auditVersion(ctx, trx, versionId, 'create', {
      version,
      based_on: from.version,
      edited_sections: input.sections.map((s) => s.position + 1),
    });
    return versionId;
  });
  return getLawDocument(ctx, newId);
}

/**
 * Adopts a draft with the council's decision; the version of the same document in force until now is
 * marked replaced in the same transaction. Anything but a draft is INVALID_TRANSITION.
 */
export async function adoptLawDocument(
  ctx: ServiceContext,
  id: string,
  input: LawDocumentAdopt,
): Promise<LawDocumentVersion> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await readableRow({ ...ctx, db: trx }, id, true);
    assertWritesLawDocument(ctx.principal, before.district_id);
    if (!canChangeLawDocumentStatus(before.status, input.status))
      throw new AppError('INVALID_TRANSITION', { details: { from: before.status, to: input.status } });
    const inForce = await findAdoptedLawVersion(trx, before);
    if (inForce) {
      await updateLawVersionStatus(trx, inForce.id, { status: 'replaced' });
      await auditVersion(
        ctx,
        trx,
        inForce.id,
        'update',
        { status: 'replaced', replaced_by: id },
        { status: 'adopted' },
      );
    }
    await updateLawVersionStatus(trx, id, {
      status: 'adopted',
      decision_ref: redactedText(input.decision_ref),
      adopted_on: input.adopted_on,
    });
    await auditVersion(ctx, trx, id, 'update', { ...input }, { status: before.status });
  });
  return getLawDocument(ctx, id);
}
