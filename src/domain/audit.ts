import { z } from 'zod';
import { IsoDateTimeSchema, LimitSchema } from './common.js';

export const AuditActionSchema = z.enum(['create', 'update', 'delete', 'import', 'export', 'sign_in', 'seed', 'erase']);

export const AuditEventSchema = z.object({
  id: z.number().int(),
  occurred_at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string().nullable(),
  /** Only the fields that changed, before and after (free text is already redacted at write time). */
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  remote_address: z.string().nullable(),
  /** The acting account's name (when the actor is one of the organisation's accounts). */
  actor_name: z.string().nullable().optional(),
  /** The record's title, when it still exists and the reader may browse it. */
  entity_name: z.string().nullable().optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = z.object({
  actor: z.string().max(254).optional(),
  action: AuditActionSchema.optional(),
  entity_type: z.string().max(60).optional(),
  entity_id: z.string().max(100).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  limit: LimitSchema,
  /** The id of the last event of the previous page (newest first). */
  before_id: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  next_before_id: z.number().int().nullable(),
});

export const AuditExportQuerySchema = AuditQuerySchema.omit({ limit: true, before_id: true }).extend({
  format: z.enum(['csv', 'json']).default('csv'),
});
