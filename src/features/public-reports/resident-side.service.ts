import { redactPersonalData } from '../../analysis/text/redact.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { PublicUpdateCreate, ResidentSide } from '../../domain/public-reports.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { canReadFreeText } from '../../core/policy.js';
import { getIncident } from '../incidents/incidents.service.js';
import { queuePublicUpdateMessage } from '../outbox/outbox.service.js';
import { lockIncidentForChange } from '../responsibility/responsibility.service.js';
import { findPhoto, findResidentFacts, insertPublicUpdate, listPublicUpdates } from './public-reports.repo.js';

/*
 * Staff's side of a resident's report: its receipt code, photo and the replies to the reporter. Access is the
 * incident's own (`getIncident`: NOT_FOUND when the caller may not see it); the photo, like free text, only
 * for roles that read free text.
 */

/** The receipt code, photo size and replies of an incident the caller may see. */
export async function getResidentSide(ctx: ServiceContext, incidentId: string): Promise<ResidentSide> {
  await getIncident(ctx, incidentId);
  const facts = (await findResidentFacts(ctx.db, ctx.organisation.id, incidentId))!;
  const updates = await listPublicUpdates(ctx.db, ctx.organisation.id, incidentId);
  return {
    receipt_code: facts.receipt_code,
    photo:
      facts.width !== null && facts.height !== null && canReadFreeText(ctx.principal)
        ? { width: facts.width, height: facts.height }
        : null,
    updates: updates.map((u) => ({ id: u.id, body: u.body, created_at: new Date(u.created_at).toISOString() })),
  };
}

/**
 * Writes a reply to the reporter of a resident's report: those who work the incident may
 * (`lockIncidentForChange`). Redacted before it is stored; audited without its text; e-mailed through the
 * outbox when the reporter confirmed an address. A report without a receipt code has nobody to answer.
 */
export async function addPublicUpdate(
  ctx: ServiceContext,
  incidentId: string,
  input: PublicUpdateCreate,
): Promise<ResidentSide> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    await lockIncidentForChange(tx, incidentId, 'public_update');
    const facts = await findResidentFacts(trx, ctx.organisation.id, incidentId);
    if (!facts?.receipt_code)
      throw new AppError('CONFLICT', {
        details: [{ path: 'body', code: 'no_reporter', message: 'only a report with a receipt code has a reporter' }],
        messages: {
          sv: 'Bara en anmälan från en invånare (med kvittokod) kan besvaras.',
          en: "Only a resident's report (with a receipt code) can be answered.",
        },
      });
    const body = redactPersonalData(input.body).text;
    const row = await insertPublicUpdate(trx, {
      organisation_id: ctx.organisation.id,
      incident_id: incidentId,
      body,
      created_by: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
    });
    const mailed = await queuePublicUpdateMessage(tx, incidentId, body);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'incident_public_update',
      entityId: row.id,
      after: { incident_id: incidentId, mailed },
    });
  });
  return getResidentSide(ctx, incidentId);
}

/** An incident's photo for staff who may see the incident and read its free text. */
export async function getStaffPhoto(ctx: ServiceContext, incidentId: string, size: 'full' | 'thumb') {
  await getIncident(ctx, incidentId);
  const photo = canReadFreeText(ctx.principal) && (await findPhoto(ctx.db, ctx.organisation.id, incidentId, size));
  if (!photo) throw new AppError('NOT_FOUND', { details: { entity: 'incident_photo' } });
  return photo;
}
