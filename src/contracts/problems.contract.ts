import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  BaselineInputSchema,
  EvidenceInputSchema,
  ProblemCreateSchema,
  ProblemListQuerySchema,
  ProblemSchema,
  ProblemUpdateSchema,
} from '../domain/problems.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** Identified problems (SARA): record, list, edit, move through stages, link and unlink evidence, set the baseline. */
export const problemsContract = {
  create: defineRoute({
    method: 'POST',
    path: '/problems',
    policy: 'programme:write',
    tags,
    summary: 'Record an identified problem',
    body: ProblemCreateSchema,
    response: { 201: ProblemSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/problems',
    policy: 'programme:read',
    tags,
    summary: 'Problems, newest first',
    query: ProblemListQuerySchema,
    response: { 200: z.array(ProblemSchema) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/problems/:id',
    policy: 'programme:read',
    tags,
    summary: 'One problem with evidence, baseline and measures',
    params: IdParams,
    response: { 200: ProblemSchema },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/problems/:id',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary:
      'Edit a problem (a new area, places or categories recompute the baseline) or move it one SARA stage (409 INVALID_TRANSITION otherwise)',
    params: IdParams,
    body: ProblemUpdateSchema,
    response: { 200: ProblemSchema },
  }),
  addEvidence: defineRoute({
    method: 'POST',
    path: '/problems/:id/evidence',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: 'Link evidence (incident filter, hotspot, note, document)',
    params: IdParams,
    body: EvidenceInputSchema,
    response: { 200: ProblemSchema },
  }),
  removeEvidence: defineRoute({
    method: 'DELETE',
    path: '/problems/:id/evidence/:evidence_id',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: 'Unlink one piece of evidence',
    params: IdParams.extend({ evidence_id: UuidSchema }),
    response: { 200: ProblemSchema },
  }),
  setBaseline: defineRoute({
    method: 'PUT',
    path: '/problems/:id/baseline',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: 'Set the baseline period; its value is computed from incidents',
    params: IdParams,
    body: BaselineInputSchema,
    response: { 200: ProblemSchema },
  }),
};
