import { z } from 'zod';
import { startOfLocalDay, addDays } from './calendar/index.js';
import { IsoDateSchema, UuidSchema } from './common.js';

/**
 * Consultation rounds (remiss, issue 16 part 2): a programme version goes out to chosen units with a deadline;
 * each unit drafts and submits one response — a summary, statements per section and proposed changes —
 * and the coordinating office records how each proposal was handled.
 */
export const ResponseStatusSchema = z.enum(['draft', 'submitted']);
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;

/** A response is edited while a draft and submitted once; a submitted response is the unit's decision and stays. */
export const RESPONSE_TRANSITIONS: Readonly<Record<ResponseStatus, readonly ResponseStatus[]>> = {
  draft: ['submitted'],
  submitted: [],
};

/** @example canChangeResponseStatus('submitted', 'submitted') // false */
export function canChangeResponseStatus(from: ResponseStatus, to: ResponseStatus): boolean {
  return RESPONSE_TRANSITIONS[from].includes(to);
}

export const HandlingSchema = z.enum(['accepted', 'partly', 'rejected']);
export type Handling = z.infer<typeof HandlingSchema>;

/**
 * The moment a deadline day ends in the organisation's zone: the start of the next local day, so a
 * response submitted at 23:59 local time on the day is on time, whether the day has 23, 24 or 25 hours.
 * @example deadlineEnd('2026-03-29', 'Europe/Stockholm').toISOString() // '2026-03-29T22:00:00.000Z'
 */
export function deadlineEnd(day: string, timeZone: string): Date {
  return startOfLocalDay(addDays(day, 1), timeZone);
}

/** Whether an answer given (or not yet given) at `at` is after the deadline day. */
export function isAfterDeadline(day: string, timeZone: string, at: Date): boolean {
  return at.getTime() >= deadlineEnd(day, timeZone).getTime();
}

/** Where an invited unit stands: answered (on time or late), drafting or not begun, or overdue without answer. */
export const InvitationStateSchema = z.enum(['answered', 'answered_late', 'pending', 'overdue']);
export type InvitationState = z.infer<typeof InvitationStateSchema>;

/** An invited unit's state at `now` from its response's status and submission time. */
export function invitationState(
  response: { status: ResponseStatus; submitted_at: Date | null },
  deadline: string,
  timeZone: string,
  now: Date,
): InvitationState {
  if (response.status === 'submitted')
    return response.submitted_at && isAfterDeadline(deadline, timeZone, response.submitted_at)
      ? 'answered_late'
      : 'answered';
  return isAfterDeadline(deadline, timeZone, now) ? 'overdue' : 'pending';
}

const Text = z.string().trim().min(1).max(4000);

/** Sending a version on consultation: the units asked, and the last day to answer (a local day). */
export const ConsultationSendSchema = z.strictObject({
  unit_ids: z.array(UuidSchema).min(1).max(60),
  deadline: IsoDateSchema,
});
export type ConsultationSend = z.infer<typeof ConsultationSendSchema>;

/** Saving a draft response: the summary and, per section (by `section_key`), a statement and a proposed change. */
export const ResponseDraftSchema = z.strictObject({
  summary: Text.nullable().optional(),
  sections: z
    .array(
      z.strictObject({
        section_key: UuidSchema,
        statement: Text.nullable().optional(),
        proposal: Text.nullable().optional(),
      }),
    )
    .max(200)
    .optional(),
});
export type ResponseDraft = z.infer<typeof ResponseDraftSchema>;

/** How the office handled a proposal; partly and rejected say why. */
export const ProposalHandlingSchema = z
  .strictObject({ handling: HandlingSchema, reason: Text.optional() })
  .refine((v) => v.handling === 'accepted' || v.reason !== undefined, {
    path: ['reason'],
    message: 'a proposal partly accepted or rejected says why',
  });
export type ProposalHandling = z.infer<typeof ProposalHandlingSchema>;

const UnitRef = z.object({ id: UuidSchema, name: z.string() });

export const ResponseSectionSchema = z.object({
  section_key: UuidSchema,
  statement: z.string().nullable(),
  proposal: z.string().nullable(),
  handling: HandlingSchema.nullable(),
  handling_reason: z.string().nullable(),
});
export type ResponseSection = z.infer<typeof ResponseSectionSchema>;

export const ConsultationResponseSchema = z.object({
  id: UuidSchema,
  round_id: UuidSchema,
  version: z.object({ id: UuidSchema, title: z.string() }),
  unit: UnitRef,
  deadline: IsoDateSchema,
  status: ResponseStatusSchema,
  state: InvitationStateSchema,
  summary: z.string().nullable(),
  submitted_at: z.string().nullable(),
  sections: z.array(ResponseSectionSchema),
});
export type ConsultationResponse = z.infer<typeof ConsultationResponseSchema>;

export const ConsultationRoundSchema = z.object({
  id: UuidSchema,
  version: z.object({ id: UuidSchema, title: z.string() }),
  deadline: IsoDateSchema,
  sent_on: IsoDateSchema,
  responses: z.array(ConsultationResponseSchema),
});
export type ConsultationRound = z.infer<typeof ConsultationRoundSchema>;

export const ConsultationRoundSummarySchema = z.object({
  id: UuidSchema,
  deadline: IsoDateSchema,
  sent_on: IsoDateSchema,
  invited: z.number().int(),
  answered: z.number().int(),
  overdue: z.number().int(),
});
export type ConsultationRoundSummary = z.infer<typeof ConsultationRoundSummarySchema>;

/** A consultation a unit is to answer, in its inbox while the version is out on consultation and the unit has not submitted. */
export const ConsultationInboxItemSchema = z.object({
  kind: z.literal('consultation_response'),
  /** The unit's response, where it is drafted and submitted. */
  id: UuidSchema,
  /** The title of the programme version consulted. */
  title: z.string(),
  due_date: IsoDateSchema,
  days_left: z.number().int(),
  overdue: z.boolean(),
});
