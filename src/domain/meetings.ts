import { z } from 'zod';
import { AgreementReviewInboxItemSchema } from './agreements.js';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from './common.js';
import { ConsultationInboxItemSchema } from './consultations.js';
import { RequestInboxItemSchema } from './requests.js';
import { IncidentInboxItemSchema } from './responsibility.js';
import { IsoWeekSchema, SituationReportSchema } from './situation.js';
import { ConfidentialitySchema } from './confidentiality.js';

/** Freeze the week's figures for the meeting: a district (area id) or, with area_id null, the whole city. */
export const FreezeReportSchema = z.strictObject({
  area_id: UuidSchema.nullable(),
  week: IsoWeekSchema,
  /** Default partner: the frozen report is made to be read with the partners at the meeting. */
  confidentiality: ConfidentialitySchema.optional(),
});
export type FreezeReport = z.infer<typeof FreezeReportSchema>;

export const FrozenReportSummarySchema = z.object({
  id: UuidSchema,
  area_id: UuidSchema.nullable(),
  week: z.string(),
  frozen_at: z.string(),
  frozen_by: z.string(),
  meeting_id: UuidSchema.nullable(),
  confidentiality: ConfidentialitySchema,
});
export type FrozenReportSummary = z.infer<typeof FrozenReportSummarySchema>;
export const FrozenReportListQuerySchema = z.object({
  area_id: UuidSchema.optional(),
  from_week: IsoWeekSchema.optional(),
});

const Delta = z.object({ frozen: z.number().int(), current: z.number().int(), difference: z.number().int() });

/** What arrived after the freeze: current minus frozen, for the totals, each neighbourhood and each category. */
export const ReportDiffSchema = z.object({
  total: Delta,
  neighbourhoods: z.array(Delta.extend({ code: z.string(), name: z.string() })),
  categories: z.array(Delta.extend({ code: z.string(), label_sv: z.string() })),
  /** Incidents of the week reported after the freeze (late reports). */
  reported_after_freeze: z.number().int(),
});

/** A frozen report: the figures as they were at freeze time, the same figures now, and the difference. */
export const FrozenReportViewSchema = z.object({
  report: FrozenReportSummarySchema,
  frozen: SituationReportSchema,
  current: SituationReportSchema,
  diff: ReportDiffSchema,
});
export type FrozenReportView = z.infer<typeof FrozenReportViewSchema>;

export const MeetingActionStatusSchema = z.enum(['open', 'done', 'cancelled']);
export type MeetingActionStatus = z.infer<typeof MeetingActionStatusSchema>;

/** A decided action: one unit is responsible and it has a due date. */
export const MeetingActionCreateSchema = z.strictObject({
  unit_id: UuidSchema,
  title: z.string().trim().min(1).max(500),
  due_date: IsoDateSchema,
  confidentiality: ConfidentialitySchema.optional(),
});
export type MeetingActionCreate = z.infer<typeof MeetingActionCreateSchema>;

/** open → done or cancelled (and back to open if closed by mistake); a note says what was done. */
export const MeetingActionUpdateSchema = z.strictObject({
  status: MeetingActionStatusSchema,
  note: z.string().trim().max(1000).optional(),
});
export type MeetingActionUpdate = z.infer<typeof MeetingActionUpdateSchema>;

export const MeetingActionSchema = z.object({
  id: UuidSchema,
  meeting_id: UuidSchema,
  unit_id: UuidSchema,
  unit_name: z.string(),
  title: z.string(),
  due_date: IsoDateSchema,
  status: MeetingActionStatusSchema,
  status_note: z.string().nullable(),
  closed_at: z.string().nullable(),
  confidentiality: ConfidentialitySchema,
  /** Raised on every change; also the ETag, sent back as `If-Match` to refuse overwriting a newer version (409). */
  version: z.number().int(),
});
export type MeetingAction = z.infer<typeof MeetingActionSchema>;

/** A person at the meeting by name, and the unit they came from when known (none: an outside guest). */
export const MeetingAttendeeInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unit_id: UuidSchema.nullable().default(null),
});
export type MeetingAttendeeInput = z.infer<typeof MeetingAttendeeInputSchema>;

/** The EST meeting about a frozen report; notes are redacted of personal data before they are stored. */
export const MeetingCreateSchema = z.strictObject({
  held_at: IsoDateTimeSchema,
  participants: z.array(UuidSchema).min(1).max(50),
  /** The people there by name, for the protocol's list of participants. */
  attendees: z.array(MeetingAttendeeInputSchema).max(100).default([]),
  notes: z.string().trim().max(20_000).optional(),
  actions: z.array(MeetingActionCreateSchema).max(100).default([]),
  confidentiality: ConfidentialitySchema.optional(),
});
export type MeetingCreate = z.infer<typeof MeetingCreateSchema>;

export const MeetingUpdateSchema = z
  .strictObject({
    held_at: IsoDateTimeSchema.optional(),
    participants: z.array(UuidSchema).min(1).max(50).optional(),
    attendees: z.array(MeetingAttendeeInputSchema).max(100).optional(),
    notes: z.string().trim().max(20_000).optional(),
    confidentiality: ConfidentialitySchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

export const MeetingSchema = z.object({
  id: UuidSchema,
  report_id: UuidSchema,
  area_id: UuidSchema.nullable(),
  week: z.string(),
  held_at: z.string(),
  participants: z.array(z.object({ id: UuidSchema, name: z.string() })),
  attendees: z.array(z.object({ name: z.string(), unit_id: UuidSchema.nullable(), unit_name: z.string().nullable() })),
  /** Null for readers without access to free text (analysts). */
  notes: z.string().nullable(),
  notes_redactions: z.number().int(),
  actions: z.array(MeetingActionSchema),
  confidentiality: ConfidentialitySchema,
  /** Raised on every change; also the ETag, sent back as `If-Match` to refuse overwriting a newer version (409). */
  version: z.number().int(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/**
 * A meeting action in a unit's inbox; InboxItemSchema below adds contribution requests, routed incidents, agreement
 * reviews and consultations to answer.
 */
export const MeetingActionInboxItemSchema = z.object({
  kind: z.literal('meeting_action'),
  id: UuidSchema,
  title: z.string(),
  due_date: IsoDateSchema,
  /** Days until due (negative when overdue), counted in Swedish calendar days. */
  days_left: z.number().int(),
  overdue: z.boolean(),
  meeting: z.object({ id: UuidSchema, week: z.string(), area_id: UuidSchema.nullable(), area_name: z.string() }),
});
export const InboxItemSchema = z.discriminatedUnion('kind', [
  MeetingActionInboxItemSchema,
  RequestInboxItemSchema,
  IncidentInboxItemSchema,
  AgreementReviewInboxItemSchema,
  ConsultationInboxItemSchema,
]);
export type InboxItem = z.infer<typeof InboxItemSchema>;
export const InboxQuerySchema = z.object({ unit_id: UuidSchema });
export const InboxSchema = z.object({ unit_id: UuidSchema, items: z.array(InboxItemSchema) });
