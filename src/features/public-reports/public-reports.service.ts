import { randomInt } from 'node:crypto';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { ClosureReason, Status } from '../../domain/incidents.js';
import {
  isHoneypotFilled,
  PHOTO_WINDOW_MINUTES,
  type PublicReportCreate,
  type PublicReportReopen,
  type PublicReportStatus,
  type StatusStep,
} from '../../domain/public-reports.js';
import type { Db, ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { createIncident, reopenIncidentByReceipt } from '../incidents/incidents.service.js';
import { addReporterContact } from '../outbox/outbox.service.js';
import { processPhoto } from './photo.js';
import { findPhoto, findPublicReport, insertPhoto, listPublicUpdates, listStatusAudit } from './public-reports.repo.js';

const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A receipt code such as 'TR-K7QM-4XPA' (40 bits: unguessable enough to look up one's own report). */
export function newReceiptCode(): string {
  const group = () => Array.from({ length: 4 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
  return `TR-${group()}-${group()}`;
}

/** About 100 m: enough to recognise the spot, too coarse to point at a doorway. */
const roundCoordinate = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Files a resident's report. A filled honeypot marks a bot: it gets a receipt-shaped answer and nothing is
 * stored, so it learns nothing. An e-mail for updates is kept unconfirmed, with a link to confirm it sent to it
 * (`publicUrl`: where the web app is served).
 */
export async function createPublicReport(ctx: ServiceContext, input: PublicReportCreate, publicUrl: string) {
  if (isHoneypotFilled(input)) {
    ctx.log.warn({ remoteAddress: ctx.remoteAddress }, 'public report honeypot filled; discarded');
    return { receipt_code: newReceiptCode(), status: 'new' as const };
  }
  const receiptCode = newReceiptCode();
  return inTransaction(ctx.db, async (trx) => {
    const incident = await createIncident(
      { ...ctx, db: trx },
      {
        occurred_at: input.occurred_at ?? new Date().toISOString(),
        category: input.category,
        lon: input.lon,
        lat: input.lat,
        precision: input.place_id ? 'place' : 'exact',
        ...(input.place_id ? { place_id: input.place_id } : {}),
        ...(input.zone_id ? { zone_id: input.zone_id } : {}),
        ...(input.description ? { description: input.description } : {}),
        source: 'resident',
      },
      { receiptCode },
    );
    if (input.notify && input.email) await addReporterContact({ ...ctx, db: trx }, incident.id, input.email, publicUrl);
    return { receipt_code: receiptCode, status: incident.status };
  });
}

type StatusFields = { status?: Status; closure_reason?: ClosureReason | null };

/**
 * The steps of a report's status: received when reported, then every audited change of its status or
 * closure reason (a changed note alone is no step). The audit trail keeps codes, never the notes' text.
 */
export async function statusHistory(db: Db, organisationId: string, incidentId: string, reportedAt: Date) {
  const steps: StatusStep[] = [{ at: reportedAt.toISOString(), status: 'new', closure_reason: null }];
  for (const e of await listStatusAudit(db, organisationId, incidentId)) {
    const before = (e.before ?? {}) as StatusFields;
    const after = (e.after ?? {}) as StatusFields;
    if (!after.status) continue;
    if (after.status === before.status && (after.closure_reason ?? null) === (before.closure_reason ?? null)) continue;
    steps.push({
      at: new Date(e.occurred_at).toISOString(),
      status: after.status,
      closure_reason: after.closure_reason ?? null,
    });
  }
  return steps;
}

const HOUR_MS = 3_600_000;

async function findReport(ctx: ServiceContext, receiptCode: string) {
  const row = await findPublicReport(ctx.db, ctx.organisation.id, receiptCode);
  if (!row) throw new AppError('NOT_FOUND', { details: { receipt_code: receiptCode } });
  return row;
}

/** The public view of a report by its receipt code: status, history, replies, expected handling time. */
export async function getPublicReport(ctx: ServiceContext, receiptCode: string): Promise<PublicReportStatus> {
  const row = await findReport(ctx, receiptCode);
  const reportedAt = new Date(row.reported_at);
  const updates = await listPublicUpdates(ctx.db, ctx.organisation.id, row.id);
  return {
    receipt_code: receiptCode,
    category: row.code,
    category_label_sv: row.label_sv,
    category_label_en: row.label_en,
    status: row.status,
    closure_reason: row.closure_reason,
    reported_at: reportedAt.toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    area_name: row.area_name,
    place_name: row.place_name,
    lon: roundCoordinate(row.lon),
    lat: roundCoordinate(row.lat),
    history: await statusHistory(ctx.db, ctx.organisation.id, row.id, reportedAt),
    updates: updates.map((u) => ({ body: u.body, created_at: new Date(u.created_at).toISOString() })),
    handling:
      row.hours === null || row.rule === null
        ? null
        : {
            hours: row.hours,
            rule: row.rule,
            due_at: new Date(reportedAt.getTime() + row.hours * HOUR_MS).toISOString(),
          },
    has_photo: row.photo_id !== null,
  };
}

/**
 * Adds the photo of a report by its receipt code: once, and only within PHOTO_WINDOW_MINUTES of the report
 * (the form sends it right after the report). Stripped of all metadata and resized before it is stored.
 */
export async function attachPhoto(ctx: ServiceContext, receiptCode: string, file: Buffer) {
  const row = await findReport(ctx, receiptCode);
  if (Date.now() - new Date(row.reported_at).getTime() > PHOTO_WINDOW_MINUTES * 60_000 || row.photo_id !== null)
    throw new AppError('CONFLICT', {
      details: [{ path: 'photo', code: 'photo_closed', message: 'a photo can be added once, right after the report' }],
      messages: {
        sv: 'Ett foto kan bara läggas till en gång, direkt efter anmälan.',
        en: 'A photo can be added only once, right after the report.',
      },
    });
  const photo = await processPhoto(file);
  return inTransaction(ctx.db, async (trx) => {
    const id = await insertPhoto(trx, {
      organisation_id: ctx.organisation.id,
      incident_id: row.id,
      width: photo.width,
      height: photo.height,
      image: photo.image,
      thumbnail: photo.thumbnail,
    });
    if (!id) throw new AppError('CONFLICT', { details: [{ path: 'photo', code: 'photo_closed', message: 'has one' }] });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'incident_photo',
      entityId: id,
      after: { incident_id: row.id, width: photo.width, height: photo.height, bytes: photo.image.length },
    });
    return { width: photo.width, height: photo.height };
  });
}

/** A report's photo for whoever holds its receipt code: the reporter's own view. */
export async function getPublicPhoto(ctx: ServiceContext, receiptCode: string, size: 'full' | 'thumb') {
  const row = await findReport(ctx, receiptCode);
  const photo = await findPhoto(ctx.db, ctx.organisation.id, row.id, size);
  if (!photo) throw new AppError('NOT_FOUND', { details: { entity: 'incident_photo' } });
  return photo;
}

/** The reporter reopens a closed report by its receipt code; anything but a closed report is 409. */
export async function reopenPublicReport(
  ctx: ServiceContext,
  receiptCode: string,
  input: PublicReportReopen,
): Promise<PublicReportStatus> {
  await reopenIncidentByReceipt(ctx, receiptCode, input.reason);
  return getPublicReport(ctx, receiptCode);
}
