import { isoWeek, localDay, previousWeek, weekBounds } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import { CONFIRM_CONTACT_PATH, FOLLOW_PATH } from '../../domain/web-paths.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import {
  contactConfirmationMessage,
  type DigestItem,
  publicUpdateMessage,
  type ReportFacts,
  receiptMessage,
  statusChangeMessage,
  weeklyDigestMessage,
} from './outbox-messages.js';
import {
  confirmReporterContact as confirmContactRow,
  digestWritten,
  findReportFacts,
  findReportForReporter,
  insertOutboxMessages,
  insertReporterContact,
  listPartnerReports,
  type ReportFactsRow,
  unitRecipients,
} from './outbox.repo.js';

/*
 * The outbox holds messages to reporters. Sending e-mail is a separate worker, not part of this service:
 * it picks rows with sent_at NULL (oldest first), sends them and sets sent_at. Writing to the outbox in the
 * transaction of the change means a message exists exactly when the change committed.
 */

function toFacts(r: ReportFactsRow): ReportFacts {
  return {
    receiptCode: r.receipt_code,
    categoryLabel: r.label_sv,
    where: r.place_name ?? r.area_name,
    status: r.status,
    closureReason: r.closure_reason,
    forwardedTo: r.forwarded_to,
  };
}

/**
 * Queues the status-change message for an incident whose reporter asked for updates; nothing otherwise.
 * Call with the transaction of the change (`ctx.db` = trx). Returns whether a message was queued.
 */
export async function queueStatusChangeMessage(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  incidentId: string,
): Promise<boolean> {
  const report = await findReportForReporter(ctx.db, ctx.organisation.id, incidentId);
  if (!report) return false;
  const text = statusChangeMessage(toFacts(report));
  await insertOutboxMessages(ctx.db, [
    {
      organisation_id: ctx.organisation.id,
      recipient: report.email,
      kind: 'status_change',
      incident_id: incidentId,
      ...text,
    },
  ]);
  return true;
}

/**
 * Queues a reply staff wrote to the reporter (redacted) for a reporter with a confirmed address; nothing
 * otherwise. Call with the transaction of the reply. Returns whether a message was queued.
 */
export async function queuePublicUpdateMessage(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  incidentId: string,
  reply: string,
): Promise<boolean> {
  const report = await findReportForReporter(ctx.db, ctx.organisation.id, incidentId);
  if (!report) return false;
  await insertOutboxMessages(ctx.db, [
    {
      organisation_id: ctx.organisation.id,
      recipient: report.email,
      kind: 'public_update',
      incident_id: incidentId,
      ...publicUpdateMessage(toFacts(report), reply),
    },
  ]);
  return true;
}

/**
 * Keeps the e-mail of a reporter who asked for updates — unconfirmed — and queues the message whose link
 * confirms it. No status mail goes to the address before that (`queueStatusChangeMessage`); unconfirmed
 * addresses expire by the retention rule 'unconfirmed_reporter_contact'. Call inside the report's transaction.
 */
export async function addReporterContact(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  incidentId: string,
  email: string,
  publicUrl: string,
): Promise<void> {
  const token = newSecret();
  await insertReporterContact(ctx.db, ctx.organisation.id, incidentId, email, hashSecret(token));
  const facts = toFacts(await findReportFacts(ctx.db, ctx.organisation.id, incidentId));
  const text = contactConfirmationMessage(facts, `${publicUrl.replace(/\/$/, '')}${CONFIRM_CONTACT_PATH}#${token}`);
  await insertOutboxMessages(ctx.db, [
    {
      organisation_id: ctx.organisation.id,
      recipient: email,
      kind: 'contact_confirmation',
      incident_id: incidentId,
      ...text,
    },
  ]);
}

/**
 * Confirms a reporter's address by the token of its link (NOT_FOUND when unknown, used or expired); audited.
 * The receipt, with the code and the follow page (`publicUrl`: where the web app is served), goes to the
 * address now that it is known to be the reporter's.
 */
export async function confirmReporterContact(ctx: ServiceContext, token: string, publicUrl: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const contact = await confirmContactRow(trx, ctx.organisation.id, hashSecret(token), new Date());
    if (!contact) throw new AppError('NOT_FOUND', { details: { entity: 'reporter_contact' } });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'reporter_contact',
      entityId: contact.id,
      after: { confirmed: true, incident_id: contact.incident_id },
    });
    const report = await findReportForReporter(trx, ctx.organisation.id, contact.incident_id);
    if (!report?.receipt_code) return;
    const followUrl = `${publicUrl.replace(/\/$/, '')}${FOLLOW_PATH}/${report.receipt_code}`;
    await insertOutboxMessages(trx, [
      {
        organisation_id: ctx.organisation.id,
        recipient: report.email,
        kind: 'receipt',
        incident_id: contact.incident_id,
        ...receiptMessage(toFacts(report), followUrl),
      },
    ]);
  });
}

/** What one unit's digest run did. */
export interface DigestResult {
  unit_id: string;
  unit_name: string;
  reports: number;
  recipients: number;
  /** Messages written by this run: 0 when the week's digest was written before or the unit has no accounts. */
  written: number;
  already_written: boolean;
}

/** Last week on the wall clock of `timeZone` (the organisation's): the week a digest run without `--week` covers. */
export const lastWeek = (timeZone: string): string => previousWeek(isoWeek(new Date(), timeZone));

/**
 * Writes the weekly digest for every EST partner unit that reported something in `week`: one message per
 * active account of the unit. Idempotent per week and unit: a unit whose digest exists is left alone.
 */
export async function writeWeeklyDigests(ctx: ServiceContext, week: string): Promise<DigestResult[]> {
  const { start, end } = weekBounds(week, ctx.organisation.timeZone);
  const rows = await listPartnerReports(ctx.db, ctx.organisation.id, start, end);
  const units = new Map<string, { name: string; items: DigestItem[] }>();
  for (const r of rows) {
    const unit = units.get(r.unit_id) ?? { name: r.unit_name, items: [] };
    unit.items.push({ ...toFacts(r), reportedOn: localDay(r.reported_at, ctx.organisation.timeZone) });
    units.set(r.unit_id, unit);
  }
  const results: DigestResult[] = [];
  for (const [unitId, unit] of units) {
    results.push(
      await inTransaction(ctx.db, async (trx) => {
        const base = { unit_id: unitId, unit_name: unit.name, reports: unit.items.length };
        const recipients = await unitRecipients(trx, unitId);
        if (await digestWritten(trx, unitId, week))
          return { ...base, recipients: recipients.length, written: 0, already_written: true };
        const text = weeklyDigestMessage(unit.name, week, unit.items);
        const written = await insertOutboxMessages(
          trx,
          recipients.map((recipient) => ({
            organisation_id: ctx.organisation.id,
            recipient,
            kind: 'weekly_digest' as const,
            unit_id: unitId,
            week,
            ...text,
          })),
        );
        if (written) {
          await auditChange(trx, ctx, {
            action: 'create',
            entityType: 'weekly_digest',
            entityId: unitId,
            after: { week, reports: unit.items.length, recipients: written },
          });
        }
        return { ...base, recipients: recipients.length, written, already_written: false };
      }),
    );
  }
  return results;
}
