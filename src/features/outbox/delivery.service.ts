import { redactPersonalData } from '../../analysis/text/redact.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../core/audit.repo.js';
import { leaseDueMessages, markFailedAttempt, markSent } from './delivery.repo.js';

/** What the mailer needs of a mail transport (nodemailer's transporter has it). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface DeliveryOptions {
  from: string;
  /** Messages per run. */
  batchSize?: number;
  /** Tries before a message is given up. */
  maxAttempts?: number;
  now?: () => Date;
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  gaveUp: number;
}

const LEASE_MS = 5 * 60_000;

/** Wait before try n + 1 after n failed tries: 1, 4, 16 … minutes, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** (attempts - 1), 6 * 3600_000);
}

/**
 * Sends the due outbox messages once. A message is marked sent only after the transport accepted it; a failure
 * is retried with backoff until `maxAttempts`. Sent and given-up messages are audited (attempts are not: they
 * are delivery bookkeeping, not a change anyone made). Errors are redacted: SMTP replies quote addresses.
 */
export async function deliverDueMessages(
  db: Kysely<Database>,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 6;
  const started = now();
  const leased = await leaseDueMessages(db, started, new Date(started.getTime() + LEASE_MS), options.batchSize ?? 50);
  const result: DeliveryResult = { sent: 0, retrying: 0, gaveUp: 0 };
  for (const message of leased) {
    let error: string | null = null;
    try {
      await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (err) {
      error = redactPersonalData(err instanceof Error ? err.message : String(err)).text;
    }
    const at = now();
    const gaveUp = error !== null && message.attempts >= maxAttempts;
    await inTransaction(db, async (trx) => {
      if (error === null) await markSent(trx, message.id, at);
      else
        await markFailedAttempt(
          trx,
          message.id,
          error,
          at,
          gaveUp ? null : new Date(at.getTime() + retryDelayMs(message.attempts)),
        );
      if (error === null || gaveUp) {
        await recordAudit(trx, {
          organisationId: message.organisation_id,
          actor: 'mailer',
          action: 'update',
          entityType: 'outbox_message',
          entityId: message.id,
          after:
            error === null
              ? { sent: true, kind: message.kind, attempts: message.attempts }
              : { failed: true, attempts: message.attempts, last_error: error },
        });
      }
    });
    if (error === null) result.sent++;
    else if (gaveUp) result.gaveUp++;
    else result.retrying++;
  }
  return result;
}
