import { randomInt } from 'node:crypto';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import {
  isHoneypotFilled,
  type PublicReportCreate,
  type PublicReportReopen,
  type PublicReportStatus,
} from '../../domain/public-reports.js';
import type { ServiceContext } from '../../core/context.js';
import { createIncident, reopenIncidentByReceipt } from '../incidents/incidents.service.js';
import { addReporterContact } from '../outbox/outbox.service.js';
import { findPublicReport } from './public-reports.repo.js';

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

/** The public view of a report by its receipt code. */
export async function getPublicReport(ctx: ServiceContext, receiptCode: string): Promise<PublicReportStatus> {
  const row = await findPublicReport(ctx.db, ctx.organisation.id, receiptCode);
  if (!row) throw new AppError('NOT_FOUND', { details: { receipt_code: receiptCode } });
  return {
    receipt_code: receiptCode,
    category: row.code,
    category_label_sv: row.label_sv,
    category_label_en: row.label_en,
    status: row.status,
    closure_reason: row.closure_reason,
    reported_at: new Date(row.reported_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    area_name: row.area_name,
    place_name: row.place_name,
    lon: roundCoordinate(row.lon),
    lat: roundCoordinate(row.lat),
  };
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
