import { z } from 'zod';
import { EmailSchema } from './auth.js';

/** Kinds of records a retention rule applies to. */
export const RetentionTargetSchema = z.enum([
  'incident_free_text',
  'reporter_contact',
  'unconfirmed_reporter_contact',
  'session',
  'sign_in_throttle',
  'import_report',
  'outbox_message',
  'release_draft',
]);
export type RetentionTarget = z.infer<typeof RetentionTargetSchema>;

export const RetentionRuleSchema = z.object({
  target: RetentionTargetSchema,
  months: z.number().int().positive(),
  what: z.object({ sv: z.string(), en: z.string() }),
});
export type RetentionRule = z.infer<typeof RetentionRuleSchema>;

export const RetentionRunResultSchema = z.object({
  dry_run: z.boolean(),
  ran_at: z.string(),
  results: z.array(z.object({ target: RetentionTargetSchema, cutoff: z.string(), affected: z.number().int() })),
  /** Set when another process held the retention lock and this run did nothing. */
  skipped: z.string().optional(),
});

/** A past retention run as the audit log keeps it: when, who (an account's name, or the daily job), what it removed. */
export const RetentionRunSchema = z.object({
  id: z.number().int(),
  ran_at: z.string(),
  actor: z.string(),
  /** The account's name when a person ran it; null for the daily job and the command line. */
  actor_name: z.string().nullable(),
  automatic: z.boolean(),
  results: z.array(z.object({ target: RetentionTargetSchema, affected: z.number().int() })),
});
export type RetentionRun = z.infer<typeof RetentionRunSchema>;

/** The retention page: the rules, what a run now would remove (a dry run), and the last runs. */
export const RetentionOverviewSchema = z.object({
  rules: z.array(RetentionRuleSchema),
  preview: RetentionRunResultSchema,
  runs: z.array(RetentionRunSchema),
});
export type RetentionOverview = z.infer<typeof RetentionOverviewSchema>;

/** One line of the record of processing (GDPR art. 30), shown on a public page. */
export const ProcessingActivitySchema = z.object({
  name: z.object({ sv: z.string(), en: z.string() }),
  purpose: z.object({ sv: z.string(), en: z.string() }),
  legal_basis: z.object({ sv: z.string(), en: z.string() }),
  data: z.object({ sv: z.string(), en: z.string() }),
  recipients: z.object({ sv: z.string(), en: z.string() }),
  retention: z.object({ sv: z.string(), en: z.string() }),
});
export const ProcessingRecordSchema = z.object({
  controller: z.string(),
  contact: z.string(),
  activities: z.array(ProcessingActivitySchema),
  retention_rules: z.array(RetentionRuleSchema),
});
export type ProcessingRecord = z.infer<typeof ProcessingRecordSchema>;

export const DataSubjectRequestSchema = z.strictObject({ email: EmailSchema });

export const RegisterExtractSchema = z.object({
  email: z.string(),
  generated_at: z.string(),
  reports: z.array(
    z.object({
      receipt_code: z.string().nullable(),
      incident_id: z.string(),
      stored_at: z.string(),
      category: z.string(),
      status: z.string(),
    }),
  ),
  /** Messages to the address in the outbox: waiting, sent (kept 12 months as the record of what was sent) or given up. */
  messages: z.array(
    z.object({
      kind: z.string(),
      subject: z.string(),
      incident_id: z.string().nullable(),
      created_at: z.string(),
      status: z.enum(['pending', 'sent', 'failed']),
    }),
  ),
  account: z
    .object({
      display_name: z.string(),
      created_at: z.string(),
      memberships: z.array(z.object({ unit: z.string(), role: z.string() })),
    })
    .nullable(),
});

export const ErasureResultSchema = z.object({
  email: z.string(),
  contacts_erased: z.number().int(),
  messages_erased: z.number().int(),
});
