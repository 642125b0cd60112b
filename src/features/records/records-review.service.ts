import { applyMasks, findCandidates, vocabularyOf } from '../../analysis/text/release-candidates.js';
import * as LABELS from '../../domain/labels.js';
import { redactPersonalData } from '../../analysis/text/redact.js';
import type { StoredMark } from '../../db/schema/records.js';
import { inTransaction } from '../../db/transaction.js';
import type { RecordType } from '../../domain/confidentiality.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import { AUTOMATIC_GROUND, type Ground, OSL_GROUNDS, type ReleaseReview } from '../../domain/osl-grounds.js';
import { MASKED, type RecordsExport, type RecordsExportResult, type ReleasedRecord } from '../../domain/records.js';
import type { DraftReview, ReleaseDraft, ReviewMark } from '../../domain/release-review.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { checkPolicy } from '../../core/policy.js';
import type { ExportFile } from '../reports/export-file.js';
import { releaseFile } from './records.export.js';
import {
  categoryLabels,
  deleteDraft,
  findDraft,
  insertDraft,
  insertRelease,
  listOwnNames,
  updateDraftMarks,
} from './records.repo.js';
import { FREE_TEXT, readForRelease, toRelease } from './records.service.js';

type DraftRow = Awaited<ReturnType<typeof insertDraft>>;

/** A draft exists only for those who may release: to anyone else it is not found, as if it did not exist. */
function assertReviewer(ctx: ServiceContext): void {
  if (checkPolicy(ctx.principal, 'records:export') !== 'ok')
    throw new AppError('NOT_FOUND', { details: { entity: 'records_release_draft' } });
}

const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION_FAILED', { details: issues });

/** The text of a field that may be reviewed: free text, present and not already masked whole. */
function reviewable(record: ReleasedRecord, field: string): string | null {
  const v = record.fields[field];
  return FREE_TEXT.has(field) && typeof v === 'string' && v !== MASKED && !record.masked.includes(field) ? v : null;
}

function toDraft(row: DraftRow): ReleaseDraft {
  const records = row.records.records;
  const byId = new Map(records.map((r) => [r.id, r]));
  const marks: ReviewMark[] = row.marks.marks.map((m) => ({
    ...m,
    kind: m.kind as ReviewMark['kind'],
    ground: m.ground as Ground | null,
    text: String(byId.get(m.record_id)?.fields[m.field] ?? '').slice(m.start, m.end),
  }));
  return {
    id: row.id,
    request_ref: row.request_ref,
    recipient: row.recipient,
    record_type: row.record_type as RecordType,
    format: row.format,
    created_by: row.created_by,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    records,
    marks,
    undecided: marks.filter((m) => m.decision === null).length,
  };
}

/** The product's own Swedish labels (measure types, statuses…): released records quote them, and they are no one's name. */
const PRODUCT_WORDS: string[] = Object.values(LABELS).flatMap((table) =>
  typeof table === 'object' && table !== null
    ? Object.values(table).flatMap((l: unknown) =>
        typeof l === 'object' && l !== null && 'sv' in l && typeof l.sv === 'string' ? [l.sv] : [],
      )
    : [],
);

/**
 * Starts the review of a records request (sekretessprövning): reads the requested records as they would be
 * released and marks, in each free-text field, what may be personal data — identity numbers, phone numbers,
 * e-mail addresses and licence plates masked from the start, name-like words, long numbers and street
 * addresses suggested for the officer to decide. Nothing is released yet.
 */
export async function createDraft(ctx: ServiceContext, input: RecordsExport): Promise<ReleaseDraft> {
  const records = await readForRelease(ctx, input);
  const vocabulary = vocabularyOf([...(await listOwnNames(ctx.db, ctx.organisation.id)), ...PRODUCT_WORDS]);
  const marks: StoredMark[] = [];
  for (const record of records) {
    for (const field of Object.keys(record.fields)) {
      const text = reviewable(record, field);
      if (text === null) continue;
      for (const c of findCandidates(text, vocabulary)) {
        marks.push({
          id: `m${marks.length + 1}`,
          record_id: record.id,
          field,
          start: c.start,
          end: c.end,
          kind: c.kind,
          origin: c.automatic ? 'automatic' : 'suggested',
          decision: c.automatic ? 'mask' : null,
          ground: c.automatic ? AUTOMATIC_GROUND : null,
          decided_by: null,
          decided_at: null,
        });
      }
    }
  }
  return inTransaction(ctx.db, async (trx) => {
    const row = await insertDraft(trx, {
      organisation_id: ctx.organisation.id,
      request_ref: input.request_ref,
      recipient: input.recipient,
      record_type: input.type,
      format: input.format,
      records,
      marks,
      created_by: ctx.actor,
    });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'records_release_draft',
      entityId: row.id,
      after: {
        request_ref: input.request_ref,
        type: input.type,
        records: records.length,
        marks: marks.length,
        automatic: marks.filter((m) => m.origin === 'automatic').length,
        format: input.format,
      },
    });
    return toDraft(row);
  });
}

/** One draft under review (404 for anyone who may not release, and for other organisations' drafts). */
export async function getDraft(ctx: ServiceContext, id: string): Promise<ReleaseDraft> {
  assertReviewer(ctx);
  const row = await findDraft(ctx.db, ctx.organisation.id, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'records_release_draft', id } });
  return toDraft(row);
}

/** Applies the decisions to a copy of the marks, or returns the issues that refuse them all. */
function decide(row: DraftRow, input: DraftReview, actor: string): { marks: StoredMark[]; issues: FieldIssue[] } {
  const now = new Date().toISOString();
  const issues: FieldIssue[] = [];
  const removed = new Set(input.remove);
  const marks = row.marks.marks.map((m) => ({ ...m }));
  input.remove.forEach((id, i) => {
    const m = marks.find((x) => x.id === id);
    if (!m) issues.push({ path: `remove.${i}`, code: 'unknown_mark', message: `no mark ${id}`, value: id });
    else if (m.origin !== 'officer')
      issues.push({
        path: `remove.${i}`,
        code: 'not_removable',
        message: 'only selections made by an officer can be removed; approve a suggestion instead',
        value: id,
      });
  });
  for (const [i, d] of input.decisions.entries()) {
    const m = marks.find((x) => x.id === d.id && !removed.has(x.id));
    if (!m) {
      issues.push({ path: `decisions.${i}.id`, code: 'unknown_mark', message: `no mark ${d.id}`, value: d.id });
      continue;
    }
    // The recogniser redacts these on the way out whatever is decided, so approving one would promise what is not done.
    if (m.origin === 'automatic' && d.decision === 'approve') {
      issues.push({
        path: `decisions.${i}.decision`,
        code: 'automatic_mask',
        message: 'identity numbers, phone numbers, e-mail addresses and licence plates are always masked',
        value: d.id,
      });
      continue;
    }
    Object.assign(m, {
      decision: d.decision,
      ground: d.decision === 'mask' ? d.ground! : null,
      decided_by: actor,
      decided_at: now,
    });
  }
  const records = new Map(row.records.records.map((r) => [r.id, r]));
  let next = marks.reduce((n, m) => Math.max(n, m.origin === 'officer' ? Number(m.id.slice(1)) : 0), 0);
  const kept = marks.filter((m) => !removed.has(m.id));
  for (const [i, a] of input.add.entries()) {
    const record = records.get(a.record_id);
    const text = record ? reviewable(record, a.field) : null;
    if (text === null) {
      issues.push({
        path: `add.${i}.field`,
        code: 'not_reviewable',
        message: 'no reviewable text in that field of that record',
      });
      continue;
    }
    if (a.end > text.length) {
      issues.push({ path: `add.${i}.end`, code: 'out_of_range', message: `the field has ${text.length} characters` });
      continue;
    }
    if (kept.some((m) => m.record_id === a.record_id && m.field === a.field && a.start < m.end && a.end > m.start)) {
      issues.push({
        path: `add.${i}`,
        code: 'overlaps',
        message: 'the selection overlaps a mark; decide that mark instead',
      });
      continue;
    }
    next += 1;
    kept.push({
      id: `o${next}`,
      record_id: a.record_id,
      field: a.field,
      start: a.start,
      end: a.end,
      kind: 'selection',
      origin: 'officer',
      decision: 'mask',
      ground: a.ground,
      decided_by: actor,
      decided_at: now,
    });
  }
  return { marks: kept, issues };
}

/** Records the officer's decisions on a draft: all or none (a refused item refuses the request). Audited without text. */
export async function reviewDraft(ctx: ServiceContext, id: string, input: DraftReview): Promise<ReleaseDraft> {
  assertReviewer(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const row = await findDraft(trx, ctx.organisation.id, id, true);
    if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'records_release_draft', id } });
    const { marks, issues } = decide(row, input, ctx.actor);
    if (issues.length) throw invalid(issues);
    const updated = await updateDraftMarks(trx, id, marks);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'records_release_draft',
      entityId: id,
      after: {
        masked: input.decisions.filter((d) => d.decision === 'mask').length,
        approved: input.decisions.filter((d) => d.decision === 'approve').length,
        added: input.add.length,
        removed: input.remove.length,
        undecided: marks.filter((m) => m.decision === null).length,
      },
    });
    return toDraft(updated);
  });
}

/** The label a masked span reads in the released document: that it is secret, and under which ground. */
export function maskLabel(ground: Ground): string {
  return `[sekretess, ${OSL_GROUNDS.find((g) => g.code === ground)!.ref}]`;
}

/** The records with the masks applied and the recogniser run once more; what it still found is counted under the automatic ground. */
function finalRecords(row: DraftRow): { records: ReleasedRecord[]; counts: Map<Ground, number> } {
  const counts = new Map<Ground, number>();
  const bump = (g: Ground, n = 1) => counts.set(g, (counts.get(g) ?? 0) + n);
  const masks = row.marks.marks.filter((m) => m.decision === 'mask');
  const records = row.records.records.map((record) => {
    const fields = { ...record.fields };
    const masked = [...record.masked];
    for (const [field, v] of Object.entries(fields)) {
      if (typeof v !== 'string' || !FREE_TEXT.has(field)) continue;
      const spans = masks.filter((m) => m.record_id === record.id && m.field === field);
      for (const m of spans) bump(m.ground as Ground);
      const redacted = redactPersonalData(
        applyMasks(
          v,
          spans.map((m) => ({ ...m, label: maskLabel(m.ground as Ground) })),
        ),
      );
      if (redacted.count) bump(AUTOMATIC_GROUND, redacted.count);
      fields[field] = redacted.text;
      if ((spans.length || redacted.count) && !masked.includes(field)) masked.push(field);
    }
    return { ...record, fields, masked };
  });
  return { records, counts };
}

/**
 * Releases a reviewed draft: refused (409 REVIEW_INCOMPLETE) while any mark is undecided. The masks are
 * applied, the release is logged with who reviewed, when and how much was masked under which ground (not the
 * text), audited, and the draft deleted — in one transaction.
 */
export async function releaseDraft(ctx: ServiceContext, id: string): Promise<RecordsExportResult> {
  assertReviewer(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const row = await findDraft(trx, ctx.organisation.id, id, true);
    if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'records_release_draft', id } });
    const undecided = row.marks.marks.filter((m) => m.decision === null);
    if (undecided.length)
      throw new AppError('REVIEW_INCOMPLETE', {
        details: { undecided: undecided.length, marks: undecided.slice(0, 50).map((m) => m.id) },
      });
    const { records, counts } = finalRecords(row);
    const decided = row.marks.marks.filter((m) => m.decided_by !== null);
    const review: ReleaseReview = {
      reviewed_by: decided.length ? [...new Set(decided.map((m) => m.decided_by!))] : [ctx.actor],
      reviewed_at: decided.length
        ? decided
            .map((m) => m.decided_at!)
            .sort()
            .at(-1)!
        : new Date().toISOString(),
      masks: OSL_GROUNDS.flatMap((g) => (counts.get(g.code) ? [{ ground: g.code, count: counts.get(g.code)! }] : [])),
      approved: row.marks.marks.filter((m) => m.decision === 'approve').length,
    };
    const maskedLog = records.filter((r) => r.masked.length).map((r) => ({ id: r.id, fields: r.masked }));
    const release = await insertRelease(trx, {
      organisation_id: ctx.organisation.id,
      request_ref: row.request_ref,
      recipient: row.recipient,
      record_type: row.record_type as RecordType,
      record_ids: records.map((r) => r.id),
      masked: maskedLog,
      format: row.format,
      released_by: ctx.actor,
      draft_id: row.id,
      review,
    });
    await auditChange(trx, ctx, {
      action: 'export',
      entityType: 'records_release',
      entityId: release.id,
      after: {
        request_ref: row.request_ref,
        recipient: row.recipient,
        type: row.record_type,
        records: records.length,
        masked_records: maskedLog.length,
        format: row.format,
        draft_id: row.id,
        masks: review.masks.reduce((n, m) => n + m.count, 0),
        approved: review.approved,
      },
    });
    await deleteDraft(trx, row.id);
    return { release: toRelease(release), records };
  });
}

/** Discards a draft that will not be released (its copy of the records' text goes with it). Audited. */
export async function discardDraft(ctx: ServiceContext, id: string): Promise<void> {
  assertReviewer(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const row = await findDraft(trx, ctx.organisation.id, id, true);
    if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'records_release_draft', id } });
    await deleteDraft(trx, id);
    await auditChange(trx, ctx, {
      action: 'delete',
      entityType: 'records_release_draft',
      entityId: id,
      before: { request_ref: row.request_ref, type: row.record_type, records: row.records.records.length },
    });
  });
}

/** The released records as the file of the release's format, with the organisation's category labels. */
export async function releaseDocument(ctx: ServiceContext, result: RecordsExportResult): Promise<ExportFile> {
  return releaseFile(result, await categoryLabels(ctx.db, ctx.organisation.id), ctx.organisation.timeZone);
}
