import { createHash } from 'node:crypto';
import { inTransaction, liftStatementTimeout } from '../../db/transaction.js';
import { type RetentionOverview, type RetentionTarget, RetentionTargetSchema } from '../../domain/gdpr.js';
import type { Db, ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { expireSignInThrottle } from '../auth/sign-in-throttle.js';
import {
  deleteMessagesTo,
  deleteReporterContactsByEmail,
  findUserByEmail,
  listMembershipsOfUser,
  listMessagesTo,
  listReportsByReporterEmail,
} from './gdpr.repo.js';
import {
  clearIncidentFreeText,
  clearStaleImportReports,
  countAbandonedReleaseDrafts,
  countDoneOutboxMessages,
  countExpiredContacts,
  countExpiredSessions,
  countIncidentFreeText,
  countStaleImportReports,
  deleteAbandonedReleaseDrafts,
  deleteDoneOutboxMessages,
  deleteExpiredContacts,
  deleteExpiredSessions,
  listRetentionRuns,
  tryAdvisoryXactLock,
} from './retention.repo.js';
import { processingRecord, RETENTION_RULES } from './processing-record.js';

/** Subtracts whole calendar months (the cutoff of a retention rule). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

async function applyRule(
  db: Db,
  organisationId: string,
  target: RetentionTarget,
  cutoff: Date,
  dryRun: boolean,
): Promise<number> {
  switch (target) {
    case 'incident_free_text':
      return dryRun
        ? countIncidentFreeText(db, organisationId, cutoff)
        : clearIncidentFreeText(db, organisationId, cutoff);
    case 'reporter_contact':
      return dryRun
        ? countExpiredContacts(db, organisationId, cutoff, 'is not')
        : deleteExpiredContacts(db, organisationId, cutoff, 'is not');
    case 'unconfirmed_reporter_contact':
      return dryRun
        ? countExpiredContacts(db, organisationId, cutoff, 'is')
        : deleteExpiredContacts(db, organisationId, cutoff, 'is');
    case 'session':
      return dryRun
        ? countExpiredSessions(db, organisationId, cutoff)
        : deleteExpiredSessions(db, organisationId, cutoff);
    case 'sign_in_throttle':
      return expireSignInThrottle(db, organisationId, cutoff, dryRun);
    case 'import_report':
      return dryRun
        ? countStaleImportReports(db, organisationId, cutoff)
        : clearStaleImportReports(db, organisationId, cutoff);
    case 'outbox_message':
      return dryRun
        ? countDoneOutboxMessages(db, organisationId, cutoff)
        : deleteDoneOutboxMessages(db, organisationId, cutoff);
    case 'release_draft':
      return dryRun
        ? countAbandonedReleaseDrafts(db, organisationId, cutoff)
        : deleteAbandonedReleaseDrafts(db, organisationId, cutoff);
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
    if (!(await tryAdvisoryXactLock(trx, RETENTION_LOCK)))
      return {
        dry_run: options.dryRun,
        ran_at: now.toISOString(),
        results: [],
        skipped: 'another process is running retention' as const,
      };
    // The daily run goes through the server's sessions, whose statement timeout a first run over years of data may exceed.
    await liftStatementTimeout(trx);
    const results = [];
    for (const rule of RETENTION_RULES) {
      const cutoff = monthsBefore(now, rule.months);
      results.push({
        target: rule.target,
        cutoff: cutoff.toISOString(),
        affected: await applyRule(trx, ctx.organisation.id, rule.target, cutoff, options.dryRun),
      });
    }
    if (!options.dryRun) {
      await auditChange(trx, ctx, {
        action: 'delete',
        entityType: 'retention_run',
        after: { results },
      });
    }
    return { dry_run: options.dryRun, ran_at: now.toISOString(), results };
  });
}

/** The actor of the daily run (cli/background-jobs.ts): the run no person started. */
const DAILY_JOB_ACTOR = 'retention-job';

/**
 * The retention page: the rules, what a run now would remove (the same run, counting only) and the last ten
 * runs from the audit log.
 */
export async function getRetentionOverview(ctx: ServiceContext, now = new Date()): Promise<RetentionOverview> {
  const [preview, runs] = [
    await runRetention(ctx, { dryRun: true, now }),
    await listRetentionRuns(ctx.db, ctx.organisation.id, 10),
  ];
  return {
    rules: [...RETENTION_RULES],
    preview,
    runs: runs.map((r) => {
      const results = ((r.after as { results?: unknown[] } | null)?.results ?? []) as Array<Record<string, unknown>>;
      return {
        id: r.id,
        ran_at: new Date(r.occurred_at).toISOString(),
        actor: r.actor,
        actor_name: r.display_name ?? null,
        automatic: r.actor === DAILY_JOB_ACTOR,
        results: results.flatMap((x) => {
          const target = RetentionTargetSchema.safeParse(x.target);
          return target.success && typeof x.affected === 'number'
            ? [{ target: target.data, affected: x.affected }]
            : [];
        }),
      };
    }),
  };
}

export function getProcessingRecord(ctx: ServiceContext & { organisationRecord?: { name: string } }) {
  return processingRecord(ctx.organisationRecord?.name ?? ctx.organisation.slug);
}

/** The audit log must say an erasure happened without keeping the address it erased. */
const fingerprint = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 16);

/** Everything stored about a reporter's e-mail address (register extract, GDPR art. 15). */
export async function registerExtract(ctx: ServiceContext, email: string) {
  const reports = await listReportsByReporterEmail(ctx.db, ctx.organisation.id, email);
  const user = await findUserByEmail(ctx.db, ctx.organisation.id, email);
  const memberships = user ? await listMembershipsOfUser(ctx.db, user.id) : [];
  const messages = await listMessagesTo(ctx.db, ctx.organisation.id, email);
  await auditChange(ctx.db, ctx, {
    action: 'export',
    entityType: 'register_extract',
    entityId: fingerprint(email),
    after: { reports: reports.length, messages: messages.length, account: Boolean(user) },
  });
  return {
    email,
    generated_at: new Date().toISOString(),
    reports: reports.map((r) => ({
      receipt_code: r.receipt_code,
      incident_id: r.id,
      stored_at: new Date(r.created_at).toISOString(),
      category: r.code,
      status: r.status,
    })),
    messages: messages.map((m) => ({
      kind: m.kind,
      subject: m.subject,
      incident_id: m.incident_id,
      created_at: new Date(m.created_at).toISOString(),
      status: m.sent_at ? ('sent' as const) : m.failed_at ? ('failed' as const) : ('pending' as const),
    })),
    account: user
      ? {
          display_name: user.display_name,
          created_at: new Date(user.created_at).toISOString(),
          memberships: memberships.map((m) => ({ unit: m.name, role: m.role })),
        }
      : null,
  };
}

/**
 * Erases a reporter's e-mail address everywhere it is kept (GDPR art. 17); the reports themselves stay. The
 * outbox goes too, whatever the message's state: a waiting one would otherwise be sent after the erasure, and a
 * sent or failed one (a status message, the confirmation link) keeps the address. Weekly digests stay: they go
 * to staff accounts, which hold the address themselves.
 */
export async function eraseReporterEmail(ctx: ServiceContext, email: string) {
  return inTransaction(ctx.db, async (trx) => {
    const erased = await deleteReporterContactsByEmail(trx, ctx.organisation.id, email);
    const messages = await deleteMessagesTo(trx, ctx.organisation.id, email);
    await auditChange(trx, ctx, {
      action: 'erase',
      entityType: 'reporter_contact',
      entityId: fingerprint(email),
      after: { contacts_erased: erased, messages_erased: messages },
    });
    return { email, contacts_erased: erased, messages_erased: messages };
  });
}
