import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  ConsultationResponseSchema,
  ConsultationRoundSchema,
  ConsultationRoundSummarySchema,
  ConsultationSendSchema,
  ProposalHandlingSchema,
  ResponseDraftSchema,
} from '../domain/consultations.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** Consultation rounds on programme versions: sending, answering and handling proposals. Never public. */
export const consultationsContract = {
  send: defineRoute({
    method: 'POST',
    path: '/programme-versions/:id/consultations',
    policy: 'programmes:manage',
    tags,
    summary: 'Send a draft on consultation to units with a deadline day (409 INVALID_TRANSITION unless a draft)',
    params: IdParams,
    body: ConsultationSendSchema,
    response: { 201: ConsultationRoundSchema },
  }),
  listRounds: defineRoute({
    method: 'GET',
    path: '/programme-versions/:id/consultations',
    policy: 'programmes:manage',
    tags,
    summary: "A version's consultation rounds with how many have answered and how many are overdue",
    params: IdParams,
    response: { 200: z.array(ConsultationRoundSummarySchema) },
  }),
  getRound: defineRoute({
    method: 'GET',
    path: '/consultation-rounds/:id',
    policy: 'programmes:manage',
    tags,
    summary: 'A round: each unit answered, pending or overdue, and the submitted statements per section',
    params: IdParams,
    response: { 200: ConsultationRoundSchema },
  }),
  mine: defineRoute({
    method: 'GET',
    path: '/consultation-responses',
    policy: 'consultations:respond',
    tags,
    summary: "The consultations the caller's units are asked to answer",
    response: { 200: z.array(ConsultationResponseSchema) },
  }),
  getResponse: defineRoute({
    method: 'GET',
    path: '/consultation-responses/:id',
    policy: 'consultations:read',
    tags,
    summary: "One response (its unit's editors and coordinators, and the coordinating office)",
    params: IdParams,
    response: { 200: ConsultationResponseSchema },
  }),
  saveDraft: defineRoute({
    method: 'PATCH',
    path: '/consultation-responses/:id',
    policy: 'consultations:respond',
    tags,
    summary: 'Save a draft response (403 if not the unit consulted, 409 once submitted)',
    params: IdParams,
    body: ResponseDraftSchema,
    response: { 200: ConsultationResponseSchema },
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/consultation-responses/:id/submit',
    policy: 'consultations:respond',
    tags,
    summary: 'Submit the response; after the deadline it is taken and marked late (409 if already submitted)',
    params: IdParams,
    response: { 200: ConsultationResponseSchema },
  }),
  handle: defineRoute({
    method: 'POST',
    path: '/consultation-responses/:id/proposals/:section_key',
    policy: 'programmes:manage',
    tags,
    summary: 'Record how a proposal was handled; partly or rejected needs a reason (409 before submission)',
    params: z.object({ id: UuidSchema, section_key: UuidSchema }),
    body: ProposalHandlingSchema,
    response: { 200: ConsultationResponseSchema },
  }),
};
