import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, liftStatementTimeout } from '../../db/transaction.js';
import type { RetentionTarget } from '../../domain/gdpr.js';
import type { Db, ServiceContext } from '../../core/context.js';
import { recordAudit } from '../../core/audit.repo.js';
import { expireSignInThrottle } from '../auth/sign-in-throttle.js';
import {
  clearStaleImportReports, countAbandonedReleaseDrafts, countDoneOutboxMessages, countStaleImportReports, deleteAbandonedReleaseDrafts, deleteDoneOutboxMessages,
} from './retention.repo.js';
import { processingRecord, RETENTION_RULES } from './processing-record.js';

/** Subtracts whole calendar months (the cutoff of a retention rule). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Reporter contacts created before `cutoff`, confirmed ('is not' null) or not ('is' null): the two rules never overlap. */
async function expireContacts(db: Db, organisationId: string, cutoff: Date, confirmed: 'is' | 'is not', dryRun: boolean): Promise<number> {
  if (dryRun) {
    return Number((await db.selectFrom('reporter_contacts').select((eb) => eb.fn.countAll().as('n')).where('organisation_id', '=', organisationId)
      .where('confirmed_at', confirmed, null).where('created_at', '<', cutoff).executeTakeFirstOrThrow()).n);
  }
  const r = await db.deleteFrom('reporter_contacts').where('organisation_id', '=', organisationId).where('confirmed_at', confirmed, null).where('created_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

async function applyRule(db: Db, organisationId: string, target: RetentionTarget, cutoff: Date, dryRun: boolean): Promise<number> {
  switch (target) {
    case 'incident_free_text': {
      const base = db.selectFrom('incidents').where('organisation_id', '=', organisationId).where('reported_at', '<', cutoff)
        .where((eb) => eb.or([eb('description', 'is not', null), eb('status_note', 'is not', null)]));
      if (dryRun) return Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      // The version goes up like on any change, so an edit form opened before is answered 409.
      const r = await db.updateTable('incidents').set((eb) => ({ description: null, status_note: null, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('organisation_id', '=', organisationId).where('reported_at', '<', cutoff)
        .where((eb) => eb.or([eb('description', 'is not', null), eb('status_note', 'is not', null)])).executeTakeFirst();
      return Number(r.numUpdatedRows);
    }
    case 'reporter_contact': {
      return expireContacts(db, organisationId, cutoff, 'is not', dryRun);
    }
    case 'unconfirmed_reporter_contact': {
      return expireContacts(db, organisationId, cutoff, 'is', dryRun);
    }
    case 'session': {
      const users = db.selectFrom('users').select('id').where('organisation_id', '=', organisationId);
      if (dryRun) {
        return Number((await db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('expires_at', '<', cutoff).where('user_id', 'in', users).executeTakeFirstOrThrow()).n);
      }
      const r = await db.deleteFrom('sessions').where('expires_at', '<', cutoff).where('user_id', 'in', users).executeTakeFirst();
      return Number(r.numDeletedRows);
    }
    case 'sign_in_throttle':
      return expireSignInThrottle(db, organisationId, cutoff, dryRun);
    case 'import_report':
      return dryRun ? countStaleImportReports(db, organisationId, cutoff) : clearStaleImportReports(db, organisationId, cutoff);
    case 'outbox_message':
      return dryRun ? countDoneOutboxMessages(db, organisationId, cutoff) : deleteDoneOutboxMessages(db, organisationId, cutoff);
    case 'release_draft':
      return dryRun ? countAbandonedReleaseDrafts(db, organisationId, cutoff) : deleteAbandonedReleaseDrafts(db, organisationId, cutoff);
  }
}

// Any fixed number will do: it names the lock that keeps two server processes from running retention at once.
const RETENTION_LOCK = 7_311_001;

/**
 * Applies every retention rule in one transaction (or only counts with dryRun). Several server processes
 * may schedule it; a transaction-scoped advisory lock lets one run and the others skip.
 */
export async function runRetention(ctx: ServiceContext, options: { dryRun: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  return inTransaction(ctx.db, async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK}) AS locked`.execute(trx);
    if (!rows[0]?.locked) return { dry_run: options.dryRun, ran_at: now.toISOString(), results: [], skipped: 'another process is running retention' as const };
    // The daily run goes through the server's sessions, whose statement timeout a first run over years of data may exceed.
    await liftStatementTimeout(trx);
    const results = [];
    for (const rule of RETENTION_RULES) {
      const cutoff = monthsBefore(now, rule.months);
      results.push({ target: rule.target, cutoff: cutoff.toISOString(), affected: await applyRule(trx, ctx.organisation.id, rule.target, cutoff, options.dryRun) });
    }
    if (!options.dryRun) {
      await recordAudit(trx, { organisationId: ctx.organisation.id, actor: ctx.actor, action: 'delete', entityType: 'retention_run', after: { results }, remoteAddress: ctx.remoteAddress });
    }
    return { dry_run: options.dryRun, ran_at: now.toISOString(), results };
  });
}

export function getProcessingRecord(ctx: ServiceContext & { organisationRecord?: { name: string } }) {
  return processingRecord(ctx.organisationRecord?.name ?? ctx.organisation.slug);
}

/** The audit log must say an erasure happened without keeping the address it erased. */
const fingerprint = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 16);

/** Everything stored about a reporter's e-mail address (register extract, GDPR art. 15). */
export async function registerExtract(ctx: ServiceContext, email: string) {
  const reports = await ctx.db
    .selectFrom('reporter_contacts as rc')
    .innerJoin('incidents as i', 'i.id', 'rc.incident_id')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .select(['i.id', 'i.receipt_code', 'rc.created_at', 'c.code', 'i.status'])
    .where('rc.organisation_id', '=', ctx.organisation.id)
    .where((eb) => eb(eb.fn('lower', ['rc.email']), '=', email))
    .orderBy('rc.created_at')
    .execute();
  const user = await ctx.db.selectFrom('users').select(['id', 'display_name', 'created_at'])
    .where('organisation_id', '=', ctx.organisation.id).where('email', '=', email).executeTakeFirst();
  const memberships = user
    ? await ctx.db.selectFrom('memberships as m').innerJoin('units as u', 'u.id', 'm.unit_id').select(['u.name', 'm.role']).where('m.user_id', '=', user.id).execute()
    : [];
  const messages = await messagesTo(ctx.db, ctx.organisation.id, email)
    .select(['kind', 'subject', 'incident_id', 'created_at', 'sent_at', 'failed_at']).orderBy('created_at').execute();
  await recordAudit(ctx.db, { organisationId: ctx.organisation.id, actor: ctx.actor, action: 'export', entityType: 'register_extract', entityId: fingerprint(email), after: { reports: reports.length, messages: messages.length, account: Boolean(user) }, remoteAddress: ctx.remoteAddress });
  return {
    email,
    generated_at: new Date().toISOString(),
    reports: reports.map((r) => ({ receipt_code: r.receipt_code, incident_id: r.id, stored_at: new Date(r.created_at).toISOString(), category: r.code, status: r.status })),
    messages: messages.map((m) => ({
      kind: m.kind, subject: m.subject, incident_id: m.incident_id, created_at: new Date(m.created_at).toISOString(),
      status: m.sent_at ? 'sent' as const : m.failed_at ? 'failed' as const : 'pending' as const,
    })),
    account: user ? { display_name: user.display_name, created_at: new Date(user.created_at).toISOString(), memberships: memberships.map((m) => ({ unit: m.name, role: m.role })) } : null,
  };
}

/** Messages in the outbox addressed to `email` (any case), sent or not. */
function messagesTo(db: Db, organisationId: string, email: string) {
  return db.selectFrom('outbox_messages').where('organisation_id', '=', organisationId).where((eb) => eb(eb.fn('lower', ['recipient']), '=', email));
}

/**
 * Erases a reporter's e-mail address everywhere it is kept (GDPR art. 17); the reports themselves stay. The
 * outbox goes too, whatever the message's state: a waiting one would otherwise be sent after the erasure, and a
 * sent or failed one (a status message, the confirmation link) keeps the address. Weekly digests stay: they go
 * to staff accounts, which hold the address themselves.
 */
export async function eraseReporterEmail(ctx: ServiceContext, email: string) {
  return inTransaction(ctx.db, async (trx) => {
    const r = await trx.deleteFrom('reporter_contacts').where('organisation_id', '=', ctx.organisation.id)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
    const erased = Number(r.numDeletedRows);
    const m = await trx.deleteFrom('outbox_messages').where('organisation_id', '=', ctx.organisation.id)
      .where((eb) => eb(eb.fn('lower', ['recipient']), '=', email))
      .where('kind', '!=', 'weekly_digest')
      .executeTakeFirst();
    const messages = Number(m.numDeletedRows);
    await recordAudit(trx, { organisationId: ctx.organisation.id, actor: ctx.actor, action: 'erase', entityType: 'reporter_contact', entityId: fingerprint(email), after: { contacts_erased: erased, messages_erased: messages }, remoteAddress: ctx.remoteAddress });
    return { email, contacts_erased: erased, messages_erased: messages };
  });
}
