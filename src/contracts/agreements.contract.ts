import { z } from 'zod';
import {
  AgreementCreateSchema,
  AgreementListQuerySchema,
  AgreementPublicTextSchema,
  AgreementReviewSchema,
  AgreementSchema,
  AgreementUpdateSchema,
  PublicAgreementQuerySchema,
  PublicAgreementSchema,
} from '../domain/agreements.js';
import { UuidSchema } from '../domain/common.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** Local agreements with the police (samverkansöverenskommelser, medborgarlöften) and their public progress page. */
export const agreementsContract = {
  create: defineRoute({
    method: 'POST',
    path: '/agreements',
    policy: 'agreements:write',
    tags,
    summary: "Record a district's agreement with the police",
    body: AgreementCreateSchema,
    response: { 201: AgreementSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/agreements',
    policy: 'programme:read',
    tags,
    summary: 'Agreements with priority areas, activities, indicators and review status',
    query: AgreementListQuerySchema,
    response: { 200: z.array(AgreementSchema) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/agreements/:id',
    policy: 'programme:read',
    tags,
    summary: 'One agreement',
    params: IdParams,
    response: { 200: AgreementSchema },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/agreements/:id',
    policy: 'agreements:write',
    tags,
    ifMatch: true,
    summary: 'Edit an agreement (the district only)',
    params: IdParams,
    body: AgreementUpdateSchema,
    response: { 200: AgreementSchema },
  }),
  review: defineRoute({
    method: 'POST',
    path: '/agreements/:id/review',
    policy: 'agreements:write',
    tags,
    ifMatch: true,
    summary:
      'Record the six-monthly review with an assessment of every activity and indicator (409 INVALID_TRANSITION on or before the last one, or in the future)',
    params: IdParams,
    body: AgreementReviewSchema,
    response: { 200: AgreementSchema },
  }),
  setPublicText: defineRoute({
    method: 'PUT',
    path: '/agreements/:id/public-text',
    policy: 'agreements:write',
    tags,
    ifMatch: true,
    summary: 'Approve the text the public progress page shows (null withdraws it)',
    params: IdParams,
    body: AgreementPublicTextSchema,
    response: { 200: AgreementSchema },
  }),
  listPublic: defineRoute({
    method: 'GET',
    path: '/public/agreements',
    policy: 'public',
    rateLimit: { max: 60, timeWindow: '1 minute' },
    tags: ['public'],
    summary: 'Progress of local agreements: areas, activities, indicators; approved text only',
    query: PublicAgreementQuerySchema,
    response: { 200: z.array(PublicAgreementSchema) },
  }),
};
