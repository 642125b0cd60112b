import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  ComponentStatusChangeSchema,
  FollowupAddSchema,
  FollowupRecordSchema,
  MeasureCreateSchema,
  MeasureListQuerySchema,
  MeasureSchema,
  MeasureStatusChangeSchema,
  MeasureUpdateSchema,
} from '../domain/measures.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** Measures aimed at problems: record, edit, status transitions, components, follow-ups. */
export const measuresContract = {
  create: defineRoute({
    method: 'POST',
    path: '/measures',
    policy: 'programme:write',
    tags,
    summary: 'Record a measure aimed at one or more problems',
    body: MeasureCreateSchema,
    response: { 201: MeasureSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/measures',
    policy: 'programme:read',
    tags,
    summary: 'Measures, newest first',
    query: MeasureListQuerySchema,
    response: { 200: z.array(MeasureSchema) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/measures/:id',
    policy: 'programme:read',
    tags,
    summary: 'One measure',
    params: IdParams,
    response: { 200: MeasureSchema },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/measures/:id',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: 'Edit a measure (responsible unit only)',
    params: IdParams,
    body: MeasureUpdateSchema,
    response: { 200: MeasureSchema },
  }),
  changeStatus: defineRoute({
    method: 'POST',
    path: '/measures/:id/status',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: 'Change status: planned → ongoing → done, or stopped (409 INVALID_TRANSITION otherwise)',
    params: IdParams,
    body: MeasureStatusChangeSchema,
    response: { 200: MeasureSchema },
  }),
  changeComponentStatus: defineRoute({
    method: 'POST',
    path: '/measures/:id/components/:component_id/status',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: "Change a component's status (same transitions)",
    params: IdParams.extend({ component_id: UuidSchema }),
    body: ComponentStatusChangeSchema,
    response: { 200: MeasureSchema },
  }),
  addFollowup: defineRoute({
    method: 'POST',
    path: '/measures/:id/followups',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: 'Plan a follow-up date',
    params: IdParams,
    body: FollowupAddSchema,
    response: { 200: MeasureSchema },
  }),
  recordFollowup: defineRoute({
    method: 'POST',
    path: '/measures/:id/followups/:followup_id',
    policy: 'programme:write',
    tags,
    ifMatch: true,
    summary: 'Record a follow-up; the indicator value is computed from incidents',
    params: IdParams.extend({ followup_id: UuidSchema }),
    body: FollowupRecordSchema,
    response: { 200: MeasureSchema },
  }),
};
