import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import {
  ComponentStatusChangeSchema, FollowupAddSchema, FollowupRecordSchema, MeasureCreateSchema, MeasureListQuerySchema, MeasureSchema,
  MeasureStatusChangeSchema, MeasureUpdateSchema,
} from '../../domain/measures.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import {
  addFollowup, changeComponentStatus, changeMeasureStatus, createMeasure, getMeasure, listMeasures, recordFollowup, updateMeasure,
} from './measures.service.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** Measures aimed at problems: record, edit, status transitions, components, follow-ups. */
export const measuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/measures', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Record a measure aimed at one or more problems', body: MeasureCreateSchema, response: { 201: MeasureSchema } },
  }, async (request, reply) => reply.status(201).send(await createMeasure(await serviceContext(request), request.body)));

  app.get('/measures', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'Measures, newest first', querystring: MeasureListQuerySchema, response: { 200: z.array(MeasureSchema) } },
  }, async (request) => listMeasures(await serviceContext(request), request.query));

  app.get('/measures/:id', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'One measure', params: IdParams, response: { 200: MeasureSchema } },
  }, async (request) => getMeasure(await serviceContext(request), request.params.id));

  app.patch('/measures/:id', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Edit a measure (responsible unit only)', params: IdParams, body: MeasureUpdateSchema, response: { 200: MeasureSchema } },
  }, async (request) => updateMeasure(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.post('/measures/:id/status', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Change status: planned → ongoing → done, or stopped (409 INVALID_TRANSITION otherwise)', params: IdParams, body: MeasureStatusChangeSchema, response: { 200: MeasureSchema } },
  }, async (request) => changeMeasureStatus(await serviceContext(request), request.params.id, request.body.status, ifMatch(request)));

  app.post('/measures/:id/components/:component_id/status', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: "Change a component's status (same transitions)", params: IdParams.extend({ component_id: UuidSchema }), body: ComponentStatusChangeSchema, response: { 200: MeasureSchema } },
  }, async (request) => changeComponentStatus(await serviceContext(request), request.params.id, request.params.component_id, request.body.status, ifMatch(request)));

  app.post('/measures/:id/followups', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Plan a follow-up date', params: IdParams, body: FollowupAddSchema, response: { 200: MeasureSchema } },
  }, async (request) => addFollowup(await serviceContext(request), request.params.id, request.body.due_date, ifMatch(request)));

  app.post('/measures/:id/followups/:followup_id', {
    config: { policy: 'programme:write' },
    schema: { tags, summary: 'Record a follow-up; the indicator value is computed from incidents', params: IdParams.extend({ followup_id: UuidSchema }), body: FollowupRecordSchema, response: { 200: MeasureSchema } },
  }, async (request) => recordFollowup(await serviceContext(request), request.params.id, request.params.followup_id, request.body, ifMatch(request)));
};
