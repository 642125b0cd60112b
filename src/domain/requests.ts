import { ConfidentialitySchema } from './confidentiality.js';
import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

export const RequestStatusSchema = z.enum(['requested', 'accepted', 'declined', 'delivered']);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

/** requested → accepted | declined | delivered; accepted → delivered. Declined and delivered are final. */
export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  requested: ['accepted', 'declined', 'delivered'],
  accepted: ['delivered'],
  declined: [],
  delivered: [],
};

/** A district calls on a specialist unit or company: what, for which problem, by when. */
export const RequestCreateSchema = z
  .strictObject({
    from_unit_id: UuidSchema,
    to_unit_id: UuidSchema,
    problem_id: UuidSchema,
    /** The place the request is about, e.g. the library whose premises or staff the district calls on. */
    place_id: UuidSchema.optional(),
    what: z.string().trim().min(1).max(2000),
    due_date: IsoDateSchema,
    /** Default partner: a request is made to be read by the unit asked, partners included. */
    confidentiality: ConfidentialitySchema.optional(),
  })
  .refine((v) => v.from_unit_id !== v.to_unit_id, { path: ['to_unit_id'], message: 'a unit cannot ask itself' });
export type RequestCreate = z.infer<typeof RequestCreateSchema>;

export const RequestAcceptSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const RequestDeclineSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const RequestDeliverSchema = z.strictObject({ note: z.string().trim().min(1).max(2000) });

const Ref = z.object({ id: UuidSchema, name: z.string() });

export const ContributionRequestSchema = z.object({
  id: UuidSchema,
  from_unit: Ref,
  to_unit: Ref,
  problem: z.object({ id: UuidSchema, title: z.string() }),
  place: Ref.nullable(),
  what: z.string(),
  due_date: IsoDateSchema,
  status: RequestStatusSchema,
  answer: z.string().nullable(),
  answered_at: z.string().nullable(),
  overdue: z.boolean(),
  created_at: z.string(),
  confidentiality: ConfidentialitySchema,
  /** Raised on every change; also the ETag, sent back as `If-Match` to refuse overwriting a newer version (409). */
  version: z.number().int(),
});
export type ContributionRequest = z.infer<typeof ContributionRequestSchema>;

export const RequestListQuerySchema = z.object({
  unit_id: UuidSchema.optional(),
  problem_id: UuidSchema.optional(),
  status: RequestStatusSchema.optional(),
});
export type RequestListQuery = z.infer<typeof RequestListQuerySchema>;

/** A request in an inbox: the receiver answers it; the sender sees it too once it is overdue (escalation). */
export const RequestInboxItemSchema = z.object({
  kind: z.literal('contribution_request'),
  id: UuidSchema,
  title: z.string(),
  due_date: IsoDateSchema,
  days_left: z.number().int(),
  overdue: z.boolean(),
  role: z.enum(['receiver', 'sender']),
  status: RequestStatusSchema,
  counterpart: Ref,
  problem: z.object({ id: UuidSchema, title: z.string() }),
  place: Ref.nullable(),
});
