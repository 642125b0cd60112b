import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  ContributionRequestSchema,
  RequestAcceptSchema,
  RequestCreateSchema,
  RequestDeclineSchema,
  RequestDeliverSchema,
  RequestListQuerySchema,
} from '../domain/requests.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });
const response = { 200: ContributionRequestSchema };

/** Contribution requests: a district calls on a unit; the unit accepts, declines (reason) or delivers (note). */
export const requestsContract = {
  create: defineRoute({
    method: 'POST',
    path: '/requests',
    policy: 'programme:write',
    tags,
    summary: 'Call on another unit for a problem',
    body: RequestCreateSchema,
    response: { 201: ContributionRequestSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/requests',
    policy: 'programme:read',
    tags,
    summary: 'Requests sent or received, soonest due first',
    query: RequestListQuerySchema,
    response: { 200: z.array(ContributionRequestSchema) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/requests/:id',
    policy: 'programme:read',
    tags,
    summary: 'One request',
    params: IdParams,
    response,
  }),
  accept: defineRoute({
    method: 'POST',
    path: '/requests/:id/accept',
    policy: 'requests:answer',
    tags,
    ifMatch: true,
    summary: 'Accept (receiving unit); 409 INVALID_TRANSITION unless requested',
    params: IdParams,
    body: RequestAcceptSchema,
    response,
  }),
  decline: defineRoute({
    method: 'POST',
    path: '/requests/:id/decline',
    policy: 'requests:answer',
    tags,
    ifMatch: true,
    summary: 'Decline with a reason (receiving unit)',
    params: IdParams,
    body: RequestDeclineSchema,
    response,
  }),
  deliver: defineRoute({
    method: 'POST',
    path: '/requests/:id/deliver',
    policy: 'requests:answer',
    tags,
    ifMatch: true,
    summary: 'Deliver with a note (receiving unit)',
    params: IdParams,
    body: RequestDeliverSchema,
    response,
  }),
};
